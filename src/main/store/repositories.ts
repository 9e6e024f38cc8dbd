import { appendAuditEvent, auditEventsBetween, listAuditEvents } from './auditRepository'
import {
  findProducts,
  listAllProducts,
  listCategories,
  listProducts,
  listTaxRates,
  lookupBarcode,
  searchProducts,
} from './catalogRepository'
import {
  allBarcodes,
  allSkus,
  barcodeOwner,
  categoryIdByName,
  categoryState,
  isLiveCategory,
  isLiveTaxRate,
  productBySku,
  productState,
  upsertCategory,
  upsertProduct,
} from './catalogWriteRepository'
import { createCustomer, customerExists, findCustomer, searchCustomers } from './customerRepository'
import type { RegisterDb, RegisterExecutor } from './database'
import {
  activeEmployees,
  activeEmployeesWithPins,
  employeeById,
  insertEmployee,
  liveEmployee,
  liveEmployeeWithPin,
  liveEmployees,
  updateEmployee,
} from './employeeRepository'
import { getStoreOptions, getStoreSettings, saveStoreRules } from './identityRepository'
import { findOrderByNumber, getOrderDetail, listOrders } from './orderRepository'
import { enqueueMutation } from './outboxRepository'
import { listParked, parkOrder, recallParked } from './parkRepository'
import { getRegisterConfig, saveRegisterConfig } from './registerConfigRepository'
import {
  commitSale,
  findOrderIdByRequest,
  openShiftId,
  type CommitResult,
  type PricedSale,
} from './saleRepository'
import { salesByMethod, salesByMinute, salesTotals, topProducts } from './salesReport'
import {
  closeShiftRow,
  currentShift,
  getShift,
  insertCashMovement,
  insertShift,
  lateOrdersOf,
  listCashMovements,
  listShifts,
  shiftPeople,
  shiftSales,
} from './shiftRepository'
import { createSessionStore, type SessionStore } from './sessionStore'
import {
  getSyncState,
  unsyncedWorkCount,
  updateSyncState,
  type SyncStatePatch,
  type SyncStateRow,
} from './syncStateRepository'
import {
  onHandMilli,
  recordStockMovement,
  stockLevelsOf,
  storedMovementLines,
} from './stockRepository'
import {
  documentById,
  listDocuments,
  localValue,
  movedByRef,
  movementsMentioning,
  saveDocument,
  setLocalValue,
} from './stockDocumentRepository'
import { recordLabel } from './syncRecords'
import { syncOutboxRepository, type SyncOutboxRepository } from './syncRepositories'

/** Each query with its database argument already given. */
type Bound<Queries> = {
  [Name in keyof Queries]: Queries[Name] extends (db: never, ...args: infer Args) => infer Result
    ? (...args: Args) => Result
    : never
}

function bindTo<Db, Queries extends Record<string, (db: Db, ...args: never[]) => unknown>>(
  db: Db,
  queries: Queries,
): Bound<Queries> {
  const bound: Record<string, unknown> = {}
  for (const [name, query] of Object.entries(queries))
    bound[name] = (...args: never[]) => query(db, ...args)
  return bound as Bound<Queries>
}

/** How a sale or refund is stored: one transaction, with hooks that run inside it. */
export interface SaleCommitOptions {
  afterItemsInserted?: () => void
  /** Runs in the sale's transaction once it is stored (not for a replay): audit entries. */
  afterCommit?: (repositories: Repositories, orderId: string) => void
}

/**
 * Every register repository, bound to one database or one transaction (STYLE.md rule 18):
 * services and IPC handlers take this, never the database handle.
 *
 * Queries typed for the database itself (most reads, and the writes that open their own
 * transaction) stay bound to the connection even inside a transaction: better-sqlite3 has one
 * connection and runs one transaction at a time, so they read and write inside it all the same.
 */
