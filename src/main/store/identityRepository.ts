import { eq } from 'drizzle-orm'
import { v4 as uuidv4 } from 'uuid'
import { parseStoreOptions, StoreOptions } from '../../shared/store/options'
import type { RegisterDb, RegisterExecutor } from './database'
import { deviceIdentity, storeSettings } from './schema'

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

/** The store's operating options (approvals, tenders, idle lock), defaults filled in. */
export function getStoreOptions(db: RegisterExecutor): StoreOptions {
  const row = db.select({ options: storeSettings.options }).from(storeSettings).get()
  return parseStoreOptions(row?.options ?? '{}')
}

/** Replaces some options (validated as a whole before anything is written). */
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
