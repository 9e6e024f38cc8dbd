import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { v4 as uuidv4 } from 'uuid'
import { afterEach, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import type { InvokeOutput } from '../../../src/shared/ipc/contract'
import { startSmtpSink, type SmtpSink } from '../../support/smtpSink'
import { call, callError, openTestCore, tableCounts } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { startFakePrinter } from '../../support/fakePrinter'
import {
  configure,
  fastPrinting,
  networkPrinter,
  plainProducts,
  waitFor,
} from '../printing/printingHelpers'

const tempDir = useTempDirs('auraflow-mail-')
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function sink(options: Parameters<typeof startSmtpSink>[0] = {}): Promise<SmtpSink> {
  const started = await startSmtpSink(options)
  cleanups.push(() => started.stop())
  return started
}

/** A register sending e-mail in the background with quick retries, closed after the test. */
function openMailing(dataDir = tempDir()): RegisterCore {
  const core = openTestCore(dataDir, {
    mail: {
      backoff: { baseMs: 100, capMs: 400 },
      pollIntervalMs: 200,
      smtpTimeouts: { connectionMs: 1_000, greetingMs: 1_000, socketMs: 2_000 },
    },
  })
  const stop = core.startBackground()
  cleanups.push(async () => {
    await stop()
    core.close()
  })
  return core
}

async function pointAt(core: RegisterCore, target: { port: number }, login?: [string, string]) {
  return call(core, 'mail:saveSettings', {
    host: '127.0.0.1',
    port: target.port,
    security: 'none',
    user: login?.[0] ?? '',
    password: login?.[1] ?? '',
    from: 'receipts@corner.example',
  })
}

type Sale = InvokeOutput<'sale:complete'>

async function sale(core: RegisterCore): Promise<Sale> {
  const [first, second] = await plainProducts(core)
  const lines = [
    { productId: first!.id, quantity: 2, modifierOptionIds: [] },
    { productId: second!.id, quantity: 1, modifierOptionIds: [] },
  ]
  const preview = await call(core, 'sale:complete', {
    clientRequestId: uuidv4(),
    lines,
    payments: [{ method: 'cash', amountCents: 100_000 }],
  })
  return preview
}

const money = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100)

