import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/*
 * E-mailed receipts: the register's SMTP settings and its durable send queue. Neither syncs; the
 * SMTP password is kept out of the database (src/main/secrets), like the sync tokens.
 */

/** One row: how this register reaches its SMTP server. */
export const mailSettings = sqliteTable(
  'mail_settings',
  {
    id: integer('id').primaryKey(),
    host: text('host').notNull().default(''),
    port: integer('port').notNull().default(587),
    security: text('security', { enum: ['tls', 'starttls', 'none'] })
      .notNull()
      .default('starttls'),
    user: text('user').notNull().default(''),
    fromAddress: text('from_address').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [check('mail_settings_single_row', sql`${table.id} = 1`)],
)

/**
 * One row per receipt e-mail asked for. The sale never waits for it: the row is committed in its
 * own transaction and the e-mail worker sends it with retries, keeping the last error. A row left
 * 'sending' by a crash is sent again at the next start (its Message-ID stays the same, so a mail
 * client shows a rare duplicate as one message).
 */
export const emailReceipts = sqliteTable(
  'email_receipts',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    toAddress: text('to_address').notNull(),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: text('next_attempt_at'),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
  },
  (table) => [
    index('email_receipts_due_idx').on(table.status, table.nextAttemptAt),
    index('email_receipts_order_idx').on(table.orderId, table.createdAt),
  ],
)
