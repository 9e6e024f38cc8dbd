import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createRegisterEvents, type RegisterEvents } from './events'
import type { HandlerContext } from './ipc/handlerContext'
import { createHandlers } from './ipc/handlers'
import { createHandlerRegistry, type HandlerRegistry } from './ipc/registry'
import { createMailService, type MailService, type MailServiceOptions } from './mail/mailService'
import { createFileMailPasswordVault, type MailPasswordVault } from './secrets/mailPassword'
import { createMailStore } from './store/mailStore'
import type { NetworkTimeouts } from './printing/networkPrinter'
import { createKitchenDisplay, type KitchenDisplay } from './printing/kitchenDisplay'
import { createPrintService, type PrintService, type SystemPrint } from './printing/printService'
import { openRegisterDatabase, type RegisterDatabase } from './store/database'
import { kitchenTicketStore } from './store/kitchenRepository'
import { createPrintStore } from './store/printStore'
import { createRegisterStore, type RegisterStore } from './store/repositories'
import type { BackoffPolicy } from './sync/backoff'
import { createAuthority, type Authority } from './services/authority'
import {
  ensureDeviceIdentity,
  getStoreOptions,
  type DeviceIdentity,
} from './store/identityRepository'
import { keepSyncTokensIn } from './store/syncStateRepository'
import { createFileTokenVault, type TokenVault } from './secrets/tokenVault'
import { seedDemoStaffIfNone, seedDemoStoreIfEmpty } from './store/seed/seedDemoStore'
import { syncRepositories } from './store/syncRepositories'
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
    | 'bulkPull'
    | 'pushBatchRecords'
    | 'pushLanes'
    | 'isRealtimeEnabled'
    | 'backoff'
    | 'requestTimeoutMs'
    | 'random'
  >
  /** What the host can print with, and print timing (tests make retries quick). */
  printing?: PrintingOptions
  /**
   * Where the sync tokens are kept (never in register.db). Electron passes a safeStorage vault;
   * the default is `sync-tokens.json` in the data folder, readable only by this user.
   */
  tokenVault?: TokenVault
  /** Where the SMTP password is kept (never in register.db); default `mail-password.json`. */
  mailPasswords?: MailPasswordVault
  /** E-mail queue timing (tests make retries quick). */
  mail?: Pick<MailServiceOptions, 'backoff' | 'random' | 'pollIntervalMs' | 'smtpTimeouts'>
}

export interface PrintingOptions {
  /** Electron: HTML to PDF (printToPDF). Without it a receipt PDF is NOT_SUPPORTED. */
  renderPdf?: HandlerContext['renderPdf']
  /** Electron: HTML to an OS printer without a dialog. Without it system printers cannot print. */
  printHtml?: SystemPrint
  network?: Partial<NetworkTimeouts>
  backoff?: BackoffPolicy
  pollIntervalMs?: number
  stopGraceMs?: number
}

/** Everything a register is, minus the window: runs under Electron and plain Node alike. */
export interface RegisterCore {
  readonly registry: HandlerRegistry
  readonly events: RegisterEvents
  readonly sync: SyncWorker
  readonly database: RegisterDatabase
  /** The register's repositories over that database: what services and handlers take. */
  readonly store: RegisterStore
  /** Who is signed in at this register and what they may do. */
  readonly authority: Authority
  /** This register's current identity (it changes only when a copied folder is enrolled again). */
  readonly device: DeviceIdentity
  /** The print queue and its worker, with station subscriptions. */
  readonly print: PrintService
  /** A kitchen station's on-screen tickets (bump, recall). */
  readonly kitchen: KitchenDisplay
  /** Where this register's sync tokens are kept. */
  readonly tokenVault: TokenVault
  /** E-mailed receipts: SMTP settings and the send queue with its worker. */
  readonly mail: MailService
  /** Starts background work (sync and print workers, realtime socket); returns the stop function. */
  startBackground(): () => Promise<void>
  close(): void
}

