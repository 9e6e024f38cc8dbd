import { eq, inArray } from 'drizzle-orm'
import type { PulledChange } from '../../shared/sync/protocol'
import type { RegisterDb } from './database'
import { isSyncedEntity } from './syncedTables'
import { deferCatalogSearch } from './catalogSearchIndex'
import { applyUpsert, softDelete, type PageContext } from './pulledRows'
import { pullStatements, storedVersions } from './pullStatements'
import { deviceIdentity, orders, storeSettings, taxRates } from './schema'
import { updateSyncState } from './syncStateRepository'

export interface AppliedPage {
  /** Orders that arrived or changed, for the Orders screen to refresh. */
  orderIds: string[]
  /** Whether the store's rules arrived, changed or were removed (the register reads them anew). */
  isStoreRulesChanged: boolean
  /** Products, categories and tax rates that arrived or changed, for the catalog on screen. */
  catalogChanges: number
  /** Changes left alone because this register has unsynced edits of the same record. */
  skippedLocal: number
  /** Changes for entities this register does not keep, or whose data it could not read. */
  ignored: number
}

export interface PullPage {
  changes: readonly PulledChange[]
  /** Where the cursor moves; absent for server rows that arrived outside a pull (push conflicts). */
  nextSyncToken?: string
  /**
   * A first sync (or one far behind): the catalog search index and barcode lookup stand aside
   * from this transaction on, until rebuildCatalogSearch builds them once (catalogSearchIndex.ts).
   */
  defersSearch?: boolean
  /**
   * A first sync's transaction with more to follow: committed without waiting for the disk
   * (synchronous=NORMAL, still atomic in WAL mode) and without a checkpoint. The pull's last
   * transaction, or any sale (always synchronous=FULL), syncs the log and these with it; a power
   * cut before then loses only pages the cursor had not durably passed, which the next pull
   * fetches again.
   */
  isInterim?: boolean
}

/**
 * What the register's product grid and catalog screen show (on hand and low stock are on the
 * tiles): a change announces catalog:changed.
 */
const catalogEntities = new Set<string>([
  'product',
  'category',
  'taxRate',
  'stockMovement',
  'reorderRule',
])

/**
 * Applies one pulled page (or several pages' changes at once, in their order) and moves the cursor
 * in the same transaction: a crash leaves either both or neither. Records with local changes the
 * server has not confirmed are left alone; their own push settles them. A record already held at
 * the pulled version and hash (this register's own sales coming back, a page replayed after a
 * crash) is not written again.
 */
export function applyPulledPage(
  db: RegisterDb,
  page: PullPage,
  context: { localDeviceId: string; currency: string; now: string },
): AppliedPage {
  const sqlite = db.$client
  const saved =
    page.isInterim && !sqlite.inTransaction
      ? {
          synchronous: Number(sqlite.pragma('synchronous', { simple: true })),
          autocheckpoint: Number(sqlite.pragma('wal_autocheckpoint', { simple: true })),
        }
      : null
  if (saved) {
    sqlite.pragma('synchronous = NORMAL')
    // Copied into the database once at the end (checkpointAfterBulk), not after every transaction.
    sqlite.pragma('wal_autocheckpoint = 0')
  }
  try {
    return applyInTransaction(db, page, context)
  } finally {
    if (saved) {
      sqlite.pragma(`synchronous = ${saved.synchronous}`)
      sqlite.pragma(`wal_autocheckpoint = ${saved.autocheckpoint}`)
    }
  }
}

/**
 * After a first sync: copies its write-ahead log into the database and empties it (its
 * transactions skipped the usual checkpoint every ~4 MB).
 */
export function checkpointAfterBulk(db: RegisterDb): void {
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
}

function applyInTransaction(
  db: RegisterDb,
  page: PullPage,
  context: { localDeviceId: string; currency: string; now: string },
): AppliedPage {
  const statements = pullStatements(db)
  return db.transaction((tx) => {
    if (page.defersSearch) deferCatalogSearch(db.$client, context.now)
    const result: AppliedPage = {
      orderIds: [],
      isStoreRulesChanged: false,
      catalogChanges: 0,
      skippedLocal: 0,
      ignored: 0,
    }
    const byEntity = new Map<string, string[]>()
    for (const change of page.changes) {
      const ids = byEntity.get(change.entity)
      if (ids) ids.push(change.id)
      else byEntity.set(change.entity, [change.id])
    }
    const protectedIds = new Map(
      [...byEntity].map(([entity, ids]) => [
        entity,
        new Set(statements.unsyncedIds.all(entity, JSON.stringify(ids)) as string[]),
      ]),
    )
    const held = new Map<string, Map<string, string>>(
      [...byEntity].flatMap(([entity, ids]) =>
        isSyncedEntity(entity) ? [[entity, storedVersions(db, entity, ids)] as const] : [],
      ),
    )
    const storeCode = tx.select({ code: storeSettings.storeCode }).from(storeSettings).get()?.code
    const registerCode = tx
      .select({ code: deviceIdentity.registerCode })
      .from(deviceIdentity)
      .get()?.code
    const pageContext: PageContext = {
      statements,
      sqlite: db.$client,
      localDeviceId: context.localDeviceId,
      currency: context.currency,
      ownPrefix: storeCode && registerCode ? `${storeCode}-${registerCode}-` : null,
      defaultTaxRateId:
        tx.select({ id: taxRates.id }).from(taxRates).where(eq(taxRates.isDefault, true)).get()
          ?.id ?? null,
      categoryIds: new Set(statements.categoryIds.all() as string[]),
      storedOrderIds: new Set(held.get('order')?.keys()),
    }
    for (const change of page.changes) {
      if (protectedIds.get(change.entity)?.has(change.id)) {
        result.skippedLocal++
        continue
      }
      const isHeld = held.get(change.entity)?.get(change.id) === `${change.version}:${change.hash}`
      const isApplied =
        isHeld ||
        (change.op === 'delete'
          ? softDelete(pageContext, change)
          : applyUpsert(pageContext, change))
      if (!isApplied) result.ignored++
      else if (isHeld) continue
      else if (change.entity === 'order') result.orderIds.push(change.id)
      else if (change.entity === 'storeRules') result.isStoreRulesChanged = true
      else if (catalogEntities.has(change.entity)) result.catalogChanges++
    }
    if (page.nextSyncToken !== undefined)
      updateSyncState(tx, { pullCursor: page.nextSyncToken }, context.now)
    return result
  })
}

/** Orders by id, for tests and events. */
export function existingOrderIds(db: RegisterDb, ids: readonly string[]): string[] {
  if (ids.length === 0) return []
  return db
    .select({ id: orders.id })
    .from(orders)
    .where(inArray(orders.id, [...ids]))
    .all()
    .map((row) => row.id)
}
