import { describe, expect, it } from 'vitest'
import { call, callError, demoPins, openTestCore, tableCounts } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { catalogBySku, rows } from './salesSupport'

const tempDir = useTempDirs()

describe('a discount above the limit is approved when it is applied', () => {
  it('asks in words at once, holds the approval for the sale, and still refuses it unapproved at completion', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier' })
    const latte = (await catalogBySku(core)).get('COF-LAT')!
    const lines = [
      { productId: latte.id, quantity: 1, discount: { type: 'percent' as const, percent: 25 } },
    ]
    // Within the limit: nothing to ask.
    expect(
      await call(core, 'sale:approveDiscount', {
        lines: [{ ...lines[0]!, discount: { type: 'percent', percent: 20 } }],
      }),
    ).toEqual({ discountApprovalId: null })

    const refusal = await callError(core, 'sale:approveDiscount', { lines })
    expect(refusal).toMatchObject({ code: 'APPROVAL_REQUIRED', path: 'discount' })
    expect(refusal.message).toBe('Discount over your limit: 25% on Caffè Latte.')
    expect(refusal.message).not.toContain('(discount)')

    // A cashier's PIN does not approve; a manager's does, once.
    expect(() => core.authority.approve(demoPins.cashier2, 'discount')).toThrow(/cashier/)
    const { approvalId } = core.authority.approve(demoPins.manager, 'discount')
    const { discountApprovalId } = await call(core, 'sale:approveDiscount', { lines, approvalId })
    expect(discountApprovalId).toEqual(expect.any(String))
    // The held approval covers this discount: no second question.
    expect(
      await call(core, 'sale:approveDiscount', {
        lines,
        discountApprovalIds: [discountApprovalId!],
      }),
    ).toEqual({ discountApprovalId: null })
    // A bigger discount on the same line is another question.
    const bigger = [{ ...lines[0]!, discount: { type: 'percent' as const, percent: 40 } }]
    expect(
      await callError(core, 'sale:approveDiscount', {
        lines: bigger,
        discountApprovalIds: [discountApprovalId!],
      }),
    ).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      message: 'Discount over your limit: 40% on Caffè Latte.',
    })

    const sale = {
      lines,
      payments: [{ method: 'cash' as const, amountCents: 1000 }],
    }
    // Main still refuses the discount at completion without an approval.
    expect(
      await callError(core, 'sale:complete', { ...sale, clientRequestId: crypto.randomUUID() }),
    ).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      message: 'Discount over your limit: 25% on Caffè Latte.',
    })
    // A made-up approval id covers nothing.
    expect(
      await callError(core, 'sale:complete', {
        ...sale,
        clientRequestId: crypto.randomUUID(),
        discountApprovalIds: [crypto.randomUUID()],
      }),
    ).toMatchObject({ code: 'APPROVAL_REQUIRED' })
    expect(tableCounts(core)).toMatchObject({ orders: 0 })

    const receipt = await call(core, 'sale:complete', {
      ...sale,
      clientRequestId: crypto.randomUUID(),
      discountApprovalIds: [discountApprovalId!],
    })
    expect(receipt.order).toMatchObject({ employeeName: 'Sam (cashier)' })
    expect(
      rows<{ action: string; approved_by: string | null }>(
        core,
        'select action, approved_by from audit_events',
      ),
    ).toEqual([{ action: 'sale.discountApproved', approved_by: expect.any(String) }])
    // Spent with the sale: the next one asks again.
    expect(
      await callError(core, 'sale:complete', {
        ...sale,
        clientRequestId: crypto.randomUUID(),
        discountApprovalIds: [discountApprovalId!],
      }),
    ).toMatchObject({ code: 'APPROVAL_REQUIRED' })
    core.close()
  })

  it('asks nothing of a manager, and names an order discount in words', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier' })
    const latte = (await catalogBySku(core)).get('COF-LAT')!
    const input = {
      lines: [{ productId: latte.id, quantity: 2 }],
      orderDiscount: { type: 'amount' as const, amountCents: 500 },
    }
    expect(await callError(core, 'sale:approveDiscount', input)).toMatchObject({
      message: 'Discount over your limit: $5.00 on the order.',
    })
    core.authority.signIn(demoPins.manager)
    expect(await call(core, 'sale:approveDiscount', input)).toEqual({ discountApprovalId: null })
    core.close()
  })
})
