import { contextBridge, ipcRenderer } from 'electron'
import type { RawPosBridge } from '../shared/ipc/bridge'
import { isEventChannel, isInvokeChannel } from '../shared/ipc/contract'

/** The renderer's whole view of the main process: two functions, allow-listed by the contract. */
const pos: RawPosBridge = {
  invoke(channel, input) {
    if (!isInvokeChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${String(channel)}` },
      })
    }
    return ipcRenderer.invoke(channel, input)
  },
  on(event, listener) {
    if (!isEventChannel(event)) throw new Error(`Unknown event: ${String(event)}`)
    const forward = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(event, forward)
    return () => {
      ipcRenderer.removeListener(event, forward)
    }
  },
}

contextBridge.exposeInMainWorld('pos', pos)
