import type { ConflictPolicy } from '../../shared/sync'

export interface ExistingRecord {
  version: number
  seq: number
  hash: string
  deleted: boolean
}

export interface IncomingRecord {
  hash: string
  deleted: boolean
  /** v1: the version the edit started from. */
  baseVersion: number
  /** Seed endpoints: the client's `syncVersion`. */
  clientVersion: number | null
}

export type Decision =
  | { kind: 'write'; version: number; resolution?: ConflictPolicy }
  | { kind: 'duplicate' }
  | { kind: 'conflict'; stored: boolean }

/**
 * DESIGN §3 rule 5. Equal hash: in sync. v1: matching baseVersion applies and bumps, otherwise
 * the policy decides. Seed (`clientVersion` set): higher wins, anything else gets the server's row.
 */
export function decide(
  existing: ExistingRecord | null,
  incoming: IncomingRecord,
  policy: ConflictPolicy,
): Decision {
  if (!existing) return { kind: 'write', version: incoming.clientVersion ?? 1 }
  if (existing.hash === incoming.hash && existing.deleted === incoming.deleted)
    return { kind: 'duplicate' }
  if (incoming.clientVersion !== null) {
    return incoming.clientVersion > existing.version
      ? { kind: 'write', version: incoming.clientVersion }
      : { kind: 'conflict', stored: false }
  }
  if (incoming.baseVersion === existing.version)
    return { kind: 'write', version: existing.version + 1 }
  switch (policy) {
    case 'server-wins':
      return { kind: 'conflict', stored: false }
    case 'manual':
      return { kind: 'conflict', stored: true }
    case 'client-wins':
    case 'last-write-wins':
      // Arrival order at the server is the only clock trusted, so the later arrival wins.
      return { kind: 'write', version: existing.version + 1, resolution: policy }
  }
}
