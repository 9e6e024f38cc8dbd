import { z } from 'zod'

const TokenBody = z.object({ v: z.literal(1), s: z.string(), q: z.number().int().nonnegative() })

/** nextSyncToken: opaque to clients; carries the store and the last sequence the client holds. */
export function encodeSyncToken(storeId: string, seq: number): string {
  return Buffer.from(JSON.stringify({ v: 1, s: storeId, q: seq })).toString('base64url')
}

export type SinceCursor =
  { kind: 'seq'; seq: number } | { kind: 'time'; at: Date } | { kind: 'invalid'; reason: string }

/**
 * Reads `since`: absent = from the start; a token; or (seed endpoints only) a millisecond
 * server timestamp written as digits.
 */
export function parseSince(
  since: string | number | null | undefined,
  storeId: string,
  allowTimestamp: boolean,
): SinceCursor {
  if (since === undefined || since === null || since === '' || since === 0 || since === '0')
    return { kind: 'seq', seq: 0 }
  if (typeof since === 'number' || /^\d+$/.test(since)) {
    if (!allowTimestamp) return { kind: 'invalid', reason: 'since must be a nextSyncToken' }
    const at = new Date(Number(since))
    return Number.isNaN(at.getTime())
      ? { kind: 'invalid', reason: 'since timestamp out of range' }
      : { kind: 'time', at }
  }
  try {
    const body = TokenBody.safeParse(JSON.parse(Buffer.from(since, 'base64url').toString('utf8')))
    if (!body.success) return { kind: 'invalid', reason: 'malformed nextSyncToken' }
    if (body.data.s !== storeId)
      return { kind: 'invalid', reason: 'nextSyncToken belongs to another store' }
    return { kind: 'seq', seq: body.data.q }
  } catch {
    return { kind: 'invalid', reason: 'malformed nextSyncToken' }
  }
}
