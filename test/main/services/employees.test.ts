import { describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import type { RunningServer } from '../../../src/server/main'
import { call, callError, demoPins, openTestCore } from '../../support/registerCore'
import { createTestStore, startTestSyncServer } from '../../support/syncServer'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('auraflow-staff-')

const rows = (core: RegisterCore, query: string, ...params: unknown[]) =>
  core.database.sqlite.prepare(query).all(...params) as Record<string, unknown>[]

/** Signs out whoever is at the register and signs in with `pin`, returning who that is. */
async function signInAs(core: RegisterCore, pin: string) {
  core.authority.signOut()
  return (await call(core, 'session:signIn', { pin })).employee
}

describe('admins manage staff', () => {
  it('creates a cashier whose new PIN signs in, and lists everyone for a manager', async () => {
    const core = openTestCore(tempDir(), { signIn: 'admin' })
    const saved = await call(core, 'employee:save', {
      name: 'Nadia',
      role: 'cashier',
      pin: '4321',
      isActive: true,
    })
    expect(saved).toMatchObject({ name: 'Nadia', role: 'cashier', isActive: true })
    expect(await signInAs(core, '4321')).toMatchObject({ id: saved.id, name: 'Nadia' })

    await signInAs(core, demoPins.manager)
    const everyone = await call(core, 'employee:listAll')
    expect(everyone.map((employee) => employee.name)).toContain('Nadia')
    core.close()
  })

  it('refuses a PIN another active employee uses, and a new person without a PIN', async () => {
    const core = openTestCore(tempDir(), { signIn: 'admin' })
    expect(
      await callError(core, 'employee:save', {
        name: 'Copycat',
        role: 'cashier',
        pin: demoPins.cashier,
        isActive: true,
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      path: 'pin',
      message: 'Another active employee already uses that PIN.',
    })
    expect(
      await callError(core, 'employee:save', { name: 'No PIN', role: 'cashier', isActive: true }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', path: 'pin' })
    expect(rows(core, "select id from employees where name in ('Copycat', 'No PIN')")).toEqual([])
    core.close()
  })

  it('refuses a manager or cashier; a cashier cannot even list staff', async () => {
    const core = openTestCore(tempDir(), { signIn: 'manager' })
    const input = { name: 'Sneaky', role: 'admin', pin: '8642', isActive: true }
    expect(await callError(core, 'employee:save', input)).toMatchObject({ code: 'FORBIDDEN' })
    await signInAs(core, demoPins.cashier)
    expect(await callError(core, 'employee:save', input)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await callError(core, 'employee:listAll')).toMatchObject({ code: 'FORBIDDEN' })
    expect(rows(core, "select id from employees where name = 'Sneaky'")).toEqual([])
    core.close()
  })

  it('keeps the PIN when only the name and role change; a new PIN replaces the old one', async () => {
    const core = openTestCore(tempDir(), { signIn: 'admin' })
    const created = await call(core, 'employee:save', {
      name: 'Omar',
      role: 'cashier',
      pin: '2468',
      isActive: true,
    })
    await call(core, 'employee:save', {
      id: created.id,
      name: 'Omar Haddad',
      role: 'manager',
      isActive: true,
    })
    expect(await signInAs(core, '2468')).toMatchObject({ name: 'Omar Haddad', role: 'manager' })

    await signInAs(core, demoPins.admin)
    await call(core, 'employee:save', {
      id: created.id,
      name: 'Omar Haddad',
      role: 'manager',
      pin: '13579',
      isActive: true,
    })
    core.authority.signOut()
    expect(await callError(core, 'session:signIn', { pin: '2468' })).toMatchObject({
      code: 'PIN_INVALID',
    })
    expect((await call(core, 'session:signIn', { pin: '13579' })).employee?.id).toBe(created.id)
    core.close()
  })

  it('a deactivated person cannot sign in, is listed after the active ones, and frees the PIN', async () => {
    const core = openTestCore(tempDir(), { signIn: 'admin' })
    const created = await call(core, 'employee:save', {
      name: 'Aaron',
      role: 'cashier',
      pin: '9753',
      isActive: true,
    })
    await call(core, 'employee:save', {
      id: created.id,
      name: 'Aaron',
      role: 'cashier',
      isActive: false,
    })
    const everyone = await call(core, 'employee:listAll')
    expect(everyone.at(-1)).toMatchObject({ id: created.id, isActive: false })
    expect(everyone.slice(0, -1).every((employee) => employee.isActive)).toBe(true)
    // Reactivating needs a fresh PIN: the old one may have gone to someone else meanwhile.
    expect(
      await callError(core, 'employee:save', {
        id: created.id,
        name: 'Aaron',
        role: 'cashier',
        isActive: true,
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', path: 'pin' })
    await call(core, 'employee:save', { name: 'Bea', role: 'cashier', pin: '9753', isActive: true })
    core.authority.signOut()
    expect((await call(core, 'session:signIn', { pin: '9753' })).employee?.name).toBe('Bea')
    await signInAs(core, demoPins.admin)
    await call(core, 'employee:save', {
      id: created.id,
      name: 'Aaron',
      role: 'cashier',
      isActive: false,
    })
    core.close()
  })

  it('keeps the last active admin: no deactivating or demoting them until another exists', async () => {
    const core = openTestCore(tempDir(), { signIn: 'admin' })
    const admin = core.authority.current()!
    const edit = { id: admin.employeeId, name: admin.name }
    expect(
      await callError(core, 'employee:save', { ...edit, role: 'admin', isActive: false }),
    ).toMatchObject({ code: 'CONFLICT', path: 'isActive' })
    expect(
      await callError(core, 'employee:save', { ...edit, role: 'manager', isActive: true }),
    ).toMatchObject({ code: 'CONFLICT', path: 'role' })

    await call(core, 'employee:save', {
      name: 'Second admin',
      role: 'admin',
      pin: '86420',
      isActive: true,
    })
    await call(core, 'employee:save', { ...edit, role: 'manager', isActive: true })
    // Demoted, yet still signed in as before until they sign out (documented in employeeService).
    expect(core.authority.current()?.role).toBe('admin')
    expect(await signInAs(core, demoPins.admin)).toMatchObject({ role: 'manager' })
    core.close()
  })

  it('queues each save for sync and audits it without the PIN', async () => {
    const core = openTestCore(tempDir(), { signIn: 'admin' })
    const created = await call(core, 'employee:save', {
      name: 'Lina',
      role: 'cashier',
      pin: '55667788',
      isActive: true,
    })
    await call(core, 'employee:save', {
      id: created.id,
      name: 'Lina',
      role: 'cashier',
      pin: '11223344',
      isActive: true,
    })
    expect(
      rows(core, "select entity_id as id from outbox where entity = 'employee'").map((r) => r.id),
    ).toEqual([created.id, created.id])
    expect(
      rows(core, 'select sync_status as status from employees where id = ?', created.id),
    ).toEqual([{ status: 'PENDING' }])
    const audit = rows(
      core,
      "select details from audit_events where action = 'employee.saved' and subject_id = ?",
      created.id,
    )
    expect(audit).toHaveLength(2)
    expect(JSON.parse(String(audit[1]!.details))).toEqual({
      name: 'Lina',
      role: 'cashier',
      isActive: true,
      pinChanged: true,
    })
    const pinHash = rows(
      core,
      'select pin_hash as hash from employees where id = ?',
      created.id,
    )[0]!.hash as string
    const details = JSON.stringify(audit)
    for (const secret of ['55667788', '11223344', pinHash]) expect(details).not.toContain(secret)
    core.close()
  })
})

describe('staff reach other registers', () => {
  const quiet = {
    isRealtimeEnabled: false,
    intervalMs: 3_600_000,
    backoff: { baseMs: 10, capMs: 50 },
  }

  async function enrolled(
    server: RunningServer,
    code: string,
    registerCode: string,
    signIn: 'admin' | 'nobody',
  ) {
    const core = openTestCore(tempDir(), {
      registerCode,
      fingerprint: `machine-${registerCode}`,
      signIn,
      sync: quiet,
    })
    // A locked register cannot enroll: the manager enrolls it and signs out again.
    if (signIn === 'nobody') core.authority.signIn(demoPins.manager)
    const status = await call(core, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
    if (signIn === 'nobody') core.authority.signOut()
    expect(status.enrollment).toBe('enrolled')
    return core
  }

  it('brings a person added on A to B, where their PIN signs in with the server gone', async () => {
    const server = await startTestSyncServer()
    let isServerUp = true
    const registers: RegisterCore[] = []
    try {
      const { code } = await createTestStore(server)
      const a = await enrolled(server, code, 'A', 'admin')
      registers.push(a)
      const b = await enrolled(server, code, 'B', 'nobody')
      registers.push(b)
      const created = await call(a, 'employee:save', {
        name: 'Yusuf',
        role: 'manager',
        pin: '707070',
        isActive: true,
      })
      expect((await call(a, 'sync:runNow')).counts).toMatchObject({
        pending: 0,
        failed: 0,
        dead: 0,
      })
      // B syncs in the background, locked (its sync worker, not a call from the lock screen).
      expect((await b.sync.runNow()).lastError).toBeNull()

      await server.stop()
      isServerUp = false
      const session = await call(b, 'session:signIn', { pin: '707070' })
      expect(session.employee).toMatchObject({ id: created.id, name: 'Yusuf', role: 'manager' })
    } finally {
      for (const core of registers) core.close()
      if (isServerUp) await server.stop()
    }
  })
})
