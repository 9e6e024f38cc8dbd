import { join } from 'node:path'
import { app, BrowserWindow, session, type WebContents } from 'electron'
import { isTrustedRendererUrl, rendererEntry, type RendererEntry } from './rendererOrigin'

/** The register page for this run: built files when packaged, the dev server only in development. */
export function currentRendererEntry(): RendererEntry {
  return rendererEntry(import.meta.dirname, {
    devUrl: process.env.ELECTRON_RENDERER_URL,
    isPackaged: app.isPackaged,
  })
}

export function isOwnRendererUrl(url: string | undefined): boolean {
  return isTrustedRendererUrl(url, currentRendererEntry())
}

/**
 * Applied to every web contents the app ever creates (app `web-contents-created`), not only the
 * main window: no navigation off our page, no redirects, no webviews, and no new windows. The
 * register has no external links, so nothing is handed to the system browser either.
 */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnRendererUrl(url)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isOwnRendererUrl(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** No permission (camera, notifications, geolocation …) is ever needed by the register UI. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'AuraFlow POS',
    backgroundColor: '#f4f5f7',
    webPreferences: {
      // Two functions over the IPC contract; see src/preload/index.ts.
      preload: join(import.meta.dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click on a link would otherwise try to open a window (refused anyway, above).
      disableBlinkFeatures: 'Auxclick',
    },
  })
  lockDownContents(window.webContents)
  window.once('ready-to-show', () => window.show())

  const entry = currentRendererEntry()
  if ('url' in entry) void window.loadURL(entry.url)
  else void window.loadFile(entry.file)
  return window
}

/**
 * The customer-facing display: our renderer's #customer-display page, full screen on the given
 * screen area, with the same hardening as the register window. Main answers it only the display
 * feed (registerIpc), whatever it asks.
 */
export function createCustomerDisplayWindow(bounds: Electron.Rectangle): BrowserWindow {
  const window = new BrowserWindow({
    ...bounds,
    show: false,
    fullscreen: true,
    frame: false,
    focusable: false,
    title: 'AuraFlow POS — customer display',
    backgroundColor: '#ffffff',
    webPreferences: {
      // The same two functions as the register window; main refuses all but the display feed.
      preload: join(import.meta.dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  lockDownContents(window.webContents)
  window.once('ready-to-show', () => window.showInactive())
  const entry = currentRendererEntry()
  if ('url' in entry) void window.loadURL(`${entry.url}#customer-display`)
  else void window.loadFile(entry.file, { hash: 'customer-display' })
  return window
}