describe('e-mailed receipts through a real SMTP server', () => {
  it("delivers a sale's receipt with its lines and total, and marks it sent", async () => {
    const smtp = await sink()
    const core = openMailing()
    await pointAt(core, smtp)
    const { order } = await sale(core)
    const chosen = await call(core, 'receipt:choose', {
      orderId: order.id,
      choice: 'email',
      to: 'ana@example.com',
    })
    expect(chosen.email).toMatchObject({ status: 'queued', to: 'ana@example.com' })
    const [mail] = await smtp.waitForMessages(1)
    expect(mail!.to).toEqual(['ana@example.com'])
    expect(mail!.from).toBe('receipts@corner.example')
    expect(mail!.body).toMatch(/^Subject: .*Your.receipt.from/m)
    expect(mail!.body).toContain(order.orderNumber)
    expect(mail!.body).toContain(money(order.totalCents))
    const detail = await call(core, 'order:get', { id: order.id })
    for (const item of detail.items) expect(mail!.body).toContain(item.name)
    // Both a text and an HTML part.
    expect(mail!.raw).toMatch(/Content-Type: text\/plain/)
    expect(mail!.raw).toMatch(/Content-Type: text\/html/)
    const status = await waitFor(async () => {
      const latest = await call(core, 'receipt:emailStatus', { orderId: order.id })
      return latest?.status === 'sent' ? latest : null
    }, 'the e-mail marked sent')
    expect(status.sentAt).not.toBeNull()
    // The choice is remembered for the next sale.
    expect((await call(core, 'register:getConfig')).receiptChoice).toBe('email')
  })

  it('queues while the SMTP server is down, never holding the sale, and delivers once when it is back', async () => {
    const first = await startSmtpSink()
    const port = first.port
    await first.stop()
    const core = openMailing()
    await pointAt(core, { port })
    const { order } = await sale(core)
    const chosen = await call(core, 'receipt:choose', {
      orderId: order.id,
      choice: 'email',
      to: 'ben@example.com',
    })
    expect(chosen.email?.status).toBe('queued')
    const failed = await waitFor(async () => {
      const latest = await call(core, 'receipt:emailStatus', { orderId: order.id })
      return latest?.status === 'failed' && latest.attempts >= 2 ? latest : null
    }, 'two failed attempts')
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i)
    // The sale stands on its own.
    expect((await call(core, 'order:get', { id: order.id })).status).toBe('COMPLETED')

    const back = await sink({ port })
    await back.waitForMessages(1)
    await waitFor(async () => {
      const latest = await call(core, 'receipt:emailStatus', { orderId: order.id })
      return latest?.status === 'sent'
    }, 'the e-mail marked sent')
    // Several more worker passes: nothing is sent twice.
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(back.messages).toHaveLength(1)
    expect(back.messages[0]!.body).toContain(order.orderNumber)
  })

  it('keeps the reason when the server refuses the login, and sends once the password is right', async () => {
    const smtp = await sink({ login: { user: 'till', password: 'right' } })
    const core = openMailing()
    await pointAt(core, smtp, ['till', 'wrong'])
    const { order } = await sale(core)
    await call(core, 'receipt:email', { orderId: order.id, to: 'cy@example.com' })
    const failed = await waitFor(async () => {
      const latest = await call(core, 'receipt:emailStatus', { orderId: order.id })
      return latest?.status === 'failed' ? latest : null
    }, 'a refused login')
    expect(failed.lastError).toMatch(/Invalid username or password|535|auth/i)
    expect(failed.lastError).not.toContain('wrong')
    await pointAt(core, smtp, ['till', 'right'])
    await smtp.waitForMessages(1)
    expect(smtp.messages[0]!.to).toEqual(['cy@example.com'])
  })

  it('sends an e-mail a crash left half-sent at the next start, and only once', async () => {
    const smtp = await sink()
    const dataDir = tempDir()
    const first = openTestCore(dataDir)
    await pointAt(first, smtp)
    const { order } = await sale(first)
    // Queued, then the register stops mid-send (no background worker ran in this core).
    const queued = await call(first, 'receipt:email', { orderId: order.id, to: 'dee@example.com' })
    first.database.sqlite
      .prepare(`update email_receipts set status = 'sending', attempts = 1 where id = ?`)
      .run(queued.id)
    first.close()

    const again = openMailing(dataDir)
    await smtp.waitForMessages(1)
    await waitFor(async () => {
      const latest = await call(again, 'receipt:emailStatus', { orderId: order.id })
      return latest?.status === 'sent' && latest.attempts === 2
    }, 'the e-mail sent after the restart')
    // The same Message-ID as the first try, so a mail client shows a rare duplicate as one.
    expect(smtp.messages[0]!.raw).toContain(`Message-ID: <${queued.id}@auraflow.receipt>`)
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(smtp.messages).toHaveLength(1)
  })

  it('refuses a bad address with a typed error and queues nothing', async () => {
    const smtp = await sink()
    const core = openMailing()
    await pointAt(core, smtp)
    const { order } = await sale(core)
    const before = tableCounts(core)
    for (const to of ['not an address', 'ana@', '@example.com', 'ana example.com']) {
      const error = await callError(core, 'receipt:choose', {
        orderId: order.id,
        choice: 'email',
        to,
      })
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', path: 'to' })
      expect(await callError(core, 'receipt:email', { orderId: order.id, to })).toMatchObject({
        code: 'VALIDATION_FAILED',
        path: 'to',
      })
    }
    expect(
      await callError(core, 'receipt:choose', { orderId: order.id, choice: 'email' }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', path: 'to' })
    expect(tableCounts(core)).toEqual(before)
    expect(await call(core, 'receipt:emailStatus', { orderId: order.id })).toBeNull()
  })

  it('keeps the SMTP password out of register.db and out of what the screen reads', async () => {
    const dataDir = tempDir()
    const core = openMailing(dataDir)
    const settings = await call(core, 'mail:saveSettings', {
      host: 'smtp.example.com',
      port: 465,
      security: 'tls',
      user: 'till',
      password: 'p4ss-w0rd-secret',
      from: 'receipts@corner.example',
    })
    expect(settings).toMatchObject({ hasPassword: true, isConfigured: true, security: 'tls' })
    expect(JSON.stringify(await call(core, 'mail:getSettings'))).not.toContain('p4ss-w0rd')
    // Saving without a password keeps the stored one.
    await call(core, 'mail:saveSettings', {
      host: 'smtp.example.com',
      port: 465,
      security: 'tls',
      user: 'till',
      from: 'receipts@corner.example',
    })
    expect((await call(core, 'mail:getSettings')).hasPassword).toBe(true)
    core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    for (const file of readdirSync(dataDir).filter((name) => name.startsWith('register.db')))
      expect(readFileSync(join(dataDir, file)).includes('p4ss-w0rd-secret')).toBe(false)
  })

  it('prints a sale at once only while print is the remembered choice; otherwise when chosen', async () => {
    const printer = await startFakePrinter()
    cleanups.push(() => printer.stop())
    const core = openTestCore(tempDir(), { printing: fastPrinting })
    const stop = core.startBackground()
    cleanups.push(async () => {
      await stop()
      core.close()
    })
    await configure(core, { printers: [networkPrinter(printer)] })
    const receiptJobs = async (orderId: string) =>
      (await call(core, 'print:listJobs', { limit: 50, hideDone: false })).filter(
        (job) => job.orderId === orderId && job.kind === 'receipt',
      )
    const first = (await sale(core)).order
    await waitFor(
      async () => (await receiptJobs(first.id)).length === 1,
      'the auto-printed receipt',
    )
    // Printing it "again" from the confirmation queues nothing new.
    expect(
      await call(core, 'receipt:choose', { orderId: first.id, choice: 'print' }),
    ).toMatchObject({ printJobsQueued: 0, hasReceiptPrinter: true })
    await call(core, 'receipt:choose', { orderId: first.id, choice: 'none' })
    const second = (await sale(core)).order
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await receiptJobs(second.id)).toHaveLength(0)
    expect(
      await call(core, 'receipt:choose', { orderId: second.id, choice: 'print' }),
    ).toMatchObject({ printJobsQueued: 1 })
    await printer.waitForJobs(2)
    expect((await call(core, 'register:getConfig')).receiptChoice).toBe('print')
  })

  it('prints on the print choice only and says when no receipt printer is set up', async () => {
    const core = openMailing()
    const { order } = await sale(core)
    const chosen = await call(core, 'receipt:choose', { orderId: order.id, choice: 'none' })
    expect(chosen).toMatchObject({ choice: 'none', email: null, hasReceiptPrinter: false })
    expect((await call(core, 'register:getConfig')).receiptChoice).toBe('none')
    const printed = await call(core, 'receipt:choose', { orderId: order.id, choice: 'print' })
    expect(printed).toMatchObject({ choice: 'print', printJobsQueued: 0, hasReceiptPrinter: false })
  })
})
