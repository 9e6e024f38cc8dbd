import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RegisterCore } from '../../src/main/core'
import { eventChannels, invokeChannels } from '../../src/shared/ipc/contract'
import type { InvokeResult } from '../../src/shared/ipc/errors'
import { openTestCore, tableCounts } from '../support/registerCore'

/**
 * The Electron binary cannot run here, so `electron` is replaced by the smallest honest stand-in
 * for the three objects these files touch: ipcMain keeps handlers in a map, ipcRenderer records
 * what would cross the bridge, contextBridge keeps what the preload exposes.
 */
const electron = vi.hoisted(() => {
  type Handler = (event: unknown, input: unknown) => unknown
  return {
    handlers: new Map<string, Handler>(),
    exposed: new Map<string, unknown>(),
    invoked: [] as { channel: string; input: unknown }[],
    listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
  }
})

vi.mock('electron', () => ({
  app: { isPackaged: true },
  BrowserWindow: class {},
  session: {},
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => {
      if (electron.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      electron.handlers.set(channel, handler)
    },
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => {
      electron.invoked.push({ channel, input })
      return Promise.resolve({ ok: true, value: 'forwarded' })
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      const set = electron.listeners.get(channel) ?? new Set()
      set.add(listener)
      electron.listeners.set(channel, set)
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      electron.listeners.get(channel)?.delete(listener),
  },
  contextBridge: {
    exposeInMainWorld: (name: string, api: unknown) => electron.exposed.set(name, api),
  },
}))

const { registerIpc } = await import('../../src/main/electron/ipc')
const { lockDownContents } = await import('../../src/main/electron/window')

// What window.ts loads when run from src/: the page beside the main bundle's folder.
const ownPage = pathToFileURL(
  resolve(import.meta.dirname, '..', '..', 'src', 'main', 'renderer', 'index.html'),
).href

function fakeWindow() {
  const mainFrame = { url: ownPage }
  const webContents = {
    mainFrame,
    sent: [] as unknown[],
    send: (...args: unknown[]) => webContents.sent.push(args),
  }
  return { webContents, mainFrame, isDestroyed: () => false }
}

describe('main process IPC registration', () => {
  let dataDir: string
  let core: RegisterCore
  let stop: () => void
  const window = fakeWindow()
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'auraflow-bridge-'))
    core = openTestCore(dataDir)
    stop = registerIpc(core, () => window as never)
  })
  afterAll(() => {
    stop?.()
    core?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('registers exactly the contract channels', () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...invokeChannels].sort())
  })

  it.each(invokeChannels)(
    '%s refuses a call from any other frame before reading its input',
    async (channel) => {
      const handler = electron.handlers.get(channel)!
      const before = tableCounts(core)
      const strangers = [
        { sender: { other: true }, senderFrame: window.mainFrame },
        { sender: window.webContents, senderFrame: { url: ownPage } },
        { sender: window.webContents, senderFrame: null },
      ]
      for (const event of strangers) {
        const result = (await handler(event, undefined)) as InvokeResult<unknown>
        expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
      expect(tableCounts(core)).toEqual(before)
    },
  )

  it('answers our own top frame, and still validates what it sends', async () => {
    const own = { sender: window.webContents, senderFrame: window.mainFrame }
    const info = (await electron.handlers.get('app:getInfo')!(own, undefined)) as InvokeResult<{
      host: string
    }>
    expect(info).toMatchObject({ ok: true, value: { host: 'web' } })
    const bad = (await electron.handlers.get('order:get')!(own, {
      id: 'nope',
    })) as InvokeResult<unknown>
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', path: 'id' } })
  })

  it('removes every handler when stopped', () => {
    const probe = mkdtempSync(join(tmpdir(), 'auraflow-bridge-'))
    electron.handlers.clear()
    const other = openTestCore(probe)
    try {
      const stopOther = registerIpc(other, () => null)
      expect(electron.handlers.size).toBe(invokeChannels.length)
      stopOther()
      expect(electron.handlers.size).toBe(0)
    } finally {
      other.close()
      rmSync(probe, { recursive: true, force: true })
    }
  })
})

