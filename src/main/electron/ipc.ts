import { ipcMain, type BrowserWindow } from 'electron'
import { customerDisplayChannels, customerDisplayEvents } from '../../shared/ipc/access'
import { invokeChannels, type EventChannel, type InvokeChannel } from '../../shared/ipc/contract'
import { PosError } from '../../shared/ipc/errors'
import type { RegisterCore } from '../core'
import { isTrustedIpcSender } from './senderCheck'
import { isOwnRendererUrl } from './window'

const displayChannels: ReadonlySet<InvokeChannel> = new Set(customerDisplayChannels)
const displayEvents: ReadonlySet<EventChannel> = new Set(customerDisplayEvents)

/**
 * Registers one ipcMain handler per contract channel. Each call is checked twice: the sending
 * frame must be our window's top frame on our own page, then the registry parses the payload.
 * The customer display window (if any) is trusted for the display feed only.
 */
export function registerIpc(
  core: RegisterCore,
  getWindow: () => BrowserWindow | null,
  getDisplayWindow: () => BrowserWindow | null = () => null,
): () => void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      const isFromRegister = isTrustedIpcSender(event, getWindow(), isOwnRendererUrl)
      const isFromDisplay =
        displayChannels.has(channel) &&
        isTrustedIpcSender(event, getDisplayWindow(), isOwnRendererUrl)
      if (!isFromRegister && !isFromDisplay)
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
    const display = displayEvents.has(event) ? getDisplayWindow() : null
    if (display && !display.isDestroyed()) display.webContents.send(event, payload)
  })
  return () => {
    stopEvents()
    for (const channel of invokeChannels) ipcMain.removeHandler(channel)
  }
}
