import nodemailer from 'nodemailer'
import type { MailSettingsRow } from '../store/emailReceiptRepository'
import type { ReceiptMail } from './receiptMail'

/** One e-mail to send; `messageId` stays the same across retries of one queued receipt. */
export interface OutgoingMail extends ReceiptMail {
  to: string
  messageId: string
}

/** Sends one e-mail or throws with the server's reason. */
export type SendMail = (mail: OutgoingMail) => Promise<void>

export interface SmtpTimeouts {
  connectionMs: number
  greetingMs: number
  socketMs: number
}

export const defaultSmtpTimeouts: SmtpTimeouts = {
  connectionMs: 10_000,
  greetingMs: 10_000,
  socketMs: 20_000,
}

/**
 * Sends through the register's SMTP server with nodemailer: one connection per e-mail (a
 * register sends a few an hour), TLS as set, the password read from the vault at send time.
 */
export function smtpSender(
  settings: MailSettingsRow,
  password: string | null,
  timeouts: SmtpTimeouts = defaultSmtpTimeouts,
): SendMail {
  return async (mail) => {
    const transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.security === 'tls',
      requireTLS: settings.security === 'starttls',
      ignoreTLS: settings.security === 'none',
      auth: settings.user ? { user: settings.user, pass: password ?? '' } : undefined,
      connectionTimeout: timeouts.connectionMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
      // Nothing of the receipt or the password goes to a log.
      logger: false,
      debug: false,
    })
    try {
      await transport.sendMail({
        from: settings.fromAddress,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      })
    } finally {
      transport.close()
    }
  }
}
