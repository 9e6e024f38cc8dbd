import { z } from 'zod'
import { RegisterConfig } from '../store/registerConfig'

const Id = z.uuid()

export const PrintJobKind = z.enum(['receipt', 'kitchen', 'test'])
export const PrintJobStatus = z.enum([
  'pending',
  'printing',
  'printed',
  'failed',
  'uncertain',
  'cancelled',
])

export const PrintJob = z.object({
  id: Id,
  kind: PrintJobKind,
  orderId: Id.nullable(),
  orderNumber: z.string().nullable(),
  printerId: Id,
  printerName: z.string().nullable(),
  isCopy: z.boolean(),
  status: PrintJobStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  printedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
})

export const PrintJobQuery = z
  .object({
    limit: z.number().int().min(1).max(500).default(100),
    /** Only jobs with one of these statuses. */
    statuses: z.array(PrintJobStatus).max(6).optional(),
    /** Kitchen screen: hide tickets marked done. */
    hideDone: z.boolean().default(false),
  })
  .strict()
  .default({ limit: 100, hideDone: false })

export const PrinterState = z.enum(['ready', 'unreachable', 'error', 'unknown'])

export const PrinterStatus = z.object({
  printerId: Id,
  name: z.string(),
  role: z.enum(['receipt', 'kitchen']),
  state: PrinterState,
  lastError: z.string().nullable(),
  checkedAt: z.string().nullable(),
  /** Jobs waiting for this printer (pending or failed and due again). */
  waitingJobs: z.number().int(),
})

export const ReprintInput = z
  .object({ orderId: Id, kind: z.enum(['receipt', 'kitchen']), printerId: Id.optional() })
  .strict()
export const JobIdInput = z.object({ jobId: Id }).strict()
export const PrinterIdInput = z.object({ printerId: Id }).strict()

export const ReceiptPreviewInput = z
  .object({
    orderId: Id,
    isCopy: z.boolean().default(false),
    paperWidthMm: z.union([z.literal(58), z.literal(80)]).default(80),
  })
  .strict()

/** Self-contained HTML (inline CSS, no scripts): on-screen preview and e-mail body. */
export const ReceiptHtml = z.object({
  html: z.string(),
  /** The receipt's markup alone (classes only, no style or script), for the in-app preview. */
  bodyHtml: z.string(),
  paperWidthMm: z.number().int(),
  language: z.enum(['en', 'ar']),
})

export const ReceiptPdf = z.object({ fileName: z.string(), base64: z.string() })

export const SaveRegisterConfigInput = z
  .object({ config: RegisterConfig, approvalId: Id.optional() })
  .strict()
