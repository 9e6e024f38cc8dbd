import { createHash } from 'node:crypto'
import { canonicalJson } from '../../shared/sync'

/** SHA-256 of the canonical JSON of a record's synced data (null for a tombstone). */
export function recordHash(data: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(data ?? null))
    .digest('hex')
}
