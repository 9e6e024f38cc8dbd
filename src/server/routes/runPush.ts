import type { FastifyBaseLogger } from 'fastify'
import type { Principal } from '../auth/principal'
import { unauthorized } from '../auth/principal'
import type { PushItem, PushOutcome } from '../sync/push'
import { DeviceNotActiveError, pushRecords } from '../sync/push'
import type { RouteContext } from './context'

type DeviceOf = Extract<Principal, { kind: 'device' }>

/**
 * Every push route (v1 batch-push and the seed endpoints) applies records through here, so they
 * answer alike: a device that is no longer active gets 401, a batch re-run per record is logged
 * with the database errors behind it (never sent to the client), and subscribers get a poke.
 */
export async function runPush(
  context: RouteContext,
  device: DeviceOf,
  items: PushItem[],
  log: FastifyBaseLogger,
): Promise<PushOutcome> {
  const { db, config, bus } = context
  const outcome = await pushRecords(
    db,
    { storeId: device.storeId, deviceId: device.deviceId, policies: config.policies },
    items,
  ).catch((error: unknown) => {
    throw error instanceof DeviceNotActiveError ? unauthorized('device revoked or unknown') : error
  })
  if (outcome.isIsolated)
    log.warn(
      { storeId: device.storeId, storeErrors: outcome.storeErrors },
      'batch refused as a whole; re-ran one savepoint per record',
    )
  if (outcome.isChanged)
    bus.publish({ type: 'poke', storeId: device.storeId, headSeq: outcome.headSeq })
  return outcome
}
