import { and, asc, desc, eq, inArray, isNotNull, lte, or } from 'drizzle-orm'
import { v7 as uuidv7 } from 'uuid'
import { PosError } from '../../shared/ipc/errors'
import type { RegisterDb, RegisterExecutor } from './database'
import { emailReceipts, mailSettings, orders } from './schema'

export type EmailReceiptRow = typeof emailReceipts.$inferSelect
export type EmailReceiptListed = EmailReceiptRow & { orderNumber: string }
export type MailSettingsRow = Omit<typeof mailSettings.$inferSelect, 'id' | 'updatedAt'>

const defaultMailSettings: MailSettingsRow = {
  host: '',
  port: 587,
  security: 'starttls',
  user: '',
  fromAddress: '',
}

export function getMailSettings(db: RegisterExecutor): MailSettingsRow {
  const row = db.select().from(mailSettings).where(eq(mailSettings.id, 1)).get()
  if (!row) return defaultMailSettings
  const { id: _id, updatedAt: _updatedAt, ...settings } = row
  return settings
}

export function saveMailSettings(db: RegisterExecutor, settings: MailSettingsRow, now: string) {
  db.insert(mailSettings)
    .values({ id: 1, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: mailSettings.id, set: { ...settings, updatedAt: now } })
    .run()
}

const listedColumns = { ...emailReceiptColumns(), orderNumber: orders.orderNumber }

function emailReceiptColumns() {
  return {
    id: emailReceipts.id,
    orderId: emailReceipts.orderId,
    toAddress: emailReceipts.toAddress,
    status: emailReceipts.status,
    attempts: emailReceipts.attempts,
    lastError: emailReceipts.lastError,
    nextAttemptAt: emailReceipts.nextAttemptAt,
    createdAt: emailReceipts.createdAt,
    sentAt: emailReceipts.sentAt,
  }
}

export function getEmailReceipt(db: RegisterExecutor, id: string): EmailReceiptListed | null {
  return (
    db
      .select(listedColumns)
      .from(emailReceipts)
      .innerJoin(orders, eq(orders.id, emailReceipts.orderId))
      .where(eq(emailReceipts.id, id))
      .get() ?? null
  )
}

/**
 * Queues one receipt e-mail in its own transaction: committed before the caller answers, so it
 * survives a crash, and independent of the sale (committed long before).
 */
export function queueEmailReceipt(
  db: RegisterDb,
  receipt: { orderId: string; to: string },
  now: string,
): EmailReceiptListed {
  return db.transaction((tx) => {
    const order = tx
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.id, receipt.orderId))
      .get()
    if (!order)
      throw new PosError('NOT_FOUND', 'No order with that id on this register.', 'orderId')
    const id = uuidv7()
    tx.insert(emailReceipts)
      .values({ id, orderId: receipt.orderId, toAddress: receipt.to, createdAt: now })
      .run()
    const row = getEmailReceipt(tx, id)
    if (!row) throw new Error('The e-mail receipt was not stored.')
    return row
  })
}

/** The order's latest e-mailed receipt (what Orders shows), or null. */
export function latestEmailReceipt(
  db: RegisterExecutor,
  orderId: string,
): EmailReceiptListed | null {
  return (
    db
      .select(listedColumns)
      .from(emailReceipts)
      .innerJoin(orders, eq(orders.id, emailReceipts.orderId))
      .where(eq(emailReceipts.orderId, orderId))
      .orderBy(desc(emailReceipts.createdAt), desc(emailReceipts.id))
      .get() ?? null
  )
}

const isWaiting = or(
  eq(emailReceipts.status, 'queued'),
  and(eq(emailReceipts.status, 'failed'), isNotNull(emailReceipts.nextAttemptAt)),
)

/**
 * The e-mails to send now, oldest first, and when the next one waiting out its backoff is due
 * (null if none waits).
 */
export function dueEmailReceipts(
  db: RegisterExecutor,
  now: string,
  limit: number,
): { due: EmailReceiptRow[]; nextDueAt: string | null } {
  const due = db
    .select()
    .from(emailReceipts)
    .where(
      or(
        eq(emailReceipts.status, 'queued'),
        and(eq(emailReceipts.status, 'failed'), lte(emailReceipts.nextAttemptAt, now)),
      ),
    )
    .orderBy(asc(emailReceipts.createdAt), asc(emailReceipts.id))
    .limit(limit)
    .all()
  const next = db
    .select({ at: emailReceipts.nextAttemptAt })
    .from(emailReceipts)
    .where(and(isWaiting, eq(emailReceipts.status, 'failed')))
    .orderBy(asc(emailReceipts.nextAttemptAt))
    .get()
  return { due, nextDueAt: next?.at ?? null }
}

/** Takes a waiting e-mail for sending; false if it is no longer waiting (sent, or taken). */
export function claimEmailReceipt(db: RegisterExecutor, id: string): EmailReceiptRow | null {
  const row = db.select().from(emailReceipts).where(eq(emailReceipts.id, id)).get()
  if (!row || (row.status !== 'queued' && row.status !== 'failed')) return null
  return (
    db
      .update(emailReceipts)
      .set({ status: 'sending', attempts: row.attempts + 1 })
      .where(and(eq(emailReceipts.id, id), inArray(emailReceipts.status, ['queued', 'failed'])))
      .returning()
      .get() ?? null
  )
}

export function markEmailSent(db: RegisterExecutor, id: string, now: string): void {
  db.update(emailReceipts)
    .set({ status: 'sent', sentAt: now, nextAttemptAt: null })
    .where(eq(emailReceipts.id, id))
    .run()
}

export function markEmailFailed(
  db: RegisterExecutor,
  id: string,
  failure: { message: string; nextAttemptAt: string },
): void {
  db.update(emailReceipts)
    .set({ status: 'failed', lastError: failure.message, nextAttemptAt: failure.nextAttemptAt })
    .where(eq(emailReceipts.id, id))
    .run()
}

/** At start: e-mails a crash left 'sending' go back to the queue. Returns how many. */
export function requeueInterruptedEmails(db: RegisterExecutor): number {
  return db
    .update(emailReceipts)
    .set({ status: 'queued' })
    .where(eq(emailReceipts.status, 'sending'))
    .run().changes
}
