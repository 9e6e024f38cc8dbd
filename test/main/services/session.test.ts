import { v4 as uuidv4 } from 'uuid'
import { describe, expect, it } from 'vitest'
import { updateStoreOptions } from '../../../src/main/store/identityRepository'
import { call, callError, demoPins, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()

describe('signing in and out', () => {
  it('refuses a wrong PIN and signs in with a right one', async () => {
    const core = openTestCore(tempDir(), { signIn: 'nobody' })
    expect((await call(core, 'session:get')).employee).toBeNull()
    expect(await callError(core, 'session:signIn', { pin: '0000' })).toMatchObject({
      code: 'PIN_INVALID',
    })
    const session = await call(core, 'session:signIn', { pin: demoPins.cashier })
    expect(session.employee).toMatchObject({ name: 'Sam (cashier)', role: 'cashier' })
    expect(session.approvals).toContain('cashMovement')
    expect(session.approvals).not.toContain('closeShift')
    core.close()
  })

  it('pauses sign-in after too many wrong PINs, even for a right one, until the pause ends', async () => {
    let clock = new Date('2025-03-01T09:00:00.000Z')
    const core = openTestCore(tempDir(), { signIn: 'nobody', now: () => clock })
    updateStoreOptions(
      core.database.db,
      { pinAttempts: 3, pinLockoutSeconds: 30 },
      clock.toISOString(),
    )
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await callError(core, 'session:signIn', { pin: '0000' })).code).toBe('PIN_INVALID')
    expect(await callError(core, 'session:signIn', { pin: demoPins.manager })).toMatchObject({
      code: 'PIN_LOCKED',
    })
    clock = new Date(clock.getTime() + 31_000)
    expect((await call(core, 'session:signIn', { pin: demoPins.manager })).employee?.role).toBe(
      'manager',
    )
    core.close()
  })

  it('after sign-out shows nobody and refuses to sell', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier' })
    const catalog = await call(core, 'catalog:list')
    const changes: unknown[] = []
    core.events.onAny((event, payload) => {
      if (event === 'session:changed') changes.push(payload)
    })
    const session = await call(core, 'session:signOut')
    expect(session.employee).toBeNull()
    expect(changes).toEqual([session])
    expect((await call(core, 'session:get')).employee).toBeNull()
    const refused = await callError(core, 'sale:complete', {
      clientRequestId: uuidv4(),
      lines: [{ productId: catalog.products[0]!.id, quantity: 1, modifierOptionIds: [] }],
      payments: [{ method: 'cash', amountCents: 10_000 }],
    })
    expect(refused.code).toBe('SIGN_IN_REQUIRED')
    // The store's settings are no longer for the lock screen either.
    for (const channel of ['employee:list', 'shift:list', 'shift:preview', 'settings:get'])
      expect((await callError(core, channel)).code).toBe('SIGN_IN_REQUIRED')
    // The idle lock may sign out a register that is already locked.
    expect((await call(core, 'session:signOut')).employee).toBeNull()
    core.close()
  })

  it('lists active employees to anyone signed in', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier' })
    const staff = await call(core, 'employee:list')
    expect(staff.map((employee) => employee.role).sort()).toEqual([
      'admin',
      'cashier',
      'cashier',
      'manager',
    ])
    expect(staff.every((employee) => employee.isActive)).toBe(true)
    core.close()
  })

  it('shows the audit log to a manager, newest first, and not to a cashier', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier' })
    await call(core, 'shift:open', { openingCashCents: 5_000 })
    const approval = await call(core, 'session:approve', {
      pin: demoPins.manager,
      action: 'noSale',
    })
    await call(core, 'drawer:open', {
      reason: 'Customer needed change',
      approvalId: approval.approvalId,
    })
    expect((await callError(core, 'audit:list', {})).code).toBe('FORBIDDEN')

    core.authority.signIn(demoPins.manager)
    const events = await call(core, 'audit:list', { limit: 10 })
    expect(events.map((event) => event.action)).toEqual(['drawer.noSale', 'shift.opened'])
    expect(events[0]).toMatchObject({
      employeeName: 'Sam (cashier)',
      approvedByName: 'Maya (manager)',
      details: { reason: 'Customer needed change' },
    })
    core.close()
  })
})
