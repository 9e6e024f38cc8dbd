import type { RegisterConfig } from '../../shared/store/registerConfig'
import type { RegisterDb } from './database'
import { employeeById } from './employeeRepository'
import { getStoreSettings, type StoreSettings } from './identityRepository'
import { getOrderDetail } from './orderRepository'
import {
  cancelJob,
  claimNext,
  enqueueExtra,
  enqueueOriginals,
  listJobs,
  markFailed,
  markInterruptedUncertain,
  markJobDone,
  markPrinted,
  queueHead,
  retryJob,
  waitingCounts,
  type JobListQuery,
  type ListedJob,
  type PrintJobKind,
  type PrintJobRow,
} from './printJobRepository'
import { getRegisterConfig } from './registerConfigRepository'
import { createRepositories, type Repositories } from './repositories'
import {
  orderLineProductIds,
  productsInCategories,
  stationOrdersByIds,
  stationOrdersSince,
  stationSince,
  type StationOrder,
} from './stationRepository'

/** Runs in the transaction that marks a job printed (the drawer's audit event). */
export type PrintedHook = (repositories: Repositories) => void

/** An original job a sale, refund or pull asks for. */
export interface OriginalJob {
  kind: 'receipt' | 'kitchen'
  orderId: string
  printerId: string
}

/**
 * What printing reads and writes, bound to the register's database once where the core is wired
 * (STYLE.md rule 18): the print service, its worker and the station rules take this, never the
 * database. Each entry is one repository call; the ones that write run in one transaction.
 */
export interface PrintStore {
  registerConfig(): RegisterConfig
  storeSettings(): StoreSettings
  order(orderId: string): ReturnType<typeof getOrderDetail>
  employee(employeeId: string): ReturnType<typeof employeeById>
  productsInCategories(productIds: readonly string[], categoryIds: readonly string[]): Set<string>
  orderLineProductIds(orderId: string): (string | null)[]
  stationOrdersByIds(orderIds: readonly string[]): StationOrder[]
  stationOrdersSince(from: string): StationOrder[]
  stationSince(): string | null
  enqueueOriginals(wanted: readonly OriginalJob[], now: string): string[]
  enqueueExtra(
    job: { kind: PrintJobKind; orderId: string | null; printerId: string },
    now: string,
  ): PrintJobRow
  retry(jobId: string): PrintJobRow
  cancel(jobId: string): PrintJobRow
  markDone(jobId: string, now: string): PrintJobRow
  list(query: JobListQuery): ListedJob[]
  waitingCounts(): Map<string, number>
  queueHead(printerId: string): PrintJobRow | null
  claimNext(printerId: string, now: string): PrintJobRow | null
  /** Marks a printing job printed and, only if it was still printing, runs `then` with it. */
  markPrinted(jobId: string, now: string, then?: PrintedHook): void
  markFailed(jobId: string, failure: Parameters<typeof markFailed>[2]): void
  markInterruptedUncertain(): number
}

export function createPrintStore(db: RegisterDb): PrintStore {
  return {
    registerConfig: () => getRegisterConfig(db),
    storeSettings: () => getStoreSettings(db),
    order: (orderId) => getOrderDetail(db, orderId),
    employee: (employeeId) => employeeById(db, employeeId),
    productsInCategories: (productIds, categoryIds) =>
      productsInCategories(db, productIds, categoryIds),
    orderLineProductIds: (orderId) => orderLineProductIds(db, orderId),
    stationOrdersByIds: (orderIds) => stationOrdersByIds(db, orderIds),
    stationOrdersSince: (from) => stationOrdersSince(db, from),
    stationSince: () => stationSince(db),
    enqueueOriginals: (wanted, now) => enqueueOriginals(db, wanted, now),
    enqueueExtra: (job, now) => enqueueExtra(db, job, now),
    retry: (jobId) => retryJob(db, jobId),
    cancel: (jobId) => cancelJob(db, jobId),
    markDone: (jobId, now) => markJobDone(db, jobId, now),
    list: (query) => listJobs(db, query),
    waitingCounts: () => waitingCounts(db),
    queueHead: (printerId) => queueHead(db, printerId),
    claimNext: (printerId, now) => claimNext(db, printerId, now),
    markPrinted(jobId, now, then) {
      db.transaction((tx) => {
        if (markPrinted(tx, jobId, now)) then?.(createRepositories(db, tx))
      })
    },
    markFailed: (jobId, failure) => markFailed(db, jobId, failure),
    markInterruptedUncertain: () => markInterruptedUncertain(db),
  }
}
