import { BrowserWindow } from 'electron'
import type { SystemPrint } from '../printing/printService'

const micronsPerMm = 1_000
const cssPxPerInch = 96
const micronsPerInch = 25_400

/**
 * A hidden, sandboxed window holding one receipt document (our own HTML, no scripts of its own,
 * no preload). Closed after use whatever happens.
 */
async function withReceiptWindow<T>(
  html: string,
  use: (window: BrowserWindow) => Promise<T>,
): Promise<T> {
  const window = new BrowserWindow({
    show: false,
    width: 400,
    height: 800,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      // Only to measure the document's height for the roll length; the receipt has no scripts.
      javascript: true,
      webSecurity: true,
      spellcheck: false,
      // Nothing in a receipt may open a window, middle-click included.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  try {
    await window.loadURL(
      `data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`,
    )
    return await use(window)
  } finally {
    window.destroy()
  }
}

/** The page: the paper's width, and as long as the receipt (a thermal roll has no pages). */
async function rollSize(window: BrowserWindow, paperWidthMm: number) {
  const heightPx = Number(
    await window.webContents.executeJavaScript('document.documentElement.scrollHeight'),
  )
  const heightMicrons = Math.ceil(((heightPx || 600) / cssPxPerInch) * micronsPerInch)
  return { width: paperWidthMm * micronsPerMm, height: Math.max(heightMicrons, 100_000) }
}

/** Receipt HTML to PDF (Electron's printToPDF), for the Orders screen's "Save PDF". */
export function renderPdf(html: string, paperWidthMm: number): Promise<Uint8Array> {
  return withReceiptWindow(html, async (window) => {
    const size = await rollSize(window, paperWidthMm)
    const pdf = await window.webContents.printToPDF({
      printBackground: true,
      pageSize: { width: size.width / micronsPerInch, height: size.height / micronsPerInch },
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    })
    return new Uint8Array(pdf)
  })
}

/** Receipt HTML to an OS printer, without a dialog ('' = the system's default printer). */
export const printHtml: SystemPrint = (html, printer) =>
  withReceiptWindow(html, async (window) => {
    const size = await rollSize(window, printer.paperWidthMm)
    await new Promise<void>((resolve, reject) => {
      window.webContents.print(
        {
          silent: true,
          printBackground: true,
          deviceName: printer.deviceName,
          margins: { marginType: 'none' },
          pageSize: size,
        },
        (isSuccess, failureReason) => {
          if (isSuccess) resolve()
          else
            reject(
              new Error(
                `The system printer ${printer.deviceName || '(default)'} did not print: ${failureReason}`,
              ),
            )
        },
      )
    })
  })
