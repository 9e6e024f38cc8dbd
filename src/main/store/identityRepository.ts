import { and, eq, isNull } from 'drizzle-orm'
import { v4 as uuidv4 } from 'uuid'
import { parseStoreOptions, StoreOptions } from '../../shared/store/options'
import { STORE_RULES_ID } from '../../shared/sync/entities'
import type { RegisterDb, RegisterExecutor } from './database'
import { enqueueMutation } from './outboxRepository'
import { deviceIdentity, storeRules, storeSettings } from './schema'

export type DeviceIdentity = typeof deviceIdentity.$inferSelect
export type StoreSettings = typeof storeSettings.$inferSelect

export interface IdentityOptions {
  /** Human code printed in order numbers; defaults to the first four hex digits of the id. */
  registerCode?: string | undefined
  fingerprint?: string | undefined
  now: string
}

/** Returns this register's identity, creating a new UUID on the first run. */
export function ensureDeviceIdentity(db: RegisterDb, options: IdentityOptions): DeviceIdentity {
  const existing = db.select().from(deviceIdentity).get()
  if (existing) {
    if (options.registerCode && options.registerCode !== existing.registerCode) {
      db.update(deviceIdentity)
        .set({ registerCode: options.registerCode })
        .where(eq(deviceIdentity.id, 1))
        .run()
      return { ...existing, registerCode: options.registerCode }
    }
    return existing
  }
  const deviceId = uuidv4()
  const row = {
    id: 1,
    deviceId,
    registerCode: options.registerCode ?? deviceId.slice(0, 4).toUpperCase(),
    fingerprint: options.fingerprint ?? null,
    lastOrderSeq: 0,
    createdAt: options.now,
  }
  db.insert(deviceIdentity).values(row).run()
  return row
}

export function getStoreSettings(db: RegisterDb): StoreSettings {
  const settings = db.select().from(storeSettings).get()
  if (!settings) throw new Error('Store settings are missing: the store was never initialised.')
  return settings
}

/**
 * Gives this register a new device id (after its folder was found copied from another machine).
 * The register code follows the new id unless one was configured, so order numbers never collide
 * with the register the folder came from.
 */
export function changeDeviceIdentity(
  db: RegisterDb,
  deviceId: string,
  fingerprint: string,
): DeviceIdentity {
  const current = db.select().from(deviceIdentity).get()
  if (!current) throw new Error('Device identity is missing.')
  const isDerivedCode = current.registerCode === current.deviceId.slice(0, 4).toUpperCase()
  const registerCode = isDerivedCode ? deviceId.slice(0, 4).toUpperCase() : current.registerCode
  db.update(deviceIdentity)
    .set({ deviceId, registerCode, fingerprint })
    .where(eq(deviceIdentity.id, 1))
    .run()
  return { ...current, deviceId, registerCode, fingerprint }
}

/**
 * The store's operating options (approvals, tenders, idle lock), defaults filled in: the store's
 * synced rules when this register holds them (pulled, or a manager's edit here), else this
 * register's own store_settings.options (a register that has never synced, or a store whose rules
 * were never edited).
 */
export function getStoreOptions(db: RegisterExecutor): StoreOptions {
  const synced = db
    .select({ options: storeRules.options })
    .from(storeRules)
    .where(and(eq(storeRules.id, STORE_RULES_ID), isNull(storeRules.deletedAt)))
    .get()
  if (synced) return parseStoreOptions(synced.options)
  const row = db.select({ options: storeSettings.options }).from(storeSettings).get()
  return parseStoreOptions(row?.options ?? '{}')
}

/**
 * A manager's edit of the store's rules: a new version of the synced record (STORE_RULES_ID),
 * marked PENDING, with its outbox entry, in the caller's transaction. It applies here at once and
 * reaches the server and the store's other registers with the next sync. Only this writes the
 * record: a register never pushes its defaults over rules it has not seen.
 */
export function saveStoreRules(
  db: RegisterExecutor,
  changes: Partial<StoreOptions>,
  deviceId: string,
  now: string,
): StoreOptions {
  const next = StoreOptions.parse({ ...getStoreOptions(db), ...changes })
  const options = JSON.stringify(next)
  db.insert(storeRules)
    .values({ id: STORE_RULES_ID, deviceId, syncStatus: 'PENDING', updatedAt: now, options })
    .onConflictDoUpdate({
      target: storeRules.id,
      set: { options, syncStatus: 'PENDING', updatedAt: now, deletedAt: null },
    })
    .run()
  enqueueMutation(db, 'storeRules', STORE_RULES_ID, now)
  return next
}

/**
 * Replaces some of this register's local options (validated as a whole before anything is
 * written): the stand-in used until the store's synced rules exist. Nothing is synced.
 */
export function updateStoreOptions(
  db: RegisterExecutor,
  changes: Partial<StoreOptions>,
  now: string,
): StoreOptions {
  const next = StoreOptions.parse({ ...getStoreOptions(db), ...changes })
  db.update(storeSettings)
    .set({ options: JSON.stringify(next), updatedAt: now })
    .where(eq(storeSettings.id, 1))
    .run()
  return next
}
