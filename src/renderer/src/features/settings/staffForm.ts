import { asciiDigits } from '../../../../shared/domain'
import type { InvokeInput } from '../../../../shared/ipc'
import type { Employee, Role } from '../../types'

export type EmployeeSaveInput = InvokeInput<'employee:save'>
export type StaffField = 'name' | 'role' | 'pin' | 'confirmPin' | 'isActive'
/** Message keys (settings namespace) by field. */
export type StaffErrors = Partial<Record<StaffField, string>>

/** A person as the form holds them; the PINs as typed, never shown again after saving. */
export interface EmployeeDraft {
  /** Null for a new person. */
  id: string | null
  name: string
  role: Role
  pin: string
  confirmPin: string
  isActive: boolean
  /** Whether the saved record is active: reactivating someone needs a fresh PIN. */
  wasActive: boolean
}

export const roles: readonly Role[] = ['cashier', 'manager', 'admin']

const pinPattern = /^[0-9]{4,8}$/
const nameMaxLength = 100

export function newEmployeeDraft(): EmployeeDraft {
  return {
    id: null,
    name: '',
    role: 'cashier',
    pin: '',
    confirmPin: '',
    isActive: true,
    wasActive: true,
  }
}

export function employeeDraft(employee: Employee): EmployeeDraft {
  return {
    id: employee.id,
    name: employee.name,
    role: employee.role,
    pin: '',
    confirmPin: '',
    isActive: employee.isActive,
    wasActive: employee.isActive,
  }
}

/** The same checks main makes, so most mistakes are named before anything is sent. */
export function checkEmployeeDraft(
  draft: EmployeeDraft,
): { ok: true; input: EmployeeSaveInput } | { ok: false; errors: StaffErrors } {
  const errors: StaffErrors = {}
  const name = draft.name.trim()
  const pin = asciiDigits(draft.pin.trim())
  const confirmPin = asciiDigits(draft.confirmPin.trim())
  if (name === '') errors.name = 'staff.errors.nameMissing'
  else if (name.length > nameMaxLength) errors.name = 'staff.errors.nameTooLong'
  if (pin === '') {
    if (draft.id === null) errors.pin = 'staff.errors.pinMissing'
    else if (draft.isActive && !draft.wasActive) errors.pin = 'staff.errors.pinToReactivate'
  } else if (!pinPattern.test(pin)) errors.pin = 'staff.errors.pinFormat'
  else if (confirmPin !== pin) errors.confirmPin = 'staff.errors.pinMismatch'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    input: {
      ...(draft.id ? { id: draft.id } : {}),
      name,
      role: draft.role,
      ...(pin ? { pin } : {}),
      isActive: draft.isActive,
    },
  }
}

const fields: readonly string[] = ['name', 'role', 'pin', 'confirmPin', 'isActive']

function isStaffField(path: string): path is StaffField {
  return fields.includes(path)
}

/**
 * Where main's refusal belongs: the field its path names, with a message key for the refusals
 * this screen knows (the PIN taken, the last admin); null when it is not about one field.
 */
export function fieldOfError(
  error: { code: string; path?: string | null | undefined },
  draft: EmployeeDraft,
): { field: StaffField; key: string | null } | null {
  const path = error.path ?? ''
  if (!isStaffField(path)) return null
  if (error.code === 'CONFLICT' && path === 'pin')
    return { field: path, key: 'staff.errors.pinTaken' }
  if (error.code === 'CONFLICT' && (path === 'role' || path === 'isActive'))
    return { field: path, key: 'staff.errors.lastAdmin' }
  if (error.code === 'VALIDATION_FAILED' && path === 'pin')
    return {
      field: path,
      key:
        draft.id === null
          ? 'staff.errors.pinMissing'
          : draft.pin === ''
            ? 'staff.errors.pinToReactivate'
            : 'staff.errors.pinFormat',
    }
  return { field: path, key: null }
}
