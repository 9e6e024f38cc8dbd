import { describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { call, callError, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()

const header = 'sku,name,price,category,tax_rate,barcodes,active,track_stock,pricing_unit'

function counts(core: RegisterCore) {
  const count = (sql: string) => (core.database.sqlite.prepare(sql).get() as { n: number }).n
  return {
    products: count('select count(*) as n from products'),
    outbox: count("select count(*) as n from outbox where entity = 'product'"),
  }
}

async function bySku(core: RegisterCore, sku: string) {
  const all = await call(core, 'catalog:listAll')
  return all.find((product) => product.sku === sku)
}

describe('catalog:importCsv', () => {
  it('imports the good rows and reports the bad ones by line and reason', async () => {
    const core = openTestCore(tempDir())
    const before = counts(core)
    const csv = [
      header,
      'IMP-001,Rye bread,4.50,Bakery,,4006381333931,true,false,each',
      'IMP-002,Seeded rolls,3.5.0,Bakery,,,,,',
      'IMP-003,Walnut loaf,6,Breads,,,,,',
      'IMP-004,Loose apples,2.99,Grocery,Grocery 2.25%,2100077,,,kg',
      'BAK-CRO,Butter Croissant,3.40,Bakery,Sales tax 8.25%,,,,',
    ].join('\n')
    const report = await call(core, 'catalog:importCsv', { csv })
    expect(report).toEqual({
      created: 2,
      updated: 1,
      unchanged: 0,
      rejected: [
        { line: 3, reason: expect.stringContaining('3.5.0') },
        { line: 4, reason: expect.stringContaining('Unknown category "Breads"') },
      ],
    })
    expect(await bySku(core, 'IMP-001')).toMatchObject({
      name: 'Rye bread',
      priceCents: 450,
      taxRateBasisPoints: 825,
      barcodes: ['4006381333931'],
    })
    expect(await bySku(core, 'IMP-004')).toMatchObject({
      priceCents: 299,
      pricingUnit: 'kg',
      taxRateBasisPoints: 225,
    })
    expect(await bySku(core, 'BAK-CRO')).toMatchObject({ priceCents: 340 })
    expect(counts(core)).toEqual({
      products: before.products + 2,
      outbox: before.outbox + 3,
    })
    const audit = core.database.sqlite
      .prepare("select details from audit_events where action = 'catalog.imported'")
      .all() as { details: string }[]
    expect(audit.map((event) => JSON.parse(event.details))).toEqual([
      { created: 2, updated: 1, unchanged: 0, rejected: 2 },
    ])
    core.close()
  })

  it('rejects bad prices, duplicate SKUs and barcodes inside the file', async () => {
    const core = openTestCore(tempDir())
    const csv = [
      'sku,name,price,barcodes',
      'A-1,Apple,-1,',
      'A-2,Pear,1.005,',
      'A-3,Plum,1.20,5012345678900',
      'A-3,Plum again,1.20,',
      'A-4,Fig,2.00,5012345678900',
      'A-5,Kiwi,abc,',
      'A-6,Lime,,',
      'A-7,Lemon,0.5,2000000101019',
    ].join('\r\n')
    const report = await call(core, 'catalog:importCsv', { csv })
    expect(report.created).toBe(1)
    expect(report.rejected.map((row) => row.line)).toEqual([2, 3, 5, 6, 7, 8, 9])
    expect(report.rejected[2]!.reason).toContain('line 4')
    expect(report.rejected[3]!.reason).toContain('line 4')
    core.close()
  })

  it('counts lines of quoted multi-line names, blank lines and CRLF the way an editor does', async () => {
    const core = openTestCore(tempDir())
    const csv =
      'sku,name,price,category\n' +
      'ML-1,"Gift box\nwith ribbon\r\nand card",12.00,\n' +
      '\n' +
      'ML-2,"Say ""cheese""",1.00,Nowhere\r\n' +
      'ML-3,Fine,1.00,\n' +
      'ML-4,"Two\nlines",x,\n'
    const report = await call(core, 'catalog:importCsv', { csv })
    expect(report.rejected).toEqual([
      { line: 6, reason: expect.stringContaining('Nowhere') },
      { line: 8, reason: expect.stringContaining('"x"') },
    ])
    expect((await bySku(core, 'ML-1'))?.name).toBe('Gift box\nwith ribbon\r\nand card')
    expect(report.created).toBe(2)
    core.close()
  })

  it('refuses a file whose header lacks sku, name or price, writing nothing', async () => {
    const core = openTestCore(tempDir())
    const before = counts(core)
    const error = await callError(core, 'catalog:importCsv', {
      csv: 'sku,title,price\nX-1,Thing,1.00\n',
    })
    expect(error.code).toBe('CSV_INVALID')
    expect(error.message).toContain('title')
    expect(
      (await callError(core, 'catalog:importCsv', { csv: 'sku,price\nX-1,1.00\n' })).code,
    ).toBe('CSV_INVALID')
    expect(counts(core)).toEqual(before)
    core.close()
  })

  it('needs a manager approval for a cashier', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier' })
    const csv = 'sku,name,price\nX-1,Thing,1.00\n'
    expect(await callError(core, 'catalog:importCsv', { csv })).toMatchObject({
      code: 'APPROVAL_REQUIRED',
    })
    const { approvalId } = core.authority.approve('1234', 'catalogEdit')
    expect((await call(core, 'catalog:importCsv', { csv, approvalId })).created).toBe(1)
    core.close()
  })

  it('reports progress and a catalog change', async () => {
    const core = openTestCore(tempDir())
    const progress: { done: number; total: number }[] = []
    const changed: unknown[] = []
    core.events.onAny((event, payload) => {
      if (event === 'catalog:importProgress') progress.push(payload as never)
      if (event === 'catalog:changed') changed.push(payload)
    })
    const rows = Array.from({ length: 2500 }, (_, index) => `P-${index},Item ${index},1.00`)
    await call(core, 'catalog:importCsv', { csv: ['sku,name,price', ...rows].join('\n') })
    expect(progress.length).toBeGreaterThan(1)
    expect(progress.at(-1)).toEqual({ done: 5000, total: 5000 })
    expect(
      progress.every((step, index) => index === 0 || step.done >= progress[index - 1]!.done),
    ).toBe(true)
    expect(changed).toEqual([{ count: 2500 }])
    core.close()
  })
})

describe('catalog:exportCsv', () => {
  it('round-trips through import with every row unchanged', async () => {
    const core = openTestCore(tempDir())
    await call(core, 'catalog:importCsv', {
      csv: `${header}\nRT-1,"Quoted, ""odd"" name",0.05,,,A-1|B-2,false,true,kg\n`,
    })
    const exported = await call(core, 'catalog:exportCsv')
    const all = await call(core, 'catalog:listAll')
    expect(exported.rows).toBe(all.length)
    expect(exported.csv.split('\n')[0]).toBe(header)
    const outboxBefore = counts(core).outbox
    const report = await call(core, 'catalog:importCsv', { csv: exported.csv })
    expect(report).toEqual({ created: 0, updated: 0, unchanged: all.length, rejected: [] })
    expect(counts(core).outbox).toBe(outboxBefore)
    core.close()
  })
})
