/** The parts of an ipcMain event the sender check reads (structural, so it runs without Electron). */
export interface IpcSenderEvent {
  readonly sender: unknown
  readonly senderFrame: { readonly url: string } | null
}

/** The parts of the register window the sender check reads. */
export interface RegisterWindowView {
  isDestroyed(): boolean
  readonly webContents: { readonly mainFrame: unknown }
}

/**
 * First of the two checks on every IPC call (the payload schema is the second): the call must
 * come from the register window's own web contents, from its top frame (never an iframe), and
 * that frame must show our page — a frame navigated elsewhere keeps its preload but loses trust.
 */
export function isTrustedIpcSender(
  event: IpcSenderEvent,
  window: RegisterWindowView | null,
  isTrustedUrl: (url: string) => boolean,
): boolean {
  if (!window || window.isDestroyed()) return false
  const frame = event.senderFrame
  return (
    !!frame &&
    event.sender === window.webContents &&
    frame === window.webContents.mainFrame &&
    isTrustedUrl(frame.url)
  )
}
