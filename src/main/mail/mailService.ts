import type { z } from 'zod'
import { PosError } from '../../shared/ipc/errors'
import type {
  EmailReceiptView,
  ReceiptChoice,
  MailSettingsInput,
  MailSettingsView,
} from '../../shared/ipc/mailSchemas'
import type { RenderInput } from '../../shared/receipt/types'
import type { RegisterEvents } from '../events'
import type { MailPasswordVault } from '../secrets/mailPassword'
import type { EmailReceiptListed, EmailReceiptRow } from '../store/emailReceiptRepository'
import type { MailStore } from '../store/mailStore'
import type { BackoffPolicy } from '../sync/backoff'
import { createEmailWorker } from './emailWorker'
import { receiptMail } from './receiptMail'
import { smtpSender, type SendMail, type SmtpTimeouts } from './smtpSender'

type EmailReceipt = z.infer<typeof EmailReceiptView>
type MailSettings = z.infer<typeof MailSettingsView>

export interface MailServiceOptions {
  store: MailStore
  events: RegisterEvents
  passwords: MailPasswordVault
  now: () => Date
  /** This register as it is now (its code is printed on the receipt). */
  registerCode: () => string
  backoff?: BackoffPolicy | undefined
  random?: (() => number) | undefined
  pollIntervalMs?: number | undefined
  smtpTimeouts?: SmtpTimeouts | undefined
  log: (message: string, error?: unknown) => void
}

export interface MailService {
  /** Sends the queue in the background; returns the function that stops it. */
  start(): () => Promise<void>
  settings(): MailSettings
  saveSettings(input: Omit<z.infer<typeof MailSettingsInput>, 'approvalId'>): MailSettings
  /** Queues an order's receipt for `to` (committed at once); the worker sends it. */
  queue(orderId: string, to: string): EmailReceipt
  latestFor(orderId: string): EmailReceipt | null
  /** Remembers the register's receipt choice; the next sale's confirmation preselects it. */
  rememberChoice(choice: ReceiptChoice): void
}

export function emailReceiptView(row: EmailReceiptListed): EmailReceipt {
  return {
    id: row.id,
    orderId: row.orderId,
    orderNumber: row.orderNumber,
    to: row.toAddress,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  }
}

export function createMailService(options: MailServiceOptions): MailService {
  const { store, events, passwords } = options

  function settings(): MailSettings {
    const stored = store.settings()
    return {
      host: stored.host,
      port: stored.port,
      security: stored.security,
      user: stored.user,
      from: stored.fromAddress,
      hasPassword: passwords.read() !== null,
      isConfigured: stored.host !== '' && stored.fromAddress !== '',
    }
  }

  function renderInput(orderId: string): RenderInput {
    const order = store.order(orderId)
    if (!order) throw new Error('The order of this e-mail is not on this register.')
    const config = store.registerConfig()
    const storeSettings = store.storeSettings()
    return {
      kind: 'receipt',
      order,
      isCopy: false,
      paperWidthMm: 80,
      language: config.language,
      store: {
        name: storeSettings.storeName,
        code: storeSettings.storeCode,
        currency: storeSettings.currency,
        locale: storeSettings.locale,
      },
      registerCode: options.registerCode(),
      footer: config.receiptFooter,
      now: options.now().toISOString(),
    }
  }

  async function deliver(row: EmailReceiptRow): Promise<void> {
    const current = store.settings()
    if (!current.host || !current.fromAddress)
      throw new Error('E-mail is not set up on this register (Settings, E-mail receipts).')
    const send: SendMail = smtpSender(current, passwords.read(), options.smtpTimeouts)
    await send({
      ...receiptMail(renderInput(row.orderId)),
      to: row.toAddress,
      messageId: `<${row.id}@auraflow.receipt>`,
    })
  }

  function changed(id: string) {
    const row = store.receipt(id)
    if (row) events.emit('receipt:emailChanged', emailReceiptView(row))
  }

  const worker = createEmailWorker({
    store: {
      due: store.due,
      claim: store.claim,
      markSent: store.markSent,
      markFailed: store.markFailed,
      requeueInterrupted: store.requeueInterrupted,
    },
    now: options.now,
    deliver,
    onChange: changed,
    backoff: options.backoff,
    random: options.random,
    pollIntervalMs: options.pollIntervalMs,
    log: options.log,
  })

  return {
    start: () => worker.start(),
    settings,
    saveSettings(input) {
      store.saveSettings(
        {
          host: input.host,
          port: input.port,
          security: input.security,
          user: input.user,
          fromAddress: input.from,
        },
        options.now().toISOString(),
      )
      if (input.password !== undefined)
        passwords.write(input.password === '' ? null : input.password)
      // Waiting e-mails may go through now.
      worker.wake()
      return settings()
    },
    queue(orderId, to) {
      if (!settings().isConfigured)
        throw new PosError(
          'NOT_SUPPORTED',
          'E-mail receipts are not set up on this register: a manager sets the SMTP server in Settings.',
        )
      const row = store.queue({ orderId, to }, options.now().toISOString())
      const view = emailReceiptView(row)
      events.emit('receipt:emailChanged', view)
      worker.wake()
      return view
    },
    rememberChoice(choice) {
      const before = store.registerConfig()
      if (before.receiptChoice === choice) return
      store.saveReceiptChoice(choice, options.now().toISOString())
      events.emit('register:configChanged', store.registerConfig())
    },
    latestFor(orderId) {
      const row = store.latestFor(orderId)
      return row ? emailReceiptView(row) : null
    },
  }
}
