import type { RegisterConfig } from '../../shared/store/registerConfig'
import type { RegisterDb } from './database'
import {
  claimEmailReceipt,
  dueEmailReceipts,
  getEmailReceipt,
  getMailSettings,
  latestEmailReceipt,
  markEmailFailed,
  markEmailSent,
  queueEmailReceipt,
  requeueInterruptedEmails,
  saveMailSettings,
  type EmailReceiptListed,
  type EmailReceiptRow,
  type MailSettingsRow,
} from './emailReceiptRepository'
import { getStoreSettings, type StoreSettings } from './identityRepository'
import { getOrderDetail } from './orderRepository'
import { getRegisterConfig, saveRegisterConfig } from './registerConfigRepository'

/**
 * What e-mailed receipts read and write, bound to the register's database once where the core is
 * wired (STYLE.md rule 18): the mail service and its worker take this, never the database.
 */
export interface MailStore {
  settings(): MailSettingsRow
  saveSettings(settings: MailSettingsRow, now: string): void
  receipt(id: string): EmailReceiptListed | null
  /** Commits the e-mail in its own transaction. */
  queue(receipt: { orderId: string; to: string }, now: string): EmailReceiptListed
  latestFor(orderId: string): EmailReceiptListed | null
  due(now: string, limit: number): { due: EmailReceiptRow[]; nextDueAt: string | null }
  claim(id: string): EmailReceiptRow | null
  markSent(id: string, now: string): void
  markFailed(id: string, failure: { message: string; nextAttemptAt: string }): void
  requeueInterrupted(): number
  order(orderId: string): ReturnType<typeof getOrderDetail>
  registerConfig(): RegisterConfig
  /** Remembers the register's receipt choice (the next sale preselects it). */
  saveReceiptChoice(choice: RegisterConfig['receiptChoice'], now: string): void
  storeSettings(): StoreSettings
}

export function createMailStore(db: RegisterDb): MailStore {
  return {
    settings: () => getMailSettings(db),
    saveSettings: (settings, now) => saveMailSettings(db, settings, now),
    receipt: (id) => getEmailReceipt(db, id),
    queue: (receipt, now) => queueEmailReceipt(db, receipt, now),
    latestFor: (orderId) => latestEmailReceipt(db, orderId),
    due: (now, limit) => dueEmailReceipts(db, now, limit),
    claim: (id) => claimEmailReceipt(db, id),
    markSent: (id, now) => markEmailSent(db, id, now),
    markFailed: (id, failure) => markEmailFailed(db, id, failure),
    requeueInterrupted: () => requeueInterruptedEmails(db),
    order: (orderId) => getOrderDetail(db, orderId),
    registerConfig: () => getRegisterConfig(db),
    saveReceiptChoice(choice, now) {
      db.transaction((tx) => {
        const config = getRegisterConfig(tx)
        if (config.receiptChoice !== choice)
          saveRegisterConfig(tx, { ...config, receiptChoice: choice }, now)
      })
    },
    storeSettings: () => getStoreSettings(db),
  }
}
