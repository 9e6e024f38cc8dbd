import { describe, expect, it } from 'vitest'
import { call, callError, demoPins, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()

const safeDrop = { kind: 'OUT', amountCents: 2_000, reason: 'Safe drop' } as const

describe('manager approval', () => {
  it('refuses a cashier a cash-out until a manager PIN approves it, and logs the approver', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier', requireOpenShift: true })
    await call(core, 'shift:open', { openingCashCents: 10_000 })
    expect(await callError(core, 'shift:recordCashMovement', safeDrop)).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      path: 'cashMovement',
    })
    const approval = await call(core, 'session:approve', {
      pin: demoPins.manager,
      action: 'cashMovement',
    })
    expect(approval).toMatchObject({ action: 'cashMovement', approverName: 'Maya (manager)' })
    const movement = await call(core, 'shift:recordCashMovement', {
      ...safeDrop,
      approvalId: approval.approvalId,
    })
    expect(movement).toMatchObject({
      kind: 'OUT',
      amountCents: 2_000,
      employeeName: 'Sam (cashier)',
    })

    core.authority.signIn(demoPins.manager)
    const [logged] = await call(core, 'audit:list', { limit: 1 })
    expect(logged).toMatchObject({
      action: 'cash.movement',
      employeeName: 'Sam (cashier)',
      approvedByName: 'Maya (manager)',
      subjectId: movement.id,
      details: { kind: 'OUT', amountCents: 2_000, reason: 'Safe drop' },
    })
    core.close()
  })

  it('uses an approval once', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier', requireOpenShift: true })
    await call(core, 'shift:open', { openingCashCents: 10_000 })
    const { approvalId } = await call(core, 'session:approve', {
      pin: demoPins.manager,
      action: 'cashMovement',
    })
    await call(core, 'shift:recordCashMovement', { ...safeDrop, approvalId })
    expect(
      (await callError(core, 'shift:recordCashMovement', { ...safeDrop, approvalId })).code,
    ).toBe('APPROVAL_REQUIRED')
    core.close()
  })

  it('binds an approval to its action: a refund approval cannot take cash out', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier', requireOpenShift: true })
    await call(core, 'shift:open', { openingCashCents: 10_000 })
    const { approvalId } = await call(core, 'session:approve', {
      pin: demoPins.manager,
      action: 'refund',
    })
    expect(
      (await callError(core, 'shift:recordCashMovement', { ...safeDrop, approvalId })).code,
    ).toBe('APPROVAL_REQUIRED')
    const { count } = core.database.sqlite
      .prepare('select count(*) as count from cash_movements')
      .get() as { count: number }
    expect(count).toBe(0)
    core.close()
  })

  it('does not take a cashier PIN as an approval', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier' })
    expect(
      await callError(core, 'session:approve', { pin: demoPins.cashier2, action: 'noSale' }),
    ).toMatchObject({ code: 'FORBIDDEN' })
    expect((await callError(core, 'drawer:open', { reason: 'Change' })).code).toBe(
      'APPROVAL_REQUIRED',
    )
    core.close()
  })

  it('lets a manager take cash out without asking anyone', async () => {
    const core = openTestCore(tempDir(), { signIn: 'manager', requireOpenShift: true })
    await call(core, 'shift:open', { openingCashCents: 10_000 })
    const movement = await call(core, 'shift:recordCashMovement', safeDrop)
    expect(movement.employeeName).toBe('Maya (manager)')
    core.close()
  })
})