export function createRepositories(db: RegisterDb, executor: RegisterExecutor = db) {
  return {
    catalog: bindTo(db, {
      listCategories,
      listProducts,
      listAllProducts,
      listTaxRates,
      searchProducts,
      findProducts,
      lookupBarcode,
    }),
    catalogWrite: bindTo(db, {
      upsertProduct,
      upsertCategory,
      productState,
      categoryState,
      productBySku,
      barcodeOwner,
      isLiveTaxRate,
      isLiveCategory,
      categoryIdByName,
      allSkus,
      allBarcodes,
    }),
    sales: {
      ...bindTo(db, { findOrderIdByRequest, openShiftId }),
      /** Stores a priced sale or refund in ONE transaction (nested in the caller's if any). */
      commit(sale: PricedSale, options: SaleCommitOptions = {}): CommitResult {
        const { afterCommit } = options
        return commitSale(db, sale, {
          afterItemsInserted: options.afterItemsInserted,
          afterCommit:
            afterCommit && ((tx, orderId) => afterCommit(createRepositories(db, tx), orderId)),
        })
      },
    },
    orders: {
      ...bindTo(db, { listOrders, findOrderByNumber }),
      ...bindTo(executor, { getOrderDetail }),
    },
    customers: {
      ...bindTo(db, { searchCustomers, createCustomer }),
      ...bindTo(executor, { findCustomer, customerExists }),
    },
    park: bindTo(db, { parkOrder, listParked, recallParked }),
    settings: {
      ...bindTo(db, { getStoreSettings }),
      ...bindTo(executor, {
        getStoreOptions,
        saveStoreRules,
        getRegisterConfig,
        saveRegisterConfig,
      }),
    },
    employees: bindTo(executor, {
      activeEmployeesWithPins,
      liveEmployeeWithPin,
      liveEmployee,
      activeEmployees,
      liveEmployees,
      employeeById,
      insertEmployee,
      updateEmployee,
    }),
    shifts: bindTo(executor, {
      currentShift,
      getShift,
      listShifts,
      insertShift,
      closeShiftRow,
      insertCashMovement,
      listCashMovements,
      shiftSales,
      lateOrdersOf,
      shiftPeople,
    }),
    audit: bindTo(executor, { appendAuditEvent, listAuditEvents, auditEventsBetween }),
    outbox: bindTo(executor, { enqueueMutation }),
    stock: {
      ...bindTo(db, { stockLevelsOf, onHandMilli, storedMovementLines }),
      ...bindTo(db, { recordStockMovement }),
    },
    stockDocuments: bindTo(db, {
      listDocuments,
      documentById,
      saveDocument,
      movedByRef,
      movementsMentioning,
      localValue,
      setLocalValue,
    }),
    salesReport: bindTo(db, { salesTotals, salesByMinute, salesByMethod, topProducts }),
    records: bindTo(executor, { recordLabel }),
  }
}

export type Repositories = ReturnType<typeof createRepositories>
export type AuditRepository = Repositories['audit']

/**
 * The repositories as used outside a transaction. An outbox entry or an audit event commits with
 * the write it accompanies, so appending one is only in the repositories `transaction` hands out:
 * the type says where those writes belong. Transaction-bound repositories fit here too.
 */
export type StandaloneRepositories = Omit<
  Repositories,
  'outbox' | 'audit' | 'settings' | 'stock' | 'stockDocuments'
> & {
  /** A movement queues its outbox entry, so recording one is only in a transaction. */
  stock: Omit<Repositories['stock'], 'recordStockMovement'>
  /** As a movement: a document written here queues its outbox entry. */
  stockDocuments: Omit<Repositories['stockDocuments'], 'saveDocument'>
  audit: Omit<AuditRepository, 'appendAuditEvent'>
  /** A rules edit queues its outbox entry, so it too is only in a transaction. */
  settings: Omit<Repositories['settings'], 'saveStoreRules'>
}

/** The repositories bound to the register's database, plus what only the database itself does. */
export interface RegisterStore extends StandaloneRepositories {
  /**
   * Runs `work` in one transaction with the repositories bound to it; what it writes commits
   * together or not at all (better-sqlite3: synchronous, so `work` must not await).
   */
  transaction<T>(work: (repositories: Repositories) => T): T
  /** The outbox as the sync health views read it. */
  syncOutbox: SyncOutboxRepository
  /** What the session view reads. */
  session: SessionStore
  /** The single sync_state row (tokens through the vault) and the work its store has not received. */
  syncState: {
    get(): SyncStateRow | null
    update(patch: SyncStatePatch, now: string): void
    unsyncedWorkCount(): number
  }
}

export function createRegisterStore(db: RegisterDb): RegisterStore {
  return {
    ...createRepositories(db),
    transaction: (work) => db.transaction((tx) => work(createRepositories(db, tx))),
    syncOutbox: syncOutboxRepository(db),
    session: createSessionStore(db),
    syncState: {
      get: () => getSyncState(db),
      update: (patch, now) => updateSyncState(db, patch, now),
      unsyncedWorkCount: () => unsyncedWorkCount(db),
    },
  }
}
