import type { z } from 'zod'
import { PosError } from '../../shared/ipc/errors'
import type { EnrollInput, SyncStatusView } from '../../shared/ipc/syncSchemas'
import type { HandlerContext } from './handlerContext'

/**
 * Enrolls this register with a sync server (sync:enroll). Joining a store is a manager's job on a
 * register that never belonged to one; moving an enrolled register (again, elsewhere, after a
 * revocation or a copied folder) is an admin's, is audited, and is refused while the register
 * holds work its store has not received (UNSYNCED_WORK).
 */
export async function enrollRegister(
  context: HandlerContext,
  input: z.output<typeof EnrollInput>,
): Promise<z.output<typeof SyncStatusView>> {
  const { store, sync, authority } = context
  const actor = authority.requireSignedIn()
  const before = store.syncState.get()
  const wasEnrolled = before?.serverUrl != null || before?.storeId != null
  if (actor.role === 'cashier')
    throw new PosError('FORBIDDEN', `${actor.name} is a cashier; a manager enrolls a register.`)
  if (wasEnrolled && actor.role !== 'admin')
    throw new PosError(
      'FORBIDDEN',
      'This register is already enrolled; only an admin can enroll it again or elsewhere.',
    )
  const serverUrl = new URL(input.serverUrl).origin
  if (
    before?.serverUrl &&
    before.serverUrl !== serverUrl &&
    store.syncState.unsyncedWorkCount() > 0
  )
    throw new PosError(
      'UNSYNCED_WORK',
      `This register holds sales or changes ${before.serverUrl} has not received yet; sync them before moving it to another server.`,
    )

  let status: z.output<typeof SyncStatusView>
  try {
    status = await sync.enroll(input)
  } catch (error) {
    // Refused when the new store's tokens came back (same server, new identity, another store):
    // the worker had already written the new address, so the register's old enrollment goes back.
    if (error instanceof PosError && error.code === 'UNSYNCED_WORK' && before)
      store.syncState.update(
        {
          serverUrl: before.serverUrl,
          enrolledFingerprint: before.enrolledFingerprint,
          pullCursor: before.pullCursor,
          lastError: before.lastError,
          lastErrorAt: before.lastErrorAt,
        },
        context.now().toISOString(),
      )
    throw error
  }
  if (!wasEnrolled) return status
  // A first enrollment is on the server's record of the device; a move is on the store's audit log.
  const after = store.syncState.get()
  store.transaction((repositories) =>
    authority.audit(repositories.audit, {
      action: 'sync.reenrolled',
      actor,
      details: {
        serverUrl: after?.serverUrl ?? serverUrl,
        storeId: after?.storeId ?? null,
        tenantId: after?.tenantId ?? null,
        deviceId: sync.device.deviceId,
        previousServerUrl: before?.serverUrl ?? null,
        previousStoreId: before?.storeId ?? null,
      },
    }),
  )
  sync.notifyLocalCommit()
  return sync.status()
}
