import { v4 as uuidv4, v7 as uuidv7 } from 'uuid'
import { PosError } from '../../shared/ipc/errors'
import type { ProtectedAction, StoreOptions } from '../../shared/store/options'
import type { AuditRepository, Repositories } from '../store/repositories'
import { verifyPin } from './pin'

export type Role = 'cashier' | 'manager' | 'admin'

export interface Actor {
  employeeId: string
  name: string
  role: Role
}

export interface Authorization {
  actor: Actor
  /** The manager whose PIN approved it; null when the actor needed no approval. */
  approvedBy: Actor | null
}

export interface AuditInput {
  action: string
  actor: Actor | null
  approvedBy?: Actor | null
  subjectId?: string | null
  details?: Record<string, unknown>
}

/**
 * Who is at this register, and what they may do. Lives in main, not the renderer: every protected
 * handler asks here, so a page cannot talk its way past a PIN. The signed-in employee is held in
 * memory (a restart signs everyone out); approvals are one-time and expire.
 */
export interface Authority {
  current(): Actor | null
  /** The signed-in employee, or SIGN_IN_REQUIRED. */
  requireSignedIn(): Actor
  signIn(pin: string): Actor
  signOut(): void
  /** A manager's (or admin's) PIN approves one protected action once, for five minutes. */
  approve(
    pin: string,
    action: ProtectedAction,
  ): { approvalId: string; approver: Actor; expiresAt: string }
  /**
   * For a protected action: who does it and who approved it. A cashier needs a valid approvalId
   * when the store protects the action; otherwise APPROVAL_REQUIRED. Consumes the approval.
   */
  authorize(action: ProtectedAction, approvalId: string | undefined): Authorization
  /**
   * Appends an audit event and queues it for sync, through the audit repository of the caller's
   * transaction (`repositories.audit` inside `store.transaction`).
   */
  audit(audit: AuditRepository, event: AuditInput): string
  /** The display name of an employee id, for views (null when unknown). */
  employeeName(employeeId: string | null): string | null
}

const approvalLifetimeMs = 5 * 60_000

export function createAuthority(options: {
  /** Where PINs are checked and names read: the register's repositories. */
  repositories: Pick<Repositories, 'employees'>
  deviceId: () => string
  storeOptions: () => StoreOptions
  now: () => Date
}): Authority {
  const { employees } = options.repositories
  let signedIn: Actor | null = null
  let failures = 0
  let lockedUntil = 0
  const approvals = new Map<
    string,
    { action: ProtectedAction; approver: Actor; expiresAt: number }
  >()

  function matchPin(pin: string): Actor | null {
    const nowMs = options.now().getTime()
    if (nowMs < lockedUntil) {
      const seconds = Math.ceil((lockedUntil - nowMs) / 1000)
      throw new PosError('PIN_LOCKED', `Too many wrong PINs. Try again in ${seconds} s.`, 'pin')
    }
    const candidates = employees.activeEmployeesWithPins()
    const match = candidates.find((employee) => verifyPin(employee.pinHash, pin))
    if (!match) {
      failures++
      const { pinAttempts, pinLockoutSeconds } = options.storeOptions()
      if (failures >= pinAttempts) {
        failures = 0
        lockedUntil = nowMs + pinLockoutSeconds * 1000
      }
      return null
    }
    failures = 0
    return { employeeId: match.id, name: match.name, role: match.role }
  }

  const authority: Authority = {
    current: () => signedIn,
    requireSignedIn() {
      if (!signedIn) throw new PosError('SIGN_IN_REQUIRED', 'Sign in with your PIN first.')
      return signedIn
    },
    signIn(pin) {
      const actor = matchPin(pin)
      if (!actor)
        throw new PosError('PIN_INVALID', 'That PIN does not match an active employee.', 'pin')
      signedIn = actor
      return actor
    },
    signOut() {
      signedIn = null
    },
    approve(pin, action) {
      authority.requireSignedIn()
      const approver = matchPin(pin)
      if (!approver)
        throw new PosError('PIN_INVALID', 'That PIN does not match an active employee.', 'pin')
      if (approver.role === 'cashier')
        throw new PosError(
          'FORBIDDEN',
          `${approver.name} is a cashier and cannot approve this.`,
          'pin',
        )
      const approvalId = uuidv4()
      const expiresAt = options.now().getTime() + approvalLifetimeMs
      approvals.set(approvalId, { action, approver, expiresAt })
      return { approvalId, approver, expiresAt: new Date(expiresAt).toISOString() }
    },
    authorize(action, approvalId) {
      const actor = authority.requireSignedIn()
      const needsApproval =
        actor.role === 'cashier' && options.storeOptions().approvals.includes(action)
      if (!needsApproval) return { actor, approvedBy: null }
      const approval = approvalId ? approvals.get(approvalId) : undefined
      if (!approval || approval.action !== action || approval.expiresAt < options.now().getTime()) {
        if (approvalId) approvals.delete(approvalId)
        throw new PosError('APPROVAL_REQUIRED', `A manager must approve this (${action}).`, action)
      }
      approvals.delete(approvalId as string)
      return { actor, approvedBy: approval.approver }
    },
    audit(audit, event) {
      const id = uuidv7()
      audit.appendAuditEvent(
        {
          id,
          deviceId: options.deviceId(),
          action: event.action,
          employeeId: event.actor?.employeeId ?? null,
          approvedBy: event.approvedBy?.employeeId ?? null,
          subjectId: event.subjectId ?? null,
          details: event.details ?? {},
        },
        options.now().toISOString(),
      )
      return id
    },
    employeeName(employeeId) {
      if (!employeeId) return null
      return employees.employeeById(employeeId)?.name ?? null
    },
  }
  return authority
}
