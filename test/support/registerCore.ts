import { openRegisterCore, type RegisterCore, type RegisterCoreOptions } from '../../src/main/core'
import type { InvokeChannel, InvokeInput, InvokeOutput } from '../../src/shared/ipc/contract'
import type { PosErrorData } from '../../src/shared/ipc/errors'
import { updateStoreOptions } from '../../src/main/store/identityRepository'

/** PINs of the seeded demo staff (src/main/store/seed/seedDemoStore.ts). */
export const demoPins = { manager: '1234', cashier: '1111', cashier2: '2222', admin: '9999' }

export interface TestCoreOptions extends Partial<RegisterCoreOptions> {
  /**
   * Who is signed in when the core opens: the demo manager by default (so sales and edits need
   * no approval), a cashier, or nobody. Tests of selling also skip the open-shift rule unless
   * `requireOpenShift` is set, so sync tests count only the records they create.
   */
  signIn?: keyof typeof demoPins | 'nobody'
  requireOpenShift?: boolean
}

export function openTestCore(dataDir: string, options: TestCoreOptions = {}): RegisterCore {
  const { signIn = 'manager', requireOpenShift = false, ...coreOptions } = options
  const core = openRegisterCore({
    dataDir,
    host: 'web',
    appVersion: '0.0.0-test',
    logError: () => {},
    ...coreOptions,
  })
  updateStoreOptions(core.database.db, { requireOpenShift }, new Date().toISOString())
  if (signIn !== 'nobody') core.authority.signIn(demoPins[signIn])
  return core
}

/** Calls a channel the way a transport does and returns the value, failing the test on an error. */
export async function call<C extends InvokeChannel>(
  core: RegisterCore,
  channel: C,
  input?: InvokeInput<C>,
): Promise<InvokeOutput<C>> {
  const result = await core.registry.dispatch(channel, input)
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`)
  return result.value as InvokeOutput<C>
}

/** Calls a channel expecting a typed error. */
export async function callError(
  core: RegisterCore,
  channel: string,
  input?: unknown,
): Promise<PosErrorData> {
  const result = await core.registry.dispatch(channel, input)
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`)
  return result.error
}

export function tableCounts(core: RegisterCore): Record<string, number> {
  const count = (table: string) =>
    (core.database.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  return {
    orders: count('orders'),
    order_items: count('order_items'),
    payments: count('payments'),
    outbox: count('outbox'),
    products: count('products'),
    customers: count('customers'),
    shifts: count('shifts'),
    cash_movements: count('cash_movements'),
    audit_events: count('audit_events'),
    parked_orders: count('parked_orders'),
    print_jobs: count('print_jobs'),
    register_settings: count('register_settings'),
    email_receipts: count('email_receipts'),
    mail_settings: count('mail_settings'),
    stock_movements: count('stock_movements'),
    stock_levels: count('stock_levels'),
  }
}
