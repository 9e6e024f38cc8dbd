import { describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import type { InvokeInput } from '../../../src/shared/ipc/contract'
import type { StoreOptions } from '../../../src/shared/store/options'
import { call, callError, demoPins, openTestCore, tableCounts } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()

type Payment = InvokeInput<'sale:complete'>['payments'][number]

const giftCard = {
  id: 'gift-card',
  kind: 'other',
  label: 'Gift card',
  requiresReference: true,
} as const

async function currentOptions(core: RegisterCore): Promise<StoreOptions> {
  return (await call(core, 'settings:get')).options
}

/** A product sold by the piece with no choices to make, so a one-line sale needs nothing else. */
async function plainProduct(core: RegisterCore) {
  const { products } = await call(core, 'catalog:list')
  const product = products.find(
    (candidate) =>
      candidate.isActive &&
      candidate.pricingUnit === 'each' &&
      candidate.variants.length === 0 &&
      candidate.modifierGroups.every((group) => group.minSelect === 0) &&
      candidate.priceCents >= 100,
  )
  if (!product) throw new Error('the demo catalog has no plain product')
  return product
}

async function sellOne(core: RegisterCore, payments: Payment[]) {
  const product = await plainProduct(core)
  return {
    clientRequestId: crypto.randomUUID(),
    lines: [{ productId: product.id, quantity: 1 }],
    payments,
  }
}

describe('store rules', () => {
  it('lets a manager raise the discount limit and add a gift card that needs a reference', async () => {
    const core = openTestCore(tempDir())
    const before = await currentOptions(core)
    expect(before.closeShiftVarianceCents).toBe(500)
    const options = {
      ...before,
      discountLimitPercent: 35,
      tenderMethods: [...before.tenderMethods, giftCard],
      closeShiftVarianceCents: 1_250,
    }
    expect(await call(core, 'settings:update', { options })).toEqual({ options })
    expect(await currentOptions(core)).toEqual(options)

    // The rest is paid in cash so the gift card's amount never exceeds the total.
    const withoutReference = await sellOne(core, [
      { method: 'other', tenderId: 'gift-card', amountCents: 100 },
      { method: 'cash', amountCents: 100_000 },
    ])
    const ordersBefore = tableCounts(core).orders
    expect(await callError(core, 'sale:complete', withoutReference)).toMatchObject({
      code: 'PAYMENT_INVALID',
      path: 'payments.0.referenceNumber',
    })
    expect(tableCounts(core).orders).toBe(ordersBefore)

    const receipt = await call(
      core,
      'sale:complete',
      await sellOne(core, [
        { method: 'other', tenderId: 'gift-card', amountCents: 100, referenceNumber: 'GC-5521' },
        { method: 'cash', amountCents: 100_000 },
      ]),
    )
    expect(receipt.order.payments[0]).toMatchObject({
      method: 'other',
      label: 'Gift card',
      amountCents: 100,
      referenceNumber: 'GC-5521',
    })

    const [logged] = (await call(core, 'audit:list', { limit: 50 })).filter(
      (event) => event.action === 'store.optionsChanged',
    )
    expect(logged).toMatchObject({
      action: 'store.optionsChanged',
      employeeName: 'Maya (manager)',
      approvedByName: null,
      details: { before, after: options },
    })
    core.close()
  })

  it('asks a manager PIN of a cashier, then saves with the approval and logs who approved', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier' })
    const before = await currentOptions(core)
    const options = { ...before, idleLockSeconds: 300 }
    expect(await callError(core, 'settings:update', { options })).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      path: 'settings',
    })
    expect(await currentOptions(core)).toEqual(before)

    const { approvalId } = core.authority.approve(demoPins.manager, 'settings')
    expect(await call(core, 'settings:update', { options, approvalId })).toEqual({ options })
    expect((await currentOptions(core)).idleLockSeconds).toBe(300)

    core.authority.signIn(demoPins.manager)
    const logged = (await call(core, 'audit:list', { limit: 50 })).find(
      (event) => event.action === 'store.optionsChanged',
    )
    expect(logged).toMatchObject({
      employeeName: 'Sam (cashier)',
      approvedByName: 'Maya (manager)',
    })
    core.close()
  })

  it('refuses duplicate tender ids and unknown keys by path, changing nothing', async () => {
    const core = openTestCore(tempDir())
    const before = await currentOptions(core)
    const auditsBefore = tableCounts(core).audit_events

    const duplicate = {
      ...before,
      tenderMethods: [...before.tenderMethods, { ...giftCard, id: 'card', label: 'Card 2' }],
    }
    expect(await callError(core, 'settings:update', { options: duplicate })).toMatchObject({
      code: 'VALIDATION_FAILED',
      path: 'options.tenderMethods',
    })

    const typo = { ...before, discountLimit: 50 }
    const refused = await callError(core, 'settings:update', { options: typo })
    expect(refused.code).toBe('VALIDATION_FAILED')
    expect(refused.path).toBe('options')
    expect(refused.message).toContain('discountLimit')

    const badLabel = {
      ...before,
      tenderMethods: [before.tenderMethods[0], { ...giftCard, label: '' }],
    }
    expect(await callError(core, 'settings:update', { options: badLabel })).toMatchObject({
      code: 'VALIDATION_FAILED',
      path: 'options.tenderMethods.1.label',
    })

    const negative = { ...before, closeShiftVarianceCents: -5 }
    expect(await callError(core, 'settings:update', { options: negative })).toMatchObject({
      code: 'VALIDATION_FAILED',
      path: 'options.closeShiftVarianceCents',
    })

    expect(await currentOptions(core)).toEqual(before)
    expect(tableCounts(core).audit_events).toBe(auditsBefore)
    core.close()
  })

  it('lets a cashier refund without a PIN once refunds no longer need approval', async () => {
    const core = openTestCore(tempDir())
    const sale = await call(
      core,
      'sale:complete',
      await sellOne(core, [{ method: 'cash', amountCents: 100_000 }]),
    )
    const refundDraft = () => ({
      clientRequestId: crypto.randomUUID(),
      orderId: sale.order.id,
      lines: [{ orderItemId: sale.order.items[0]!.id, quantity: 1 }],
      refundTo: 'original' as const,
      reason: 'wrong size',
    })

    core.authority.signIn(demoPins.cashier)
    expect(await callError(core, 'refund:create', refundDraft())).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      path: 'refund',
    })

    core.authority.signIn(demoPins.manager)
    const before = await currentOptions(core)
    await call(core, 'settings:update', {
      options: { ...before, approvals: before.approvals.filter((action) => action !== 'refund') },
    })
    expect((await call(core, 'session:get')).approvals).not.toContain('refund')

    core.authority.signIn(demoPins.cashier)
    const refund = await call(core, 'refund:create', refundDraft())
    expect(refund).toMatchObject({ kind: 'REFUND', refundOfOrderId: sale.order.id })
    core.close()
  })
})
