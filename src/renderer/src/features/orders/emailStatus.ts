import type { TFunction } from 'i18next'
import type { InvokeOutput } from '../../../../shared/ipc'

export type EmailReceipt = InvokeOutput<'receipt:email'>

/**
 * An e-mailed receipt's state in words: queued, sent, or failed with the server's reason (it is
 * tried again on its own). `t` is the receipts namespace's.
 */
export function emailStatusText(email: EmailReceipt, t: TFunction<'receipts'>): string {
  switch (email.status) {
    case 'queued':
    case 'sending':
      return t('email.queued', { to: email.to })
    case 'sent':
      return t('email.sent', { to: email.to })
    case 'failed':
      return t('email.retrying', { to: email.to, reason: email.lastError ?? '' })
  }
}
