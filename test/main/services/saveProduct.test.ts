import { describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { call, callError, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { editable } from './catalogFixtures'

const tempDir = useTempDirs()

async function newProductInput(core: RegisterCore) {
  const rates = await call(core, 'catalog:listTaxRates')
  const { categories } = await call(core, 'catalog:list')
  return {
    sku: 'PAT-ECL',
    name: 'Chocolate éclair',
    priceCents: 425,
    categoryId: categories[0]!.id,
    taxRateId: rates.find((rate) => rate.isDefault)!.id,
    barcodes: ['4006381333931', '5012345678900'],
  }
}

function outboxFor(core: RegisterCore, entityId: string) {
  return core.database.sqlite
    .prepare('select entity, state from outbox where entity_id = ? order by id')
    .all(entityId)
}

function auditFor(core: RegisterCore, subjectId: string) {
  return core.database.sqlite
    .prepare(
      'select action, employee_id as employeeId, approved_by as approvedBy from audit_events where subject_id = ? order by created_at',
    )
    .all(subjectId) as { action: string; employeeId: string; approvedBy: string | null }[]
}

function syncStatus(core: RegisterCore, id: string): string {
  return (
    core.database.sqlite.prepare('select sync_status as s from products where id = ?').get(id) as {
      s: string
    }
  ).s
}

describe('catalog:saveProduct', () => {
  it('creates a product: PENDING row, one outbox entry, an audit event, a changed event', async () => {
    const core = openTestCore(tempDir())
    const changes: unknown[] = []
    core.events.onAny((event, payload) => {
      if (event === 'catalog:changed') changes.push(payload)
    })
    const saved = await call(core, 'catalog:saveProduct', await newProductInput(core))
    expect(saved).toMatchObject({
      sku: 'PAT-ECL',
      barcode: '4006381333931',
      barcodes: ['4006381333931', '5012345678900'],
      taxRateBasisPoints: 825,
      isActive: true,
      variants: [],
      pricingUnit: 'each',
    })
    expect(syncStatus(core, saved.id)).toBe('PENDING')
    expect(outboxFor(core, saved.id)).toEqual([{ entity: 'product', state: 'pending' }])
    expect(auditFor(core, saved.id)).toEqual([
      expect.objectContaining({ action: 'catalog.productSaved', approvedBy: null }),
    ])
    expect(changes).toEqual([{ count: 1 }])
    const [bySecondBarcode] = await call(core, 'catalog:search', { query: '5012345678900' })
    expect(bySecondBarcode?.id).toBe(saved.id)
    core.close()
  })

  it('edits a product in place and queues the edit for sync', async () => {
    const core = openTestCore(tempDir())
    const [croissant] = await call(core, 'catalog:search', { query: 'BAK-CRO' })
    expect(syncStatus(core, croissant!.id)).toBe('SYNCED')
    const edited = await call(core, 'catalog:saveProduct', {
      ...editable(croissant!),
      priceCents: 350,
      trackStock: true,
    })
    expect(edited).toMatchObject({ id: croissant!.id, priceCents: 350, trackStock: true })
    expect(syncStatus(core, croissant!.id)).toBe('PENDING')
    expect(outboxFor(core, croissant!.id)).toHaveLength(1)
    expect(auditFor(core, croissant!.id).map((event) => event.action)).toEqual([
      'catalog.productSaved',
    ])
    core.close()
  })

  it('keeps variants and modifier groups as saved', async () => {
    const core = openTestCore(tempDir())
    const [cappuccino] = await call(core, 'catalog:search', { query: 'COF-CAP' })
    expect(cappuccino!.variants.map((variant) => [variant.name, variant.priceCents])).toEqual([
      ['Small', 450],
      ['Large', 550],
    ])
    expect(
      cappuccino!.modifierGroups.map((group) => [group.name, group.minSelect, group.maxSelect]),
    ).toEqual([
      ['Milk', 1, 1],
      ['Extras', 0, 3],
    ])
    const [milk] = cappuccino!.modifierGroups
    const edited = await call(core, 'catalog:saveProduct', {
      ...editable(cappuccino!),
      modifierGroups: [milk!],
    })
    expect(edited.modifierGroups).toEqual([milk])
    expect(edited.variants).toEqual(cappuccino!.variants)
    core.close()
  })

  it('refuses a cashier without a manager approval, then saves with one', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier' })
    const input = await newProductInput(core)
    const refused = await callError(core, 'catalog:saveProduct', input)
    expect(refused).toMatchObject({ code: 'APPROVAL_REQUIRED', path: 'catalogEdit' })
    expect(await call(core, 'catalog:search', { query: 'PAT-ECL' })).toEqual([])

    const { approvalId, approver } = core.authority.approve('1234', 'catalogEdit')
    const saved = await call(core, 'catalog:saveProduct', { ...input, approvalId })
    expect(auditFor(core, saved.id)).toEqual([
      expect.objectContaining({
        action: 'catalog.productSaved',
        approvedBy: approver.employeeId,
      }),
    ])
    // An approval is good for one save only.
    const again = await callError(core, 'catalog:saveProduct', {
      ...input,
      id: saved.id,
      approvalId,
    })
    expect(again.code).toBe('APPROVAL_REQUIRED')
    core.close()
  })

  it('refuses a SKU or barcode another product already has, writing nothing', async () => {
    const core = openTestCore(tempDir())
    const input = await newProductInput(core)
    const outboxBefore = core.database.sqlite.prepare('select count(*) as n from outbox').get()
    expect(
      await callError(core, 'catalog:saveProduct', { ...input, sku: 'BAK-CRO' }),
    ).toMatchObject({ code: 'CONFLICT', path: 'sku' })
    expect(
      await callError(core, 'catalog:saveProduct', {
        ...input,
        barcodes: ['4006381333931', '2000000101019'],
      }),
    ).toMatchObject({ code: 'CONFLICT', path: 'barcodes.1' })
    expect(core.database.sqlite.prepare('select count(*) as n from outbox').get()).toEqual(
      outboxBefore,
    )
    core.close()
  })

  it('checks that the tax rate, category and choice ids make sense', async () => {
    const core = openTestCore(tempDir())
    const input = await newProductInput(core)
    const missing = '01890000-0000-7000-8000-000000000000'
    expect(
      await callError(core, 'catalog:saveProduct', { ...input, taxRateId: missing }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', path: 'taxRateId' })
    expect(
      await callError(core, 'catalog:saveProduct', { ...input, categoryId: missing }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', path: 'categoryId' })
    const variant = { id: missing, name: 'Small', priceCents: 300 }
    expect(
      await callError(core, 'catalog:saveProduct', { ...input, variants: [variant, variant] }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', path: 'variants.1.id' })
    core.close()
  })

  it('creates and renames categories, refusing a duplicate name', async () => {
    const core = openTestCore(tempDir())
    const pastry = await call(core, 'catalog:saveCategory', { name: 'Pastry' })
    expect(outboxFor(core, pastry.id)).toEqual([{ entity: 'category', state: 'pending' }])
    expect(await callError(core, 'catalog:saveCategory', { name: 'bakery' })).toMatchObject({
      code: 'CONFLICT',
      path: 'name',
    })
    const renamed = await call(core, 'catalog:saveCategory', { id: pastry.id, name: 'Pâtisserie' })
    expect(renamed).toMatchObject({ id: pastry.id, name: 'Pâtisserie' })
    const { categories } = await call(core, 'catalog:list')
    expect(categories.map((category) => category.name)).toContain('Pâtisserie')
    core.close()
  })
})