describe('preload', () => {
  type Bridge = {
    invoke(channel: unknown, input?: unknown): Promise<InvokeResult<unknown>>
    on(event: unknown, listener: (payload: unknown) => void): () => void
  }
  let pos: Bridge
  beforeAll(async () => {
    await import('../../src/preload/index')
    pos = electron.exposed.get('pos') as Bridge
  })

  it('exposes window.pos with invoke and on, and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['pos'])
    expect(Object.keys(pos).sort()).toEqual(['invoke', 'on'])
  })

  it('never forwards a channel outside the contract', async () => {
    electron.invoked.length = 0
    for (const name of [
      'sale:delete',
      '__proto__',
      'constructor',
      'toString',
      '',
      42,
      null,
      { a: 1 },
    ]) {
      const result = await pos.invoke(name, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    }
    expect(electron.invoked).toEqual([])
    for (const channel of invokeChannels) await pos.invoke(channel, { probe: channel })
    expect(electron.invoked.map((call) => call.channel)).toEqual(invokeChannels)
  })

  it('subscribes only to contract events, hands listeners the payload only, and unsubscribes', () => {
    for (const name of ['sale:complete', 'ipc-message', '__proto__', 42])
      expect(() => pos.on(name, () => {})).toThrow(/Unknown event/)
    const received: unknown[] = []
    const event = eventChannels[0]!
    const off = pos.on(event, (payload) => received.push(payload))
    const [listener] = electron.listeners.get(event)!
    listener!({ sender: 'IpcRendererEvent with ports and sender' }, { orderIds: [] })
    expect(received).toEqual([{ orderIds: [] }])
    off()
    expect(electron.listeners.get(event)!.size).toBe(0)
  })
})

describe('every web contents is locked down', () => {
  type Listener = (
    event: { preventDefault(): void; url?: string; isMainFrame?: boolean },
    url?: string,
  ) => void
  function fakeContents() {
    const listeners = new Map<string, Listener>()
    let openHandler: ((details: { url: string }) => { action: string }) | null = null
    const contents = {
      on: (name: string, listener: Listener) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    }
    lockDownContents(contents as never)
    /** Fires an event the way Electron does and says whether the app prevented it. */
    const fire = (name: string, details: { url?: string; isMainFrame?: boolean } = {}) => {
      let isPrevented = false
      listeners.get(name)!({ ...details, preventDefault: () => (isPrevented = true) }, details.url)
      return isPrevented
    }
    return { fire, open: (url: string) => openHandler!({ url }) }
  }

  it('refuses navigation off our page and allows our own page', () => {
    const { fire } = fakeContents()
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      pathToFileURL('/tmp/renderer/index.html').href,
      'javascript:alert(1)',
    ])
      expect(fire('will-navigate', { url }), url).toBe(true)
    expect(fire('will-navigate', { url: `${ownPage}#/orders` })).toBe(false)
  })

  it('refuses any frame navigation but our own top frame, every redirect and every webview', () => {
    const { fire } = fakeContents()
    expect(fire('will-frame-navigate', { url: ownPage, isMainFrame: false })).toBe(true)
    expect(fire('will-frame-navigate', { url: 'https://example.com/', isMainFrame: true })).toBe(
      true,
    )
    expect(fire('will-frame-navigate', { url: ownPage, isMainFrame: true })).toBe(false)
    expect(fire('will-redirect', { url: ownPage })).toBe(true)
    expect(fire('will-attach-webview')).toBe(true)
  })

  it('denies every new window, whatever the URL', () => {
    const { open } = fakeContents()
    for (const url of ['https://example.com/', ownPage, 'about:blank', 'file:///etc/passwd'])
      expect(open(url)).toEqual({ action: 'deny' })
  })
})
