import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isTrustedRendererUrl, rendererEntry } from '../../src/main/electron/rendererOrigin'
import { isTrustedIpcSender, type RegisterWindowView } from '../../src/main/electron/senderCheck'

// The built layout: out/main/index.js loads out/renderer/index.html.
const mainDir = join('/opt', 'AuraFlow POS', 'resources', 'app.asar', 'out', 'main')
const entry = rendererEntry(mainDir, { isPackaged: true })
const pageUrl = pathToFileURL(join(mainDir, '..', 'renderer', 'index.html')).href
const isTrusted = (url: string) => isTrustedRendererUrl(url, entry, 'linux')

function registerWindow(url = pageUrl) {
  const mainFrame = { url }
  const webContents = { mainFrame }
  let isDestroyed = false
  const window: RegisterWindowView & { destroy(): void } = {
    webContents,
    isDestroyed: () => isDestroyed,
    destroy: () => (isDestroyed = true),
  }
  return { window, webContents, mainFrame }
}

describe('IPC sender check', () => {
  it('accepts the register window top frame on our own page', () => {
    const { window, webContents, mainFrame } = registerWindow()
    expect(
      isTrustedIpcSender({ sender: webContents, senderFrame: mainFrame }, window, isTrusted),
    ).toBe(true)
  })

  const refusals: [
    string,
    (w: ReturnType<typeof registerWindow>) => Parameters<typeof isTrustedIpcSender>,
  ][] = [
    [
      'no window (closed)',
      (w) => [{ sender: w.webContents, senderFrame: w.mainFrame }, null, isTrusted],
    ],
    [
      'a destroyed window',
      (w) => {
        w.window.destroy()
        return [{ sender: w.webContents, senderFrame: w.mainFrame }, w.window, isTrusted]
      },
    ],
    [
      'another web contents (a second window)',
      (w) => [
        { sender: { mainFrame: w.mainFrame }, senderFrame: w.mainFrame },
        w.window,
        isTrusted,
      ],
    ],
    [
      'an iframe of our window',
      (w) => [{ sender: w.webContents, senderFrame: { url: pageUrl } }, w.window, isTrusted],
    ],
    [
      'a frame that is gone (senderFrame null)',
      (w) => [{ sender: w.webContents, senderFrame: null }, w.window, isTrusted],
    ],
    [
      'our top frame after it navigated to another site',
      (w) => {
        w.mainFrame.url = 'https://evil.example/'
        return [{ sender: w.webContents, senderFrame: w.mainFrame }, w.window, isTrusted]
      },
    ],
    [
      'our top frame showing another local file',
      (w) => {
        w.mainFrame.url = pathToFileURL('/tmp/evil/renderer/index.html').href
        return [{ sender: w.webContents, senderFrame: w.mainFrame }, w.window, isTrusted]
      },
    ],
  ]
  it.each(refusals)('refuses %s', (_name, make) => {
    expect(isTrustedIpcSender(...make(registerWindow()))).toBe(false)
  })
})

describe('renderer origin', () => {
  it('trusts exactly the built page, with any query or hash', () => {
    expect(isTrusted(pageUrl)).toBe(true)
    expect(isTrusted(`${pageUrl}#/orders`)).toBe(true)
    expect(isTrusted(`${pageUrl}?x=1`)).toBe(true)
    for (const url of [
      pathToFileURL('/tmp/renderer/index.html').href,
      pathToFileURL(join(mainDir, '..', 'renderer', 'other.html')).href,
      'file://evil-host/opt/AuraFlow%20POS/resources/app.asar/out/renderer/index.html',
      'https://example.com/renderer/index.html',
      'javascript:alert(1)',
      'not a url',
      '',
    ])
      expect(isTrusted(url), url).toBe(false)
  })

  it('trusts the dev server by origin only, and never in a packaged app', () => {
    const dev = rendererEntry(mainDir, { devUrl: 'http://localhost:5173', isPackaged: false })
    expect(isTrustedRendererUrl('http://localhost:5173/#/orders', dev)).toBe(true)
    // A prefix match would let these through.
    expect(isTrustedRendererUrl('http://localhost:5173.evil.example/', dev)).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:51730/', dev)).toBe(false)
    expect(rendererEntry(mainDir, { devUrl: 'http://localhost:5173', isPackaged: true })).toEqual(
      entry,
    )
  })

  it('compares Windows paths without regard to case', () => {
    const windowsEntry = {
      file: 'C:\\Program Files\\AuraFlow POS\\resources\\app.asar\\out\\renderer\\index.html',
    }
    const url =
      'file:///c:/Program%20Files/AuraFlow%20POS/resources/app.asar/out/renderer/index.html'
    expect(isTrustedRendererUrl(url, windowsEntry, 'win32')).toBe(true)
    expect(
      isTrustedRendererUrl('file:///c:/Temp/out/renderer/index.html', windowsEntry, 'win32'),
    ).toBe(false)
  })
})
