import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AdminRecordListReply } from '../../../src/shared/backoffice/catalog'
import type { CsvImportReply, EmailReply } from '../../../src/shared/backoffice/purchasing'
import type { Listening } from '../support/backofficeClient'
import { call, listen } from '../support/backofficeClient'
import type { PurchasingFixture } from '../support/purchasingFixture'
import { ok, onStore, purchasingFixture } from '../support/purchasingFixture'

interface Received {
  from: string
  to: string[]
  raw: string
}

/** The attachment of a MIME message whose content type is application/pdf, decoded. */
function pdfAttachment(raw: string): Buffer | null {
  const match = /Content-Type: application\/pdf[^]*?\r\n\r\n([A-Za-z0-9+/=\r\n]+)/i.exec(raw)
  return match ? Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64') : null
}

/**
 * The purchase order as a PDF, e-mailed through a real SMTP sink (smtp-server on 127.0.0.1:0),
 * the answer without mail settings, and the CSV files: a round trip, and bad rows that write
 * nothing.
 */
describe('purchase order PDF and e-mail, purchasing CSV (PGlite, real HTTP, real SMTP)', () => {
  let fx: PurchasingFixture
  let smtp: SMTPServer
  let noMail: Listening
  const inbox: Received[] = []
  let a: string

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          inbox.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          })
          done()
        })
      },
    })
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
    const { port } = smtp.server.address() as AddressInfo
    fx = await purchasingFixture({
      smtp: { url: `smtp://127.0.0.1:${port}`, from: 'Corner Shop <orders@corner.example>' },
    })
    noMail = await listen(fx.database.db)
    a = fx.storeA.storeId
  }, 120_000)
  afterAll(async () => {
    await noMail?.app.close()
    await fx?.close()
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()))
  })

  async function orderedOrder(supplierBody: Record<string, unknown> = {}) {
    const supplier = await fx.supplier(a, { name: 'Bean Roasters Ltd', ...supplierBody })
    const beans = await fx.product(a, `BEAN-${randomUUID().slice(0, 4)}`)
    const { purchaseOrder } = await fx.order(a, {
      supplierId: supplier,
      reference: 'PO-(42)',
      lines: [{ productId: beans, quantity: 12, unitCostCents: 1099 }],
    })
    return purchaseOrder
  }

  it('renders the order as a PDF naming the supplier, the lines and the total', async () => {
    const order = await orderedOrder()
    const reply = await fetch(
      `${fx.server.baseUrl}${onStore(`/api/admin/purchase-orders/${order.id}/pdf`, a)}`,
      { headers: { cookie: fx.owner.cookie } },
    )
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toBe('application/pdf')
    expect(reply.headers.get('content-disposition')).toContain('purchase-order-PO-_42_.pdf')
    const pdf = Buffer.from(await reply.arrayBuffer())
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = pdf.toString('latin1')
    expect(text).toContain('(Bean Roasters Ltd)')
    expect(text).toContain('(Purchase order PO-\\(42\\))')
    expect(text).toContain('(131.88 USD)')
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true)
    // Every object the cross-reference table names starts where it says.
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)![1])
    const offsets = text
      .slice(xrefAt)
      .split('\n')
      .filter((line) => / 00000 n $/.test(line))
      .map((line) => Number(line.slice(0, 10)))
    offsets.forEach((offset, index) =>
      expect(text.slice(offset, offset + 12)).toMatch(new RegExp(`^${index + 1} 0 obj`)),
    )
  })

  it('e-mails the PDF to the supplier through the SMTP server', async () => {
    const order = await orderedOrder({ email: 'sales@beans.example' })
    const before = inbox.length
    const sent = ok<EmailReply>(
      await fx.as(
        fx.managerA,
        'POST',
        onStore(`/api/admin/purchase-orders/${order.id}/email`, a),
        {},
      ),
    )
    expect(sent.to).toBe('sales@beans.example')
    expect(inbox).toHaveLength(before + 1)
    const mail = inbox.at(-1)!
    expect(mail.to).toEqual(['sales@beans.example'])
    expect(mail.from).toBe('orders@corner.example')
    expect(mail.raw).toMatch(/Subject: Purchase order PO-\(42\)/)
    const attachment = pdfAttachment(mail.raw)
    expect(attachment?.subarray(0, 4).toString('latin1')).toBe('%PDF')
  })

  it('answers 409 without mail settings and 422 for a supplier without e-mail, never a 5xx', async () => {
    const order = await orderedOrder()
    const path = onStore(`/api/admin/purchase-orders/${order.id}/email`, a)
    const unconfigured = await call(noMail.baseUrl, 'POST', path, { session: fx.owner, body: {} })
    expect(unconfigured.status).toBe(409)
    expect((unconfigured.body as { code: string }).code).toBe('SMTP_NOT_CONFIGURED')
    const silent = await orderedOrder({ email: null })
    const noAddress = await fx.as(
      fx.owner,
      'POST',
      onStore(`/api/admin/purchase-orders/${silent.id}/email`, a),
      {},
    )
    expect(noAddress.status).toBe(422)
    expect((noAddress.body as { code: string }).code).toBe('SUPPLIER_HAS_NO_EMAIL')
  })

  it('imports suppliers after a preview, all or nothing, and exports what it imported', async () => {
    const store = fx.storeB.storeId
    const good = [
      'name,contact_name,email,phone,lead_time_days,active',
      'Acme Dairy,Jo,dairy@acme.example,+44 1,2,yes',
      '"Bakers, Inc",,,,,no',
    ].join('\r\n')
    const importPath = onStore('/api/admin/suppliers/import', store)
    const preview = ok<CsvImportReply>(
      await fx.as(fx.owner, 'POST', importPath, { csv: good, isApplied: false }),
    )
    expect(preview).toMatchObject({ rows: 2, created: 2, updated: 0, errors: [], isApplied: false })
    const none = ok<AdminRecordListReply>(
      await fx.as(fx.owner, 'GET', onStore('/api/admin/suppliers', store)),
    )
    expect(none.records).toHaveLength(0)

    const bad = `${good}\r\nBad Mail,,not-an-email,,x,maybe\r\nacme dairy,,,,,`
    const refused = ok<CsvImportReply>(
      await fx.as(fx.owner, 'POST', importPath, { csv: bad, isApplied: true }),
    )
    expect(refused.isApplied).toBe(false)
    expect(refused.errors.map(({ row, column }) => `${row}:${column}`)).toEqual([
      '3:active',
      '3:lead_time_days',
      '3:email',
      '4:name',
    ])
    expect(
      ok<AdminRecordListReply>(await fx.as(fx.owner, 'GET', onStore('/api/admin/suppliers', store)))
        .records,
    ).toHaveLength(0)

    const applied = ok<CsvImportReply>(
      await fx.as(fx.owner, 'POST', importPath, { csv: good, isApplied: true }),
    )
    expect(applied.isApplied).toBe(true)
    expect(applied.written).toHaveLength(2)
    const exported = await fx.as(fx.owner, 'GET', onStore('/api/admin/suppliers.csv', store))
    expect(exported.headers.get('content-type')).toContain('text/csv')
    expect(exported.text).toBe(
      [
        'name,contact_name,email,phone,lead_time_days,active',
        // A spreadsheet would run "+44 1" as a formula: the export guards it, the import reads it.
        "Acme Dairy,Jo,dairy@acme.example,'+44 1,2,yes",
        '"Bakers, Inc",,,,,no',
        '',
      ].join('\r\n'),
    )
    // The export imports back as no change at all.
    const again = ok<CsvImportReply>(
      await fx.as(fx.owner, 'POST', importPath, { csv: exported.text, isApplied: true }),
    )
    expect(again).toMatchObject({ created: 0, updated: 2, written: [] })
  })

  it('round-trips supplier costs by supplier name and product SKU; a bad row writes nothing', async () => {
    const store = fx.storeB.storeId
    await fx.supplier(store, { name: 'Costs Co' })
    await fx.product(store, 'COST-1')
    await fx.product(store, 'COST-2')
    const csv =
      'supplier,product_sku,cost,supplier_sku\r\ncosts co,COST-1,3.50,CC-1\r\nCosts Co,COST-2,0.07,\r\n'
    const path = onStore('/api/admin/supplier-costs/import', store)
    const badCsv = `${csv}Costs Co,NOPE,1.00,\r\nNobody,COST-1,1.001,\r\n`
    const bad = ok<CsvImportReply>(
      await fx.as(fx.owner, 'POST', path, { csv: badCsv, isApplied: true }),
    )
    expect(bad.errors.map(({ row, column }) => `${row}:${column}`)).toEqual([
      '3:product_sku',
      '4:supplier',
      '4:cost',
    ])
    expect(bad.isApplied).toBe(false)
    const applied = ok<CsvImportReply>(
      await fx.as(fx.owner, 'POST', path, { csv, isApplied: true }),
    )
    expect(applied).toMatchObject({ rows: 2, created: 2, isApplied: true })
    const exported = await fx.as(fx.owner, 'GET', onStore('/api/admin/supplier-costs.csv', store))
    expect(exported.text).toBe(
      'supplier,product_sku,cost,supplier_sku\r\nCosts Co,COST-1,3.50,CC-1\r\nCosts Co,COST-2,0.07,\r\n',
    )
    const changed = exported.text.replace('3.50', '3.75')
    const update = ok<CsvImportReply>(
      await fx.as(fx.owner, 'POST', path, { csv: changed, isApplied: true }),
    )
    expect(update).toMatchObject({ created: 0, updated: 2 })
    expect(update.written).toHaveLength(1)
  })
})
