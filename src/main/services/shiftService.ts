import { v7 as uuidv7 } from 'uuid'
import { z } from 'zod'
import { countedCents, findCountIssue, type DenominationCount } from '../../shared/domain/cashCount'
import { buildZReport, withLateBucket, type ZReport } from '../../shared/domain/zReport'
import type { InvokeOutput, InvokeParsedInput } from '../../shared/ipc/contract'
import { PosError } from '../../shared/ipc/errors'
import {
  DenominationCount as DenominationCountSchema,
  ZReport as ZReportSchema,
} from '../../shared/ipc/staffSchemas'
import type { StoreOptions } from '../../shared/store/options'
import { auditActions } from '../store/auditRepository'
import type { DeviceIdentity } from '../store/identityRepository'
import type { RegisterStore, StandaloneRepositories } from '../store/repositories'
import type { ShiftRow } from '../store/shiftRepository'
import type { Authority } from './authority'

/*
 * Shifts are this register's alone and work offline: every write is a local row marked PENDING
 * plus an outbox entry in the same transaction, like a sale.
 *
 * Late bucket: an order is counted in the shift named by its shift_id. When an order reaches this
 * register (the sync pull) and that shift is already CLOSED here, the pull stores it with
 * late_for_shift = 1 (pullApplier). The Z report never drops or rejects such an order: it is kept
 * out of the sales figures printed at close, so a reprint matches the paper, and shown in the
 * report's `late` bucket, which shift:getReport recomputes live each time.
 */

export interface ShiftServiceContext {
  store: RegisterStore
  authority: Authority
  device: () => DeviceIdentity
  storeOptions: () => StoreOptions
  now: () => Date
}

type CashMovementView = InvokeOutput<'shift:recordCashMovement'>

function requireOpenShift(
  context: ShiftServiceContext,
  repositories: StandaloneRepositories = context.store,
) {
  const shift = repositories.shifts.currentShift(context.device().deviceId)
  if (!shift)
    throw new PosError('SHIFT_REQUIRED', 'No shift is open on this register. Open a shift first.')
  return shift
}

export function openShift(context: ShiftServiceContext, openingCashCents: number): ShiftRow {
  const actor = context.authority.requireSignedIn()
  const device = context.device()
  const now = context.now().toISOString()
  return context.store.transaction((repositories) => {
    const { shifts } = repositories
    if (shifts.currentShift(device.deviceId))
      throw new PosError('SHIFT_OPEN', 'A shift is already open on this register. Close it first.')
    const id = uuidv7()
    shifts.insertShift({
      id,
      deviceId: device.deviceId,
      registerCode: device.registerCode,
      openedBy: actor.employeeId,
      openingCashCents,
      now,
    })
    context.authority.audit(repositories.audit, {
      action: auditActions.shiftOpened,
      actor,
      subjectId: id,
      details: { openingCashCents, registerCode: device.registerCode },
    })
    const shift = shifts.getShift(id)
    if (!shift) throw new Error('The shift just opened is missing.')
    return shift
  })
}

export function recordCashMovement(
  context: ShiftServiceContext,
  input: InvokeParsedInput<'shift:recordCashMovement'>,
): CashMovementView {
  context.authority.requireSignedIn()
  const shift = requireOpenShift(context)
  // After the shift check, so an approval is not spent on a call that cannot succeed.
  const { actor, approvedBy } = context.authority.authorize('cashMovement', input.approvalId)
  const device = context.device()
  const now = context.now().toISOString()
  const id = uuidv7()
  context.store.transaction((repositories) => {
    repositories.shifts.insertCashMovement({
      id,
      deviceId: device.deviceId,
      shiftId: shift.id,
      kind: input.kind,
      amountCents: input.amountCents,
      reason: input.reason,
      employeeId: actor.employeeId,
      approvedBy: approvedBy?.employeeId ?? null,
      now,
    })
    // A cash movement opens the drawer, so it is audited like every drawer open.
    context.authority.audit(repositories.audit, {
      action: auditActions.cashMovement,
      actor,
      approvedBy,
      subjectId: id,
      details: {
        shiftId: shift.id,
        kind: input.kind,
        amountCents: input.amountCents,
        reason: input.reason,
      },
    })
  })
  return {
    id,
    shiftId: shift.id,
    kind: input.kind,
    amountCents: input.amountCents,
    reason: input.reason,
    employeeName: actor.name,
    createdAt: now,
  }
}

/** "No sale": opens the drawer and logs who, why and who approved. */
export function openDrawer(
  context: ShiftServiceContext,
  input: InvokeParsedInput<'drawer:open'>,
): string {
  const { actor, approvedBy } = context.authority.authorize('noSale', input.approvalId)
  const shift = context.store.shifts.currentShift(context.device().deviceId)
  return context.store.transaction((repositories) =>
    context.authority.audit(repositories.audit, {
      action: auditActions.noSale,
      actor,
      approvedBy,
      subjectId: shift?.id ?? null,
      details: { reason: input.reason, shiftId: shift?.id ?? null },
    }),
  )
}

