import { v4 as uuidv4 } from 'uuid'
import { describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { addKitchenTickets } from '../../../src/main/store/kitchenRepository'
import { call, callError } from '../../support/registerCore'
import { createTestStore } from '../../support/syncServer'
import { useTempDirs } from '../../support/tempDir'
import { configure, plainProducts, sell } from './printingHelpers'
import { useStationCores } from './stationCores'

const tempDir = useTempDirs('auraflow-kitchen-')
const { server, openCore, enroll, syncClean } = useStationCores()

const tickets = (core: RegisterCore) => call(core, 'kitchen:listTickets')

/** A till A and a kitchen display K (no printer) routed to the first plain product's category. */
async function kitchenWithTill(options: { categories: 'hot' | 'every' } = { categories: 'hot' }) {
  const { code } = await createTestStore(server())
  const a = openCore(tempDir(), 'A')
  const kitchenDir = tempDir()
  const kitchen = openCore(kitchenDir, 'K')
  for (const register of [a, kitchen]) await enroll(register.core, code)
  const plain = await plainProducts(a.core)
  const hot = plain[0]!
  const other = plain.find(
    (product) => product.categoryId && product.categoryId !== hot.categoryId,
  )!
  expect(hot.categoryId).not.toBeNull()
  await configure(kitchen.core, {
    mode: 'kitchen-station',
    hasKitchenDisplay: true,
    stationCategoryIds: options.categories === 'hot' ? [hot.categoryId!] : [],
    printers: [],
  })
  kitchen.start()
  return { a, kitchen, kitchenDir, hot, other }
}

describe('a kitchen display', () => {
  it('shows one ticket per order with only the lines routed to its categories', async () => {
    const { a, kitchen, hot, other } = await kitchenWithTill()
    const mixed = await sell(a.core, [hot.id, other.id, hot.id])
    const nothingForUs = await sell(a.core, [other.id])
    await call(a.core, 'refund:create', {
      clientRequestId: uuidv4(),
      orderId: mixed.id,
      lines: [{ orderItemId: mixed.items[0]!.id, quantity: 1 }],
      refundTo: 'cash',
      reason: 'cold',
    })
    await syncClean(a.core)
    await syncClean(kitchen.core)

    const { open: shown, bumped } = await tickets(kitchen.core)
    expect(bumped).toEqual([])
    expect(shown.map((ticket) => ticket.orderId)).toEqual([mixed.id])
    const [ticket] = shown
    expect(ticket).toMatchObject({ orderNumber: mixed.orderNumber, registerCode: 'A' })
    expect(ticket!.lines.map((line) => line.name)).toEqual([hot.name, hot.name])
    expect(shown.some((entry) => entry.orderId === nothingForUs.id)).toBe(false)
    // No print job was asked for: this station has no printer and needs none.
    expect(await call(kitchen.core, 'print:listJobs', { limit: 10, hideDone: false })).toEqual([])
  })

  it('every line shows when the station has no categories', async () => {
    const { a, kitchen, hot, other } = await kitchenWithTill({ categories: 'every' })
    const order = await sell(a.core, [hot.id, other.id])
    await syncClean(a.core)
    await syncClean(kitchen.core)
    const { open: shown } = await tickets(kitchen.core)
    expect(shown).toHaveLength(1)
    expect(shown[0]!.orderId).toBe(order.id)
    expect(shown[0]!.lines.map((line) => line.name)).toEqual([hot.name, other.name])
  })

  it('keeps bump and recall in its own database: a re-pull and a restart change nothing', async () => {
    const { a, kitchen, kitchenDir, hot } = await kitchenWithTill()
    const first = await sell(a.core, [hot.id])
    const second = await sell(a.core, [hot.id])
    await syncClean(a.core)
    await syncClean(kitchen.core)
    const before = await tickets(kitchen.core)
    expect(before.open.map((ticket) => ticket.orderId)).toEqual([first.id, second.id])
    const arrivedAt = before.open[0]!.arrivedAt

    // The kitchen bumps without a PIN.
    kitchen.core.authority.signOut()
    const bumped = await call(kitchen.core, 'kitchen:bump', { orderId: first.id })
    expect(bumped.bumpedAt).not.toBeNull()
    // A second bump (a double tap) keeps the first bump time.
    expect((await call(kitchen.core, 'kitchen:bump', { orderId: first.id })).bumpedAt).toBe(
      bumped.bumpedAt,
    )

    // The same orders pulled again: still one ticket each, and the bumped one stays bumped.
    kitchen.core.events.emit('order:synced', { orderIds: [first.id, second.id] })
    expect(addKitchenTickets(kitchen.core.database.db, [first.id, second.id], 'later')).toEqual([])
    kitchen.core.authority.signIn('1111')
    let now = await tickets(kitchen.core)
    expect(now.open.map((ticket) => ticket.orderId)).toEqual([second.id])
    expect(now.bumped.map((ticket) => ticket.orderId)).toEqual([first.id])

    await kitchen.quit()
    const again = openCore(kitchenDir, 'K', { signIn: 'nobody' })
    again.start()
    now = await call(again.core, 'kitchen:listTickets').catch(() => null as never)
    // Reading the tickets needs someone signed in, like the print job list.
    expect(now).toBeNull()
    again.core.authority.signIn('1111')
    now = await tickets(again.core)
    expect(now.open.map((ticket) => ticket.orderId)).toEqual([second.id])
    expect(now.bumped.map((ticket) => ticket.orderId)).toEqual([first.id])

    again.core.authority.signOut()
    const recalled = await call(again.core, 'kitchen:recall', { orderId: first.id })
    expect(recalled).toMatchObject({ bumpedAt: null, arrivedAt })
    again.core.authority.signIn('1111')
    now = await tickets(again.core)
    expect(now.open.map((ticket) => ticket.orderId)).toEqual([first.id, second.id])
    expect(now.bumped).toEqual([])
  })

  it('shows orders sold while it was offline once it syncs again', async () => {
    const { a, kitchen, kitchenDir, hot } = await kitchenWithTill()
    await kitchen.quit()
    // The kitchen is off; the till keeps selling and syncing.
    const whileOff = await sell(a.core, [hot.id])
    await syncClean(a.core)
    const back = openCore(kitchenDir, 'K')
    back.start()
    expect((await tickets(back.core)).open).toEqual([])
    await syncClean(back.core)
    expect((await tickets(back.core)).open.map((ticket) => ticket.orderId)).toEqual([whileOff.id])
  })

  it('refuses to bump an order it does not show, with a typed error', async () => {
    const { kitchen } = await kitchenWithTill()
    expect(await callError(kitchen.core, 'kitchen:bump', { orderId: uuidv4() })).toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})

describe('saving a station', () => {
  it('a kitchen display saves without a printer; a printing station still needs one', async () => {
    const { core } = openCore(tempDir(), 'A')
    expect(
      await callError(core, 'register:saveConfig', {
        config: { mode: 'kitchen-station', printers: [] },
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', path: 'config.printers' })
    expect(
      await callError(core, 'register:saveConfig', {
        config: { mode: 'receipt-station', printers: [] },
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', path: 'config.printers' })
    const saved = await call(core, 'register:saveConfig', {
      config: { mode: 'kitchen-station', hasKitchenDisplay: true, printers: [] },
    })
    expect(saved).toMatchObject({ mode: 'kitchen-station', hasKitchenDisplay: true })
  })

  it('on a till, bump asks for a sign-in', async () => {
    const { core } = openCore(tempDir(), 'A', { signIn: 'nobody' })
    expect(await callError(core, 'kitchen:bump', { orderId: uuidv4() })).toMatchObject({
      code: 'SIGN_IN_REQUIRED',
    })
  })
})
