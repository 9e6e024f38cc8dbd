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
  /** Whether this actor needs a manager for the action under the store's rules. */
  needsApproval(actor: Actor, action: ProtectedAction): boolean
  /**
   * Holds a manager's approval of specific discounts (fingerprints, see discountApproval.ts) for
   * the signed-in employee's sale, asked when the discounts were applied. Returns its id.
   */
  grantDiscounts(approver: Actor, fingerprints: readonly string[]): string
  /** Which fingerprints the held grants cover for the signed-in employee, and who approved them. */
  coveredDiscounts(
    grantIds: readonly string[],
    fingerprints: readonly string[],
  ): { fingerprints: Set<string>; approver: Actor | null }
  /** Forgets grants a stored sale used. */
  useDiscountGrants(grantIds: readonly string[]): void
  /**
   * Appends an audit event and queues it for sync, through the audit repository of the caller's
   * transaction (`repositories.audit` inside `store.transaction`).
   */
  audit(audit: AuditRepository, event: AuditInput): string
  /** The display name of an employee id, for views (null when unknown). */
  employeeName(employeeId: string | null): string | null
}

const approvalLifetimeMs = 5 * 60_000
/** A discount approved when it was applied lasts for the sale, however long the customer takes. */
const discountGrantLifetimeMs = 12 * 60 * 60_000

/** A description of the protected action for messages in main (the renderer has its own words). */
const actionWords: Record<ProtectedAction, string> = {
  discount: 'give a discount above the limit',
  refund: 'give a refund',
  void: 'void a sale',
  cashMovement: 'put cash in or take cash out of the drawer',
  noSale: 'open the drawer without a sale',
  closeShift: 'close the shift',
  catalogEdit: 'change the catalog',
  settings: 'change the settings',
  stockAdjust: 'adjust or count stock',
}

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
  const discountGrants = new Map<
    string,
    { actorId: string; approver: Actor; fingerprints: Set<string>; expiresAt: number }
  >()

  function liveGrant(grantId: string) {
    const grant = discountGrants.get(grantId)
    if (!grant) return undefined
    if (grant.expiresAt < options.now().getTime()) {
      discountGrants.delete(grantId)
      return undefined
    }
    return grant.actorId === signedIn?.employeeId ? grant : undefined
  }

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
      if (!authority.needsApproval(actor, action)) return { actor, approvedBy: null }
      const approval = approvalId ? approvals.get(approvalId) : undefined
      if (!approval || approval.action !== action || approval.expiresAt < options.now().getTime()) {
        if (approvalId) approvals.delete(approvalId)
        throw new PosError(
          'APPROVAL_REQUIRED',
          `A manager must approve this: ${actionWords[action]}.`,
          action,
        )
      }
      approvals.delete(approvalId as string)
      return { actor, approvedBy: approval.approver }
    },
    needsApproval(actor, action) {
      return actor.role === 'cashier' && options.storeOptions().approvals.includes(action)
    },
    grantDiscounts(approver, fingerprints) {
      const actor = authority.requireSignedIn()
      const grantId = uuidv4()
      discountGrants.set(grantId, {
        actorId: actor.employeeId,
        approver,
        fingerprints: new Set(fingerprints),
        expiresAt: options.now().getTime() + discountGrantLifetimeMs,
      })
      return grantId
    },
    coveredDiscounts(grantIds, fingerprints) {
      const covered = new Set<string>()
      let approver: Actor | null = null
      for (const grantId of grantIds) {
        const grant = liveGrant(grantId)
        if (!grant) continue
        for (const fingerprint of fingerprints)
          if (grant.fingerprints.has(fingerprint) && !covered.has(fingerprint)) {
            covered.add(fingerprint)
            approver = grant.approver
          }
      }
      return { fingerprints: covered, approver }
    },
    useDiscountGrants(grantIds) {
      for (const grantId of grantIds) discountGrants.delete(grantId)
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