export const registerDatabaseFile = 'register.db'
export const tokenFile = 'sync-tokens.json'
export const mailPasswordFile = 'mail-password.json'

export function openRegisterCore(options: RegisterCoreOptions): RegisterCore {
  mkdirSync(options.dataDir, { recursive: true })
  const database = openRegisterDatabase(
    join(options.dataDir, registerDatabaseFile),
    options.migrationsFolder,
  )
  try {
    const now = options.now ?? (() => new Date())
    const tokenVault = options.tokenVault ?? createFileTokenVault(join(options.dataDir, tokenFile))
    keepSyncTokensIn(database.db, tokenVault)
    const timestamp = now().toISOString()
    const device = ensureDeviceIdentity(database.db, {
      registerCode: options.registerCode,
      now: timestamp,
    })
    seedDemoStoreIfEmpty(database.db, device.deviceId, timestamp)
    seedDemoStaffIfNone(database.db, device.deviceId, timestamp)
    const store = createRegisterStore(database.db)
    const events = createRegisterEvents()
    const sync = createSyncWorker({
      ...options.sync,
      repositories: syncRepositories(database.db),
      device,
      events,
      fingerprint: options.fingerprint ?? machineFingerprint(),
      appVersion: options.appVersion,
      now,
      log: (message, error) => (options.logError ?? console.error)(message, error),
    })
    events.onAny((event) => {
      if (event === 'order:created') sync.notifyLocalCommit()
    })
    const authority = createAuthority({
      repositories: store,
      deviceId: () => sync.device.deviceId,
      storeOptions: () => getStoreOptions(database.db),
      now,
    })
    const printStore = createPrintStore(database.db)
    const print = createPrintService({
      ...options.printing,
      store: printStore,
      events,
      now,
      device: () => sync.device,
      authority,
      log: (message, error) => (options.logError ?? console.error)(message, error),
    })
    const mail = createMailService({
      ...options.mail,
      store: createMailStore(database.db),
      events,
      passwords:
        options.mailPasswords ??
        createFileMailPasswordVault(join(options.dataDir, mailPasswordFile)),
      now,
      registerCode: () => sync.device.registerCode,
      log: (message, error) => (options.logError ?? console.error)(message, error),
    })
    const kitchen = createKitchenDisplay({
      store: { ...printStore, ...kitchenTicketStore(database.db) },
      events,
      now,
      device: () => sync.device,
      log: (message, error) => (options.logError ?? console.error)(message, error),
    })
    const context: HandlerContext = {
      store,
      sync,
      events,
      authority,
      storeOptions: () => getStoreOptions(database.db),
      appVersion: options.appVersion,
      host: options.host,
      now,
      renderPdf: options.printing?.renderPdf,
      print,
      mail,
      kitchen,
    }
    const handlers = createHandlers(context)
    const registry = createHandlerRegistry(handlers, {
      signedIn: () => authority.current(),
      onInternalError: (channel, error) =>
        (options.logError ?? console.error)(`IPC ${channel} failed`, error),
    })
    let stopBackground: (() => Promise<void>) | null = null
    return {
      registry,
      events,
      sync,
      database,
      store,
      authority,
      get device() {
        return sync.device
      },
      print,
      kitchen,
      tokenVault,
      mail,
      startBackground: () => {
        const stopSync = sync.start()
        const stopPrint = print.start()
        const stopMail = mail.start()
        const stopKitchen = kitchen.start()
        const stop = async () => {
          stopBackground = null
          stopKitchen()
          await Promise.all([stopSync(), stopPrint(), stopMail()])
        }
        stopBackground = stop
        return stop
      },
      close: () => {
        // Closed without stopping first (a crash in tests): the stop functions clear their timers
        // synchronously, so no sync or print timer touches the closed database; a run already
        // under way fails on the closed database and is ignored.
        stopBackground?.().catch(() => undefined)
        database.close()
      },
    }
  } catch (error) {
    database.close()
    throw error
  }
}
