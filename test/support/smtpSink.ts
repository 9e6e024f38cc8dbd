import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** One e-mail as the sink received it; `body` is the raw message with quoted-printable undone. */
export interface ReceivedMail {
  from: string
  to: string[]
  raw: string
  body: string
}

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts. */
export interface SmtpSink {
  readonly host: string
  readonly port: number
  readonly messages: ReceivedMail[]
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>
  stop(): Promise<void>
}

export interface SmtpSinkOptions {
  /** Listen on this port (a sink coming back where it was); default any free port. */
  port?: number
  /** Require this login; any other is refused (535). Default: no login needed. */
  login?: { user: string; password: string }
}

/** Undoes quoted-printable soft breaks and =XX bytes (UTF-8), enough to read a receipt's text. */
export function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let index = 0; index < joined.length; index++) {
    const char = joined[index]!
    const hex = joined.slice(index + 1, index + 3)
    if (char === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16))
      index += 2
    } else for (const byte of Buffer.from(char, 'utf8')) bytes.push(byte)
  }
  return Buffer.from(bytes).toString('utf8')
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = []
  const waiters = new Set<() => void>()
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.login,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const { login } = options
      if (login && auth.username === login.user && auth.password === login.password)
        callback(null, { user: auth.username })
      else callback(new Error('Invalid username or password'))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw,
          body: decodeQuotedPrintable(raw),
        })
        for (const wake of waiters) wake()
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const address = server.server.address() as AddressInfo
  return {
    host: '127.0.0.1',
    port: address.port,
    messages,
    waitForMessages(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve(messages.slice(0, count))
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`the SMTP sink got ${messages.length} of ${count} messages`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
