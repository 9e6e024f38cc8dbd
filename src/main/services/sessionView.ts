import type { InvokeOutput } from '../../shared/ipc/contract'
import type { StoreOptions } from '../../shared/store/options'
import type { SessionStore } from '../store/sessionStore'
import type { ShiftRow } from '../store/shiftRepository'
import type { Authority } from './authority'

type Session = InvokeOutput<'session:get'>
type ShiftSummary = InvokeOutput<'shift:open'>

export function shiftSummaryOf(
  store: Pick<SessionStore, 'shiftPeople'>,
  shift: ShiftRow,
): ShiftSummary {
  return {
    id: shift.id,
    registerCode: shift.registerCode,
    status: shift.status,
    openedAt: shift.openedAt,
    openedByName: store.shiftPeople(shift.id).openedByName,
    openingCashCents: shift.openingCashCents,
    closedAt: shift.closedAt,
    expectedCashCents: shift.expectedCashCents,
    countedCashCents: shift.countedCashCents,
    differenceCents: shift.differenceCents,
  }
}

/** Who is at this register, its open shift, and what needs a manager: what the renderer gates on. */
export function sessionOf(
  store: SessionStore,
  authority: Authority,
  deviceId: string,
  options: StoreOptions,
): Session {
  const actor = authority.current()
  const row = actor ? store.liveEmployee(actor.employeeId) : undefined
  const shift = store.currentShift(deviceId)
  return {
    // The row when it exists (a synced rename shows at once); the signed-in actor otherwise.
    employee: actor
      ? (row ?? { id: actor.employeeId, name: actor.name, role: actor.role, isActive: true })
      : null,
    shift: shift ? shiftSummaryOf(store, shift) : null,
    approvals: options.approvals,
    idleLockSeconds: options.idleLockSeconds,
  }
}
