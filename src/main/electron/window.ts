import { join } from 'node:path'
import { BrowserWindow, session, shell } from 'electron'

/** The renderer's own origin: the built file or the dev server, nothing else. */
export function rendererEntry(): { url: string } | { file: string } {
  const devUrl = process.env.ELECTRON_RENDERER_URL
  return devUrl
    ? { url: devUrl }
    : { file: join(import.meta.dirname, '..', 'renderer', 'index.html') }
}

export function isTrustedRendererUrl(url: string | undefined): boolean {
  if (!url) return false
  const entry = rendererEntry()
  if ('url' in entry) return url.startsWith(entry.url)
  return (
    url.startsWith('file://') &&
    decodeURIComponent(new URL(url).pathname).endsWith('/renderer/index.html')
  )
}

export function createMainWindow(): BrowserWindow {
  // No permission (camera, notifications, geolocation …) is ever needed by the register UI.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  )

  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'AuraFlow POS',
    backgroundColor: '#f4f5f7',
    webPreferences: {
      preload: join(import.meta.dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  })
  const contents = window.webContents
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedRendererUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // Help links may open in the system browser; the app itself never opens a window.
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.once('ready-to-show', () => window.show())

  const entry = rendererEntry()
  if ('url' in entry) void window.loadURL(entry.url)
  else void window.loadFile(entry.file)
  return window
}
