import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createRegisterEvents, type RegisterEvents } from './events'
import { createHandlers } from './ipc/handlers'
import { createHandlerRegistry, type HandlerRegistry } from './ipc/registry'
import { openRegisterDatabase, type RegisterDatabase } from './store/database'
import { createAuthority, type Authority } from './services/authority'
import {
  ensureDeviceIdentity,
  getStoreOptions,
  type DeviceIdentity,
} from './store/identityRepository'
import { seedDemoStaffIfNone, seedDemoStoreIfEmpty } from './store/seed/seedDemoStore'
import { machineFingerprint } from './sync/fingerprint'
import { createSyncWorker, type SyncWorker, type SyncWorkerOptions } from './sync/syncWorker'

export interface RegisterCoreOptions {
  /** Folder holding register.db; created if missing. One folder per register. */
  dataDir: string
  host: 'electron' | 'web'
  appVersion: string
  registerCode?: string | undefined
  migrationsFolder?: string | undefined
  now?: () => Date
  logError?: (message: string, error: unknown) => void
  /** Overrides the hardware fingerprint (tests simulate a folder copied to another machine). */
  fingerprint?: string
  /** Sync timing and behaviour; defaults suit a store. */
  sync?: Pick<
    SyncWorkerOptions,
    | 'intervalMs'
    | 'commitDebounceMs'
    | 'pullPageSize'
    | 'isRealtimeEnabled'
    | 'backoff'
    | 'requestTimeoutMs'
    | 'random'
  >
}

/** Everything a register is, minus the window: runs under Electron and plain Node alike. */
export interface RegisterCore {
  readonly registry: HandlerRegistry
  readonly events: RegisterEvents
  readonly sync: SyncWorker
  readonly database: RegisterDatabase
  /** Who is signed in at this register and what they may do. */
  readonly authority: Authority
  /** This register's current identity (it changes only when a copied folder is enrolled again). */
  readonly device: DeviceIdentity
  /** Starts background work (sync worker, realtime socket); returns the function that stops it. */
  startBackground(): () => Promise<void>
  close(): void
}

export const registerDatabaseFile = 'register.db'

export function openRegisterCore(options: RegisterCoreOptions): RegisterCore {
  mkdirSync(options.dataDir, { recursive: true })
  const database = openRegisterDatabase(
    join(options.dataDir, registerDatabaseFile),
    options.migrationsFolder,
  )
  try {
    const now = options.now ?? (() => new Date())
    const timestamp = now().toISOString()
    const device = ensureDeviceIdentity(database.db, {
      registerCode: options.registerCode,
      now: timestamp,
    })
    seedDemoStoreIfEmpty(database.db, device.deviceId, timestamp)
    seedDemoStaffIfNone(database.db, device.deviceId, timestamp)
    const events = createRegisterEvents()
    const sync = createSyncWorker({
      ...options.sync,
      db: database.db,
      device,
      events,
      fingerprint: options.fingerprint ?? machineFingerprint(),
      now,
      log: (message, error) => (options.logError ?? console.error)(message, error),
    })
    events.onAny((event) => {
      if (event === 'order:created') sync.notifyLocalCommit()
    })
    const authority = createAuthority({
      db: database.db,
      deviceId: () => sync.device.deviceId,
      storeOptions: () => getStoreOptions(database.db),
      now,
    })
    const handlers = createHandlers({
      db: database.db,
      sync,
      events,
      authority,
      storeOptions: () => getStoreOptions(database.db),
      appVersion: options.appVersion,
      host: options.host,
      now,
    })
    const registry = createHandlerRegistry(handlers, {
      onInternalError: (channel, error) =>
        (options.logError ?? console.error)(`IPC ${channel} failed`, error),
    })
    return {
      registry,
      events,
      sync,
      database,
      authority,
      get device() {
        return sync.device
      },
      startBackground: () => sync.start(),
      close: () => database.close(),
    }
  } catch (error) {
    database.close()
    throw error
  }
}
