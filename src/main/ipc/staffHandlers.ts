import { PosError } from '../../shared/ipc/errors'
import {
  listAllEmployees,
  saveEmployee,
  type EmployeeServiceContext,
} from '../services/employeeService'
import { sessionOf, shiftSummaryOf } from '../services/sessionView'
import {
  closeShift,
  openDrawer,
  openShift,
  previewShift,
  recordCashMovement,
  shiftReport,
  type ShiftServiceContext,
} from '../services/shiftService'
import type { HandlerContext, HandlerGroup } from './handlerContext'

type StaffChannels =
  | 'session:get'
  | 'session:signIn'
  | 'session:signOut'
  | 'session:approve'
  | 'employee:list'
  | 'employee:save'
  | 'employee:listAll'
  | 'shift:open'
  | 'shift:recordCashMovement'
  | 'drawer:open'
  | 'shift:preview'
  | 'shift:close'
  | 'shift:getReport'
  | 'shift:list'
  | 'audit:list'
  | 'settings:get'
  | 'settings:update'

const recentShiftCount = 50

export function createStaffHandlers(context: HandlerContext): HandlerGroup<StaffChannels> {
  const { store, sync, events, authority } = context
  const shifts: ShiftServiceContext = {
    store,
    authority,
    device: () => sync.device,
    storeOptions: context.storeOptions,
    now: context.now,
  }
  const staff: EmployeeServiceContext = {
    store,
    authority,
    deviceId: () => sync.device.deviceId,
    now: context.now,
  }
  const sessionStore = store.session
  const session = () =>
    sessionOf(sessionStore, authority, sync.device.deviceId, context.storeOptions())
  /** Tells the renderer who is signed in and whether a shift is open, and returns the same view. */
  const sessionChanged = () => {
    const view = session()
    events.emit('session:changed', view)
    return view
  }
  // Rules pulled from the server (the back office, another register): the session carries the
  // approvals and idle lock, and the register screen reloads tenders from the same event.
  events.onAny((event) => {
    if (event === 'settings:changed') sessionChanged()
  })
  /** Shift records go up with the next push, like a sale. */
  const shiftWritten = () => {
    sync.notifyLocalCommit()
    return sessionChanged()
  }

  return {
    'session:get': () => session(),
    'session:signIn': (input) => {
      authority.signIn(input.pin)
      return sessionChanged()
    },
    // Signing out twice (the idle lock racing the Lock button) is not an error.
    'session:signOut': () => {
      authority.signOut()
      return sessionChanged()
    },
    'session:approve': (input) => {
      const approval = authority.approve(input.pin, input.action)
      return {
        approvalId: approval.approvalId,
        action: input.action,
        approverName: approval.approver.name,
        expiresAt: approval.expiresAt,
      }
    },
    'employee:list': () => {
      authority.requireSignedIn()
      return store.employees.activeEmployees()
    },
    'shift:open': (input) => {
      const shift = openShift(shifts, input.openingCashCents)
      shiftWritten()
      return shiftSummaryOf(sessionStore, shift)
    },
    'shift:recordCashMovement': (input) => {
      const movement = recordCashMovement(shifts, input)
      sync.notifyLocalCommit()
      return movement
    },
    'drawer:open': (input) => {
      const auditEventId = openDrawer(shifts, input)
      sync.notifyLocalCommit()
      return { auditEventId }
    },
    'shift:preview': () => previewShift(shifts),
    'shift:close': (input) => {
      const report = closeShift(shifts, input)
      shiftWritten()
      return report
    },
    'shift:getReport': (input) => shiftReport(shifts, input.shiftId),
    'shift:list': () => {
      authority.requireSignedIn()
      return store.shifts
        .listShifts(sync.device.deviceId, recentShiftCount)
        .map((shift) => shiftSummaryOf(sessionStore, shift))
    },
    'audit:list': (input) => {
      const actor = authority.requireSignedIn()
      if (actor.role === 'cashier')
        throw new PosError('FORBIDDEN', 'Only a manager can see the audit log.')
      return store.audit.listAuditEvents(input.limit)
    },
    'employee:save': (input) => {
      const saved = saveEmployee(staff, input)
      sync.notifyLocalCommit()
      // A rename of whoever is signed in shows at once on the top bar.
      sessionChanged()
      return saved
    },
    'employee:listAll': () => listAllEmployees(staff),
    'settings:get': () => ({ options: context.storeOptions() }),
    'settings:update': (input) => {
      const { actor, approvedBy } = authority.authorize('settings', input.approvalId)
      if (actor.role === 'cashier' && !approvedBy)
        throw new PosError('FORBIDDEN', 'Only a manager can change the store options.')
      const now = context.now().toISOString()
      const before = context.storeOptions()
      const options = store.transaction((repositories) => {
        // A new version of the store's synced rules: applied here now, pushed with the next sync.
        const saved = repositories.settings.saveStoreRules(input.options, sync.device.deviceId, now)
        authority.audit(repositories.audit, {
          action: 'store.optionsChanged',
          actor,
          approvedBy,
          details: { before, after: saved },
        })
        return saved
      })
      sync.notifyLocalCommit()
      // The register screen reloads tenders and approvals from the session event.
      sessionChanged()
      return { options }
    },
  }
}
