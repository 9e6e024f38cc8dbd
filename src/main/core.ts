import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createRegisterEvents, type RegisterEvents } from './events'
import { createHandlers } from './ipc/handlers'
import { createHandlerRegistry, type HandlerRegistry } from './ipc/registry'
import { openRegisterDatabase, type RegisterDatabase } from './store/database'
import { ensureDeviceIdentity, type DeviceIdentity } from './store/identityRepository'
import { seedDemoStoreIfEmpty } from './store/seed/seedDemoStore'

export interface RegisterCoreOptions {
  /** Folder holding register.db; created if missing. One folder per register. */
  dataDir: string
  host: 'electron' | 'web'
  appVersion: string
  registerCode?: string | undefined
  migrationsFolder?: string | undefined
  now?: () => Date
  logError?: (message: string, error: unknown) => void
}

/** Everything a register is, minus the window: runs under Electron and plain Node alike. */
export interface RegisterCore {
  readonly registry: HandlerRegistry
  readonly events: RegisterEvents
  readonly device: DeviceIdentity
  readonly database: RegisterDatabase
  close(): void
}

export const registerDatabaseFile = 'register.db'

export function openRegisterCore(options: RegisterCoreOptions): RegisterCore {
  mkdirSync(options.dataDir, { recursive: true })
  const database = openRegisterDatabase(join(options.dataDir, registerDatabaseFile), options.migrationsFolder)
  try {
    const now = options.now ?? (() => new Date())
    const timestamp = now().toISOString()
    const device = ensureDeviceIdentity(database.db, { registerCode: options.registerCode, now: timestamp })
    seedDemoStoreIfEmpty(database.db, device.deviceId, timestamp)
    const events = createRegisterEvents()
    const handlers = createHandlers({ db: database.db, device, events, appVersion: options.appVersion, host: options.host, now })
    const registry = createHandlerRegistry(handlers, {
      onInternalError: (channel, error) => (options.logError ?? console.error)(`IPC ${channel} failed`, error),
    })
    return { registry, events, device, database, close: () => database.close() }
  } catch (error) {
    database.close()
    throw error
  }
}
