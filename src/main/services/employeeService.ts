import { v7 as uuidv7 } from 'uuid'
import type { InvokeOutput, InvokeParsedInput } from '../../shared/ipc/contract'
import { PosError } from '../../shared/ipc/errors'
import type { RegisterStore, Repositories } from '../store/repositories'
import type { Authority } from './authority'
import { hashPin, verifyPin } from './pin'

/*
 * Staff are edited by an admin on any register and travel like any other record (PENDING row +
 * outbox entry), PIN hash included, so every register can verify the PIN offline.
 *
 * Sign-in is by PIN alone, so two active people must never share one: the PIN is checked against
 * every other active employee's hash before it is saved.
 *
 * Registers edit offline, so two of them could still hand out one PIN before they sync; that
 * cannot be caught here, only when one of the two is edited again.
 *
 * Deactivating (or demoting) the person who is signed in does not sign them out: the authority
 * holds who is signed in for this session, and the change takes effect at their next sign-in.
 */

export interface EmployeeServiceContext {
  store: RegisterStore
  authority: Authority
  deviceId: () => string
  now: () => Date
}

type EmployeeInput = InvokeParsedInput<'employee:save'>
type Employee = InvokeOutput<'employee:save'>

type Employees = Repositories['employees']

function otherActiveEmployees(employees: Employees, id: string) {
  return employees.activeEmployeesWithPins().filter((employee) => employee.id !== id)
}

function checkPinUnique(employees: Employees, id: string, pin: string): void {
  const clash = otherActiveEmployees(employees, id).some((employee) =>
    verifyPin(employee.pinHash, pin),
  )
  if (clash) throw new PosError('CONFLICT', 'Another active employee already uses that PIN.', 'pin')
}

/** Taking away the last active admin would leave no one able to manage staff. */
function checkAdminRemains(
  employees: Employees,
  before: { role: string; isActive: boolean },
  input: EmployeeInput,
  id: string,
): void {
  const wasAdmin = before.role === 'admin' && before.isActive
  const staysAdmin = input.role === 'admin' && input.isActive
  if (!wasAdmin || staysAdmin) return
  const otherAdmins = otherActiveEmployees(employees, id).filter(
    (employee) => employee.role === 'admin',
  )
  if (otherAdmins.length === 0)
    throw new PosError(
      'CONFLICT',
      'This is the last active admin. Make someone else an admin first.',
      input.isActive ? 'role' : 'isActive',
    )
}

/** An admin adds or edits a person; the PIN is hashed, never stored or audited in clear. */
export function saveEmployee(context: EmployeeServiceContext, input: EmployeeInput): Employee {
  const actor = context.authority.requireSignedIn()
  if (actor.role !== 'admin')
    throw new PosError('FORBIDDEN', 'Only an admin can add or change staff.')
  const now = context.now().toISOString()
  return context.store.transaction((repositories) => {
    const { employees } = repositories
    const before = input.id ? employees.liveEmployeeWithPin(input.id) : undefined
    if (input.id && !before) throw new PosError('NOT_FOUND', 'That employee no longer exists.')
    if (!before && !input.pin)
      throw new PosError('VALIDATION_FAILED', 'Enter a PIN for the new person.', 'pin')
    const id = before?.id ?? uuidv7()
    if (input.pin && input.isActive) checkPinUnique(employees, id, input.pin)
    // The old PIN may have gone to someone else meanwhile, and a salted hash cannot be compared.
    if (!input.pin && before && input.isActive && !before.isActive)
      throw new PosError(
        'VALIDATION_FAILED',
        'Enter a new PIN to make this person active again.',
        'pin',
      )
    if (before) checkAdminRemains(employees, before, input, id)
    const pinHash = input.pin ? hashPin(input.pin) : before!.pinHash
    const row = { name: input.name, role: input.role, isActive: input.isActive, pinHash }
    if (before) employees.updateEmployee(id, row, now)
    else employees.insertEmployee({ ...row, id, deviceId: context.deviceId() }, now)
    repositories.outbox.enqueueMutation('employee', id, now)
    context.authority.audit(repositories.audit, {
      action: 'employee.saved',
      actor,
      subjectId: id,
      // Never the PIN or its hash: the audit log travels and is shown to managers.
      details: {
        name: input.name,
        role: input.role,
        isActive: input.isActive,
        pinChanged: input.pin !== undefined,
      },
    })
    return { id, name: input.name, role: input.role, isActive: input.isActive }
  })
}

/** Everyone, inactive too, for the staff screen: active first, then by name. */
export function listAllEmployees(context: EmployeeServiceContext): Employee[] {
  const actor = context.authority.requireSignedIn()
  if (actor.role === 'cashier')
    throw new PosError('FORBIDDEN', 'Only a manager or admin can see the staff list.')
  return context.store.employees
    .liveEmployees()
    .sort(
      (a, b) =>
        Number(b.isActive) - Number(a.isActive) ||
        a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
    )
}
