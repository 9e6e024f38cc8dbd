import { count, eq, inArray } from 'drizzle-orm'
import { PosError } from '../../shared/ipc/errors'
import type { SyncTokens, TokenVault } from '../secrets/tokenVault'
import type { RegisterDb, RegisterExecutor } from './database'
import { outbox, syncState } from './schema'

export type SyncStateRow = typeof syncState.$inferSelect
export type SyncStatePatch = Partial<Omit<SyncStateRow, 'id' | 'updatedAt'>>

/**
 * Each open database's token vault. The sync worker reads and writes its tokens through the two
 * functions below with only the database in hand, so the vault the core chose is found from it.
 */
const vaults = new WeakMap<RegisterExecutor, TokenVault>()

function storedRow(db: RegisterExecutor): SyncStateRow | null {
  return db.select().from(syncState).where(eq(syncState.id, 1)).get() ?? null
}

/**
 * Keeps this database's sync tokens in `vault` from now on. Tokens an older version left in
 * register.db move into the vault, and their columns are blanked (their old bytes overwritten).
 */
export function keepSyncTokensIn(db: RegisterDb, vault: TokenVault): void {
  vaults.set(db, vault)
  const row = storedRow(db)
  if (!row || (row.accessToken === null && row.refreshToken === null)) return
  vault.write({ accessToken: row.accessToken, refreshToken: row.refreshToken })
  const sqlite = db.$client
  const wasSecureDelete = sqlite.pragma('secure_delete', { simple: true }) as number
  sqlite.pragma('secure_delete = ON')
  try {
    db.update(syncState).set({ accessToken: null, refreshToken: null }).run()
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    sqlite.pragma(`secure_delete = ${wasSecureDelete ? 'ON' : 'OFF'}`)
  }
}

/** The sync state, with its tokens read from the database's vault. */
export function getSyncState(db: RegisterExecutor): SyncStateRow | null {
  const row = storedRow(db)
  const vault = vaults.get(db)
  if (!row || !vault) return row
  return { ...row, ...vault.read() }
}

/** Outbox entries the store has not confirmed: waiting, being sent, retrying, or refused for good. */
export function unsyncedWorkCount(db: RegisterExecutor): number {
  return (
    db
      .select({ total: count() })
      .from(outbox)
      .where(inArray(outbox.state, ['pending', 'in_flight', 'failed', 'dead']))
      .get()?.total ?? 0
  )
}

/**
 * Writes the given fields of the single sync_state row, creating it on first use; tokens go to the
 * database's vault, never into register.db. The store a register belongs to never changes while it
 * holds work that store has not received: that work would be pushed into the other store
 * (UNSYNCED_WORK).
 */
export function updateSyncState(db: RegisterExecutor, patch: SyncStatePatch, now: string): void {
  if (patch.storeId !== undefined) {
    const previousStoreId = storedRow(db)?.storeId ?? null
    if (previousStoreId !== null && patch.storeId !== previousStoreId && unsyncedWorkCount(db) > 0)
      throw new PosError(
        'UNSYNCED_WORK',
        'This register holds sales or changes its store has not received yet; it will not move to another store until they are synced.',
      )
  }
  const { accessToken, refreshToken, ...fields } = patch
  const tokens: Partial<SyncTokens> = {}
  if (accessToken !== undefined) tokens.accessToken = accessToken
  if (refreshToken !== undefined) tokens.refreshToken = refreshToken
  const stored: SyncStatePatch = fields
  if (Object.keys(tokens).length > 0) {
    const vault = vaults.get(db)
    if (!vault) throw new Error('No token vault is open for this database; tokens are not stored.')
    vault.write(tokens)
    Object.assign(stored, { accessToken: null, refreshToken: null })
  }
  db.insert(syncState)
    .values({ id: 1, ...stored, updatedAt: now })
    .onConflictDoUpdate({ target: syncState.id, set: { ...stored, updatedAt: now } })
    .run()
}
