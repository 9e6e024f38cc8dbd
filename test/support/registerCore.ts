import { openRegisterCore, type RegisterCore, type RegisterCoreOptions } from '../../src/main/core'
import type { InvokeChannel, InvokeInput, InvokeOutput } from '../../src/shared/ipc/contract'
import type { PosErrorData } from '../../src/shared/ipc/errors'

export function openTestCore(
  dataDir: string,
  options: Partial<RegisterCoreOptions> = {},
): RegisterCore {
  return openRegisterCore({
    dataDir,
    host: 'web',
    appVersion: '0.0.0-test',
    logError: () => {},
    ...options,
  })
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
  }
}
