import nodemailer from 'nodemailer'
import type { ServerConfig } from '../config'
import { HttpError } from '../http/errors'

export interface MailAttachment {
  filename: string
  content: Buffer
  contentType: string
}

export interface OutgoingMail {
  to: string
  subject: string
  text: string
  attachments: MailAttachment[]
}

/**
 * Sends one message through the server's SMTP settings (AURAFLOW_SMTP_URL, AURAFLOW_SMTP_FROM).
 * No settings: 409 SMTP_NOT_CONFIGURED; the mail server refusing or unreachable: 502 MAIL_NOT_SENT
 * with its reason, so an owner knows to fix the settings rather than retry.
 */
export async function sendMail(
  config: ServerConfig,
  mail: OutgoingMail,
): Promise<{ messageId: string | null }> {
  if (!config.smtp)
    throw new HttpError(
      409,
      'SMTP_NOT_CONFIGURED',
      'this server has no mail settings (AURAFLOW_SMTP_URL and AURAFLOW_SMTP_FROM); ask whoever runs it to set them',
    )
  const transport = nodemailer.createTransport(config.smtp.url)
  try {
    const info = await transport.sendMail({ from: config.smtp.from, ...mail })
    return { messageId: typeof info.messageId === 'string' ? info.messageId : null }
  } catch (error) {
    throw new HttpError(
      502,
      'MAIL_NOT_SENT',
      `the mail server did not take the message: ${error instanceof Error ? error.message : String(error)}`,
    )
  } finally {
    transport.close()
  }
}
