import { z } from 'zod'

const Id = z.uuid()

/** What the customer leaves with: a printed receipt, an e-mailed one, or none. */
export const ReceiptChoice = z.enum(['print', 'email', 'none'])
export type ReceiptChoice = z.infer<typeof ReceiptChoice>

/** An e-mail address a receipt can go to; the renderer checks with the same schema main does. */
export const EmailAddress = z
  .email({ error: 'Enter an e-mail address like name@example.com.' })
  .max(254)

/** How the register talks to its SMTP server (a 465 server uses TLS from the start). */
export const SmtpSecurity = z.enum(['tls', 'starttls', 'none'])

/** The register's SMTP settings as the screen sees them: the password never leaves main. */
export const MailSettingsView = z.object({
  host: z.string(),
  port: z.number().int(),
  security: SmtpSecurity,
  user: z.string(),
  from: z.string(),
  hasPassword: z.boolean(),
  /** Host and from address are set: e-mail receipts can be queued. */
  isConfigured: z.boolean(),
})

export const MailSettingsInput = z
  .object({
    host: z.string().trim().max(255),
    port: z.number().int().min(1).max(65_535),
    security: SmtpSecurity,
    user: z.string().trim().max(255),
    /** Omitted: keep the stored password; '' removes it. */
    password: z.string().max(500).optional(),
    /** Blank turns e-mail receipts off; otherwise the sender customers see. */
    from: z
      .string()
      .trim()
      .max(254)
      .refine((value) => value === '' || EmailAddress.safeParse(value).success, {
        error: 'The from address must be an e-mail address like receipts@example.com.',
      }),
    approvalId: Id.optional(),
  })
  .strict()

export const EmailReceiptStatus = z.enum(['queued', 'sending', 'sent', 'failed'])

/** One e-mailed receipt in the register's queue. */
export const EmailReceiptView = z.object({
  id: Id,
  orderId: Id,
  orderNumber: z.string(),
  to: z.string(),
  /** failed: tried and will try again at nextAttemptAt (the queue never gives up on its own). */
  status: EmailReceiptStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
})

export const ReceiptChooseInput = z
  .object({
    orderId: Id,
    choice: ReceiptChoice,
    /** Needed with 'email'. */
    to: EmailAddress.optional(),
  })
  .strict()

export const ReceiptChooseResult = z.object({
  choice: ReceiptChoice,
  email: EmailReceiptView.nullable(),
  /** Receipt jobs queued now (none when it was queued at the sale, or no receipt printer is set). */
  printJobsQueued: z.number().int(),
  /** A receipt printer is set up on this register. */
  hasReceiptPrinter: z.boolean(),
})

export const ReceiptEmailInput = z.object({ orderId: Id, to: EmailAddress }).strict()
export const OrderIdInput = z.object({ orderId: Id }).strict()
