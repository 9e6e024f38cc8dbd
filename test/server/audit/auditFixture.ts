import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import type { BatchPushResponse } from '../../../src/shared/sync'
import type { Listening } from '../support/backofficeClient'
import type { Device } from '../support/harness'

/** Audit events and the records they name, pushed through the sync route as a register does. */

export const SAM = randomUUID()
export const DANA = randomUUID()
export const GHOST = randomUUID()

export interface Change {
  entity: string
  id: string
  data: unknown
}

export async function push(server: Listening, device: Device, changes: Change[]) {
  const response = await fetch(`${server.baseUrl}/api/sync/batch-push`, {
    method: 'POST',
    headers: { ...device.headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      deviceId: device.deviceId,
      changes: changes.map((change) => ({
        mutationId: randomUUID(),
        entity: change.entity,
        id: change.id,
        op: 'upsert',
        baseVersion: 0,
        data: change.data,
      })),
    }),
  })
  const body: unknown = await response.json()
  expect(response.status, JSON.stringify(body)).toBe(200)
  const results = (body as BatchPushResponse).results
  expect(results.map((result) => result.status)).toEqual(results.map(() => 'applied'))
}

export function audit(
  id: string,
  createdAt: string,
  action: string,
  employeeId: string | null,
  details: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Change {
  return {
    entity: 'auditEvent',
    id,
    data: {
      id,
      action,
      employeeId,
      approvedBy: null,
      subjectId: null,
      details,
      createdAt,
      ...extra,
    },
  }
}

export const people: Change[] = [
  { entity: 'employee', id: SAM, data: { id: SAM, name: 'Sam', role: 'cashier' } },
  { entity: 'employee', id: DANA, data: { id: DANA, name: 'Dana', role: 'manager' } },
]
