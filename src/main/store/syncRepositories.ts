import type { WireRecord } from '../../shared/sync/wireRecords'
import type { SyncedEntity } from './syncedTables'
import type { RegisterDb } from './database'
import { recordConflict, type ConflictRecord } from './conflictRepository'
import { changeDeviceIdentity, getStoreSettings, type DeviceIdentity } from './identityRepository'
import {
  claimDueEntries,
  listDeadEntries,
  oldestUnsyncedAt,
  outboxCounts,
  requeueInFlight,
  retryDeadEntries,
  settleEntries,
  type EntryOutcome,
  type OutboxCounts,
  type OutboxRow,
} from './outboxRepository'
import { rebuildCatalogSearch } from './catalogSearchIndex'
import {
  applyPulledPage,
  checkpointAfterBulk,
  type AppliedPage,
  type PullPage,
} from './pullApplier'
import { baseVersionOf, readWireRecord, recordLabel } from './syncRecords'
import {
  getSyncState,
  updateSyncState,
  type SyncStatePatch,
  type SyncStateRow,
} from './syncStateRepository'

/** The single sync_state row: server, tokens, cursor and the last outcome. */
export interface SyncStateRepository {
  get(): SyncStateRow | null
  update(patch: SyncStatePatch, now: string): void
}

/** An outbox entry the server refused for good, named the way a manager recognises it. */
export interface DeadLetter {
  outboxId: number
  entity: string
  entityId: string
  /** The order number for an order, else the record's own label. */
  label: string
  attempts: number
  lastError: string | null
  updatedAt: string
}

/** The outbox as sync reads and settles it. */
export interface SyncOutboxRepository {
  counts(): OutboxCounts
  oldestUnsyncedAt(): string | null
  /** After a crash mid-push, entries left in flight go back to the queue. */
  requeueInFlight(now: string): number
  claimDue(limit: number, now: string): OutboxRow[]
  /** Records each entry's outcome and the conflicts the server reported, in one transaction. */
  settle(
    outcomes: ReadonlyMap<number, EntryOutcome>,
    conflicts: readonly ConflictRecord[],
    now: string,
  ): void
  listDead(): DeadLetter[]
  retryDead(now: string, ids?: readonly number[]): number
}

/** Local records in their wire form, for a push. */
export interface SyncRecordReader {
  wireRecord<E extends SyncedEntity>(entity: E, id: string): WireRecord<E> | null
  baseVersion(entity: string, id: string): number
}

/** Server records written locally, from a pull or a push conflict the server won. */
export interface PulledPageWriter {
  apply(
    page: PullPage,
    context: { localDeviceId: string; currency: string; now: string },
  ): AppliedPage
  /**
   * Ends a bulk pull: builds the catalog search index and barcode lookup it deferred
   * (PullPage.defersSearch), turns their triggers back on, and checkpoints the log its interim
   * transactions left; false when nothing was deferred.
   */
  rebuildSearch(): boolean
}

export interface SyncIdentityRepository {
  currency(): string
  /** Gives this register a new device id (a copied folder, or a revoked register enrolled again). */
  changeDeviceIdentity(deviceId: string, fingerprint: string): DeviceIdentity
}

/** Everything the sync worker reads and writes, so src/main/sync never holds the database. */
export interface SyncRepositories {
  syncState: SyncStateRepository
  outbox: SyncOutboxRepository
  records: SyncRecordReader
  pulled: PulledPageWriter
  identity: SyncIdentityRepository
}

export function syncOutboxRepository(db: RegisterDb): SyncOutboxRepository {
  return {
    counts: () => outboxCounts(db),
    oldestUnsyncedAt: () => oldestUnsyncedAt(db),
    requeueInFlight: (now) => requeueInFlight(db, now),
    claimDue: (limit, now) => claimDueEntries(db, limit, now),
    settle: (outcomes, conflicts, now) =>
      settleEntries(db, outcomes, now, (tx) => {
        for (const conflict of conflicts) recordConflict(tx, conflict, now)
      }),
    listDead: () =>
      listDeadEntries(db).map((row) => ({
        outboxId: row.outboxId,
        entity: row.entity,
        entityId: row.entityId,
        label: row.orderNumber ?? recordLabel(db, row.entity, row.entityId),
        attempts: row.attempts,
        lastError: row.lastError,
        updatedAt: row.updatedAt,
      })),
    retryDead: (now, ids) => retryDeadEntries(db, now, ids),
  }
}

export function syncRepositories(db: RegisterDb): SyncRepositories {
  return {
    syncState: {
      get: () => getSyncState(db),
      update: (patch, now) => updateSyncState(db, patch, now),
    },
    outbox: syncOutboxRepository(db),
    records: {
      wireRecord: (entity, id) => readWireRecord(db, entity, id),
      baseVersion: (entity, id) => baseVersionOf(db, entity, id),
    },
    pulled: {
      apply: (page, context) => applyPulledPage(db, page, context),
      rebuildSearch: () => {
        const rebuilt = rebuildCatalogSearch(db.$client)
        if (rebuilt) checkpointAfterBulk(db)
        return rebuilt
      },
    },
    identity: {
      currency: () => getStoreSettings(db).currency,
      changeDeviceIdentity: (deviceId, fingerprint) =>
        changeDeviceIdentity(db, deviceId, fingerprint),
    },
  }
}
