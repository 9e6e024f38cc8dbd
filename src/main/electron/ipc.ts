import { ipcMain, type BrowserWindow } from 'electron'
import { invokeChannels } from '../../shared/ipc/contract'
import { PosError } from '../../shared/ipc/errors'
import type { RegisterCore } from '../core'
import { isTrustedIpcSender } from './senderCheck'
import { isOwnRendererUrl } from './window'

/**
 * Registers one ipcMain handler per contract channel. Each call is checked twice: the sending
 * frame must be our window's top frame on our own page, then the registry parses the payload.
 */
export function registerIpc(core: RegisterCore, getWindow: () => BrowserWindow | null): () => void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedIpcSender(event, getWindow(), isOwnRendererUrl))
        return {
          ok: false,
          error: new PosError(
            'FORBIDDEN',
            'Calls are accepted only from the register window.',
          ).toData(),
        }
      return core.registry.dispatch(channel, input)
    })
  }
  const stopEvents = core.events.onAny((event, payload) => {
    const window = getWindow()
    if (window && !window.isDestroyed()) window.webContents.send(event, payload)
  })
  return () => {
    stopEvents()
    for (const channel of invokeChannels) ipcMain.removeHandler(channel)
  }
}