/** Builds a shift's report from what is stored now; `closing` for a Z report at close. */
function reportOf(
  context: ShiftServiceContext,
  repositories: StandaloneRepositories,
  shift: ShiftRow,
  closing: { counts: readonly DenominationCount[]; closedAt: string; closedByName: string } | null,
): ZReport {
  const options = context.storeOptions()
  const tenders = new Map(options.tenderMethods.map((tender) => [tender.id, tender]))
  const { shifts } = repositories
  const people = shifts.shiftPeople(shift.id)
  const sales = shifts.shiftSales(shift.id)
  const closedAt = closing?.closedAt ?? shift.closedAt
  const audits = repositories.audit.auditEventsBetween({
    deviceId: shift.deviceId,
    actions: [auditActions.saleVoided, auditActions.cartCleared, auditActions.noSale],
    from: shift.openedAt,
    to: closedAt,
  })
  return buildZReport({
    shift: {
      id: shift.id,
      registerCode: shift.registerCode,
      currency: repositories.settings.getStoreSettings().currency,
      openedAt: shift.openedAt,
      openedByName: people.openedByName,
      closedAt,
      closedByName: closing?.closedByName ?? people.closedByName,
      openingCashCents: shift.openingCashCents,
    },
    orders: sales.orders,
    items: sales.items,
    payments: sales.payments.map((payment) => {
      // Older rows have no tender id: they used the tender named like their method.
      const tenderId = payment.tenderId ?? payment.method
      return {
        orderId: payment.orderId,
        tenderId,
        label: payment.label ?? tenders.get(tenderId)?.label ?? payment.method,
        kind: payment.method,
        amountCents: payment.amountCents,
      }
    }),
    cashMovements: shifts.listCashMovements(shift.id),
    voids: audits
      .filter(
        (event) =>
          event.action === auditActions.saleVoided || event.action === auditActions.cartCleared,
      )
      .map((event) => {
        const total = event.details['totalCents']
        return {
          totalCents: typeof total === 'number' && Number.isSafeInteger(total) ? total : null,
        }
      }),
    noSaleCount: audits.filter((event) => event.action === auditActions.noSale).length,
    counts: closing?.counts ?? storedCounts(shift),
    tenderOrder: options.tenderMethods.map((tender) => tender.id),
  })
}

function storedCounts(shift: ShiftRow): DenominationCount[] | null {
  if (shift.status !== 'CLOSED' || !shift.cashCount) return null
  try {
    const parsed = z.array(DenominationCountSchema).safeParse(JSON.parse(shift.cashCount))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The open shift's report so far (an X report: nothing counted yet). */
export function previewShift(context: ShiftServiceContext): ZReport {
  context.authority.requireSignedIn()
  return reportOf(context, context.store, requireOpenShift(context), null)
}

/**
 * Counts the drawer out and closes the shift: the count, the expected cash, the difference and the
 * report as printed are stored together with the audit event, in one transaction.
 */
export function closeShift(
  context: ShiftServiceContext,
  input: InvokeParsedInput<'shift:close'>,
): ZReport {
  context.authority.requireSignedIn()
  requireOpenShift(context)
  const issue = findCountIssue(input.counts, context.storeOptions().denominationsCents)
  if (issue)
    throw new PosError('VALIDATION_FAILED', issue.message, `counts.${issue.index}.${issue.field}`)
  const { actor, approvedBy } = context.authority.authorize('closeShift', input.approvalId)
  const now = context.now().toISOString()
  const counts = input.counts.map(({ denominationCents, count }) => ({ denominationCents, count }))
  return context.store.transaction((repositories) => {
    const shift = requireOpenShift(context, repositories)
    const report = reportOf(context, repositories, shift, {
      counts,
      closedAt: now,
      closedByName: actor.name,
    })
    const counted = countedCents(counts)
    const difference = counted - report.cash.expectedCents
    repositories.shifts.closeShiftRow(shift.id, {
      closedBy: actor.employeeId,
      expectedCashCents: report.cash.expectedCents,
      countedCashCents: counted,
      differenceCents: difference,
      cashCount: JSON.stringify(counts),
      zReport: JSON.stringify(report),
      now,
    })
    context.authority.audit(repositories.audit, {
      action: auditActions.shiftClosed,
      actor,
      approvedBy,
      subjectId: shift.id,
      details: {
        expectedCashCents: report.cash.expectedCents,
        countedCashCents: counted,
        differenceCents: difference,
      },
    })
    return report
  })
}

/**
 * A closed shift's report as printed at close, with the late bucket as it stands now; an open
 * shift's report so far.
 */
export function shiftReport(context: ShiftServiceContext, shiftId: string): ZReport {
  context.authority.requireSignedIn()
  const { store } = context
  const shift = store.shifts.getShift(shiftId)
  if (!shift) throw new PosError('NOT_FOUND', 'No shift with that id on this register.', 'shiftId')
  if (shift.status === 'OPEN') return reportOf(context, store, shift, null)
  const stored = storedReport(shift)
  // A shift closed elsewhere may arrive without its snapshot: rebuild it from the records.
  const report = stored ?? reportOf(context, store, shift, null)
  return withLateBucket(report, store.shifts.lateOrdersOf(shift.id))
}

function storedReport(shift: ShiftRow): ZReport | null {
  if (!shift.zReport) return null
  try {
    const parsed = ZReportSchema.safeParse(JSON.parse(shift.zReport))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
