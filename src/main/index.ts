import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import { openRegisterCore, type RegisterCore } from './core'
import { registerIpc } from './electron/ipc'
import { createMainWindow } from './electron/window'

// Wiring only: the register itself lives in ./core and runs without Electron too.
const dataDir = process.env.AURAFLOW_DATA_DIR ?? app.getPath('userData')
let core: RegisterCore | null = null
let window: BrowserWindow | null = null
let stopIpc: (() => void) | null = null
let stopBackground: (() => Promise<void>) | null = null
let isQuitting = false

app.enableSandbox()

void app.whenReady().then(() => {
  core = openRegisterCore({
    dataDir,
    host: 'electron',
    appVersion: app.getVersion(),
    registerCode: process.env.AURAFLOW_REGISTER_CODE,
    migrationsFolder: app.isPackaged
      ? join(process.resourcesPath, 'drizzle', 'register')
      : undefined,
  })
  stopIpc = registerIpc(core, () => window)
  stopBackground = core.startBackground()
  window = createMainWindow()
  window.on('closed', () => (window = null))
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('will-quit', (event) => {
  if (isQuitting || !core) return
  // Let an in-flight sync settle its outbox rows before the database closes.
  event.preventDefault()
  isQuitting = true
  stopIpc?.()
  void (stopBackground?.() ?? Promise.resolve()).finally(() => {
    core?.close()
    core = null
    app.quit()
  })
})
