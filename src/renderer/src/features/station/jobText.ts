import type { TFunction } from 'i18next'
import type { PrintJob } from './usePrintData'

/** What a job prints, in words: "Receipt for order 1042", "Kitchen ticket for order 1042". */
export function jobTitle(job: PrintJob, t: TFunction<'station'>): string {
  const number = job.orderNumber ?? '—'
  switch (job.kind) {
    case 'receipt':
      return t('job.receiptFor', { number })
    case 'kitchen':
      return t('job.kitchenFor', { number })
    case 'test':
      return t('job.testPage')
    default: {
      const unknownKind: never = job.kind
      return unknownKind
    }
  }
}

/** The job's status as a cashier reads it (the error, in main's words, is shown next to it). */
export function jobStatusText(job: PrintJob, t: TFunction<'station'>): string {
  switch (job.status) {
    case 'pending':
      return t('status.pending')
    case 'printing':
      return t('status.printing')
    case 'printed':
      return t('status.printed')
    case 'failed':
      return t('status.failed')
    case 'uncertain':
      return t('status.uncertain')
    case 'cancelled':
      return t('status.cancelled')
    default: {
      const unknownStatus: never = job.status
      return unknownStatus
    }
  }
}
