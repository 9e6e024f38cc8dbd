import { useId, useState } from 'react'
import '../../styles/receipt.css'
import { PosError, type InvokeOutput } from '../../../../shared/ipc'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { OrderDetail } from '../../types'
import { useRegisterConfig } from '../settings/registerConfig'
import { jobStatusText } from '../station/jobText'
import { useFollowedJob } from '../station/usePrintData'
import { EmailReceiptAction } from './EmailReceiptAction'

type ReceiptHtml = InvokeOutput<'receipt:renderHtml'>

type Reprint =
  | { status: 'idle' }
  | { status: 'sending'; kind: 'receipt' | 'kitchen' }
  | { status: 'queued' }
  | { status: 'failed'; message: string }

/**
 * Receipt actions on an order: print it again (marked COPY), preview it, save it as PDF, and in a
 * store with a kitchen printer, print the kitchen ticket again.
 */
export function ReceiptActions({ order }: { order: OrderDetail }) {
  // Keyed by order: another order on the panel starts without the previous preview and messages.
  return <OrderReceiptActions key={order.id} order={order} />
}

function OrderReceiptActions({ order }: { order: OrderDetail }) {
  const { t } = useTranslation('station')
  const { config } = useRegisterConfig()
  const previewId = useId()
  const [reprint, setReprint] = useState<Reprint>({ status: 'idle' })
  const [copyJob, setCopyJob] = useFollowedJob()
  const [preview, setPreview] = useState<ReceiptHtml | null>(null)
  const [isPreviewLoading, setIsPreviewLoading] = useState(false)
  const [pdfState, setPdfState] = useState<'idle' | 'saving'>('idle')
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null)
  const receiptPrinter = config?.printers.find((printer) => printer.role === 'receipt')
  const hasKitchenPrinter = config?.printers.some((printer) => printer.role === 'kitchen') ?? false
  const paperWidthMm = receiptPrinter?.paperWidthMm ?? 80

  async function printAgain(kind: 'receipt' | 'kitchen') {
    setReprint({ status: 'sending', kind })
    try {
      setCopyJob(await pos.invoke('print:reprint', { orderId: order.id, kind }))
      setReprint({ status: 'queued' })
    } catch (failure) {
      setReprint({ status: 'failed', message: errorMessage(failure) })
    }
  }

  async function togglePreview() {
    if (preview) {
      setPreview(null)
      return
    }
    setIsPreviewLoading(true)
    setMessage(null)
    try {
      setPreview(
        await pos.invoke('receipt:renderHtml', { orderId: order.id, isCopy: false, paperWidthMm }),
      )
    } catch (failure) {
      setMessage({
        tone: 'error',
        text: t('receipt.previewFailed', { reason: errorMessage(failure) }),
      })
    } finally {
      setIsPreviewLoading(false)
    }
  }

  async function savePdf() {
    setPdfState('saving')
    setMessage(null)
    try {
      const pdf = await pos.invoke('receipt:renderPdf', {
        orderId: order.id,
        isCopy: false,
        paperWidthMm,
      })
      download(pdf.fileName, pdf.base64)
      setMessage({ tone: 'info', text: t('receipt.pdfSaved', { fileName: pdf.fileName }) })
    } catch (failure) {
      const text =
        failure instanceof PosError && failure.code === 'NOT_SUPPORTED'
          ? t('receipt.pdfNotSupported')
          : t('receipt.pdfFailed', { reason: errorMessage(failure) })
      setMessage({ tone: 'error', text })
    } finally {
      setPdfState('idle')
    }
  }

  const isSending = reprint.status === 'sending'
  return (
    <div className="receipt-actions" data-testid="receipt-actions">
      <div className="receipt-actions-buttons">
        <button
          type="button"
          className="button button-secondary"
          disabled={isSending}
          onClick={() => void printAgain('receipt')}
        >
          {isSending && reprint.kind === 'receipt' && (
            <span className="spinner" aria-hidden="true" />
          )}
          {t('receipt.printAgain')}
        </button>
        {hasKitchenPrinter && order.kind === 'SALE' && (
          <button
            type="button"
            className="button button-secondary"
            disabled={isSending}
            onClick={() => void printAgain('kitchen')}
          >
            {isSending && reprint.kind === 'kitchen' && (
              <span className="spinner" aria-hidden="true" />
            )}
            {t('receipt.ticketAgain')}
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={preview !== null}
          aria-controls={previewId}
          disabled={isPreviewLoading}
          onClick={() => void togglePreview()}
        >
          {isPreviewLoading && <span className="spinner" aria-hidden="true" />}
          {preview ? t('receipt.hidePreview') : t('receipt.preview')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={pdfState === 'saving'}
          onClick={() => void savePdf()}
        >
          {pdfState === 'saving' && <span className="spinner" aria-hidden="true" />}
          {t('receipt.savePdf')}
        </button>
      </div>

      <p className="receipt-actions-status" role="status" data-testid="receipt-print-status">
        {reprint.status === 'sending' && t('receipt.printingCopy')}
        {reprint.status === 'queued' &&
          copyJob &&
          t('receipt.copyStatus', {
            title: copyJob.kind === 'kitchen' ? t('receipt.ticketCopy') : t('receipt.receiptCopy'),
            status: jobStatusText(copyJob, t),
          })}
      </p>
      {reprint.status === 'failed' && (
        <p className="receipt-actions-error" role="alert">
          {t('receipt.printFailed', { reason: reprint.message })}
        </p>
      )}
      {message && (
        <p
          className={message.tone === 'error' ? 'receipt-actions-error' : 'receipt-actions-info'}
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="receipt-message"
        >
          {message.text}
        </p>
      )}

      {order.kind === 'SALE' && <EmailReceiptAction order={order} />}

      <div id={previewId} className="receipt-preview-frame" hidden={preview === null}>
        {preview && (
          <div
            className="receipt-preview"
            data-testid="receipt-preview"
            role="document"
            aria-label={t('receipt.previewLabel', { number: order.orderNumber })}
            // main builds this markup from the order and escapes every value; it carries classes
            // only (no style or script), and sets the receipt's own language and direction.
            dangerouslySetInnerHTML={{ __html: preview.bodyHtml }}
          />
        )}
      </div>
    </div>
  )
}

/** Hands the PDF to the browser's download (the web host and Electron both save it). */
function download(fileName: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
