import { join } from 'node:path'
import { app, BrowserWindow, dialog } from 'electron'
import { mailPasswordFile, openRegisterCore, tokenFile, type RegisterCore } from './core'
import { safeStorageCodec } from './electron/tokenCodec'
import { createFileMailPasswordVault } from './secrets/mailPassword'
import { createFileTokenVault } from './secrets/tokenVault'
import { logFilePath, resolveInstancePaths } from './electron/instancePaths'
import { followCustomerDisplay } from './electron/customerDisplayWindow'
import { registerIpc } from './electron/ipc'
import { openMainLog } from './electron/mainLog'
import { printHtml, renderPdf } from './electron/printWindow'
import { decideUpdatePolicy } from './electron/updatePolicy'
import { startUpdateChecks } from './electron/updates'
import { createMainWindow, denyAllPermissions, lockDownContents } from './electron/window'

// Wiring only: the register itself lives in ./core and runs without Electron too.
const paths = resolveInstancePaths({
  dataDirSetting: process.env.AURAFLOW_DATA_DIR,
  defaultUserDataDir: app.getPath('userData'),
  cwd: process.cwd(),
  platform: process.platform,
})
// Before anything reads the profile: the lock below is per profile, so per data directory.
app.setPath('userData', paths.userDataDir)
app.setAppLogsPath()

if (!app.requestSingleInstanceLock({ dataDir: paths.dataDir })) {
  // Another register already runs on this data directory; it brings its window forward.
  app.exit(0)
} else {
  startRegister()
}

function startRegister(): void {
  const log = openMainLog(logFilePath(app.getPath('logs'), paths))
  let core: RegisterCore | null = null
  let window: BrowserWindow | null = null
  let stopIpc: (() => void) | null = null
  let stopBackground: (() => Promise<void>) | null = null
  let stopUpdates: (() => void) | null = null
  let customerDisplay: ReturnType<typeof followCustomerDisplay> | null = null
  let isQuitting = false

  const logError = (message: string, error: unknown) => log.error({ err: error }, message)
  // The monitor only observes: Electron's own handling of a crash in main stays as it is.
  process.on('uncaughtExceptionMonitor', (error) => log.fatal({ err: error }, 'uncaught exception'))
  process.on('unhandledRejection', (error) => log.error({ err: error }, 'unhandled rejection'))

  app.enableSandbox()
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents))

  const showWindow = () => {
    if (!window || window.isDestroyed()) {
      window = createMainWindow()
      window.on('closed', () => (window = null))
      return
    }
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }
  app.on('second-instance', () => {
    log.info('second start on this data directory: focusing the running register')
    if (core) showWindow()
  })

  void app.whenReady().then(() => {
    log.info({ version: app.getVersion(), dataDir: paths.dataDir }, 'register starting')
    denyAllPermissions()
    try {
      const { codec, isEncrypted } = safeStorageCodec()
      if (!isEncrypted)
        log.warn('no OS keychain for safeStorage: sync tokens are kept in an owner-only file')
      core = openRegisterCore({
        dataDir: paths.dataDir,
        tokenVault: createFileTokenVault(
          join(paths.dataDir, isEncrypted ? 'sync-tokens.bin' : tokenFile),
          codec,
        ),
        mailPasswords: createFileMailPasswordVault(
          join(paths.dataDir, isEncrypted ? 'mail-password.bin' : mailPasswordFile),
          codec,
        ),
        host: 'electron',
        appVersion: app.getVersion(),
        registerCode: process.env.AURAFLOW_REGISTER_CODE,
        migrationsFolder: app.isPackaged
          ? join(process.resourcesPath, 'drizzle', 'register')
          : undefined,
        logError,
        printing: { renderPdf, printHtml },
      })
    } catch (error) {
      log.fatal({ err: error }, 'could not open the register store')
      // A cashier sees why, not a window that never opens; the previous database was left as it was.
      dialog.showErrorBox(
        'AuraFlow POS could not start',
        `The register's data in ${paths.dataDir} could not be opened:\n${error instanceof Error ? error.message : String(error)}\n\nNothing was changed. The full report is in ${app.getPath('logs')}.`,
      )
      app.exit(1)
      return
    }
    const openCore = core
    stopIpc = registerIpc(
      openCore,
      () => window,
      () => customerDisplay?.current() ?? null,
    )
    stopBackground = openCore.startBackground()
    showWindow()
    customerDisplay = followCustomerDisplay(openCore)
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) showWindow()
    })
    stopUpdates = startUpdateChecks(decideUpdatePolicy(process.env, app.isPackaged), log)
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('will-quit', (event) => {
    if (isQuitting || !core) return
    // Let an in-flight sync settle its outbox rows before the database closes.
    event.preventDefault()
    isQuitting = true
    stopUpdates?.()
    customerDisplay?.stop()
    stopIpc?.()
    void (stopBackground?.() ?? Promise.resolve()).finally(() => {
      core?.close()
      core = null
      log.info('register stopped')
      app.quit()
    })
  })
}
