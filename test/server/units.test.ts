import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decide } from '../../src/server/sync/decide'
import { encodeSyncToken, parseSince } from '../../src/server/sync/cursor'
import { createTokenSigner } from '../../src/server/auth/tokens'
import {
  canonicalJson,
  centsToDecimal,
  decimalToCents,
  envelopeToSeedOrder,
  seedOrderToEnvelope,
} from '../../src/shared/sync'

describe('decimal amounts <-> cents', () => {
  it('converts exactly where float multiplication would not', () => {
    expect(decimalToCents(45.99)).toBe(4599)
    expect(decimalToCents(0.07)).toBe(7)
    expect(decimalToCents(1.1)).toBe(110)
    expect(decimalToCents('-12.5')).toBe(-1250)
    expect(decimalToCents(3)).toBe(300)
    expect(() => decimalToCents(45.999)).toThrow(RangeError)
    expect(() => decimalToCents(Number.NaN)).toThrow(RangeError)
    expect(centsToDecimal(4599)).toBe(45.99)
    expect(centsToDecimal(-5)).toBe(-0.05)
  })

  it('round-trips every cent amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        (cents) => decimalToCents(centsToDecimal(cents)) === cents,
      ),
      { numRuns: 2000 },
    )
  })

  it('round-trips a seed order through the wire envelope', () => {
    const order = {
      id: 'o1',
      total: 10.1,
      subtotal: 9.35,
      orderStatus: 'COMPLETED',
      note: 'kept',
      items: [{ name: 'x', unitPrice: 9.35, quantity: 1 }],
    }
    const envelope = seedOrderToEnvelope(order)
    expect(envelope.order).toMatchObject({
      totalCents: 1010,
      subtotalCents: 935,
      status: 'COMPLETED',
      note: 'kept',
    })
    expect(envelopeToSeedOrder(envelope)).toEqual(order)
  })
})

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    )
  })
})

describe('conflict decision', () => {
  const existing = { version: 2, seq: 5, hash: 'h2', deleted: false }
  it('follows DESIGN §3 rule 5', () => {
    expect(
      decide(
        null,
        { hash: 'h', deleted: false, baseVersion: 0, clientVersion: null },
        'server-wins',
      ),
    ).toEqual({ kind: 'write', version: 1 })
    expect(
      decide(
        existing,
        { hash: 'h2', deleted: false, baseVersion: 0, clientVersion: null },
        'server-wins',
      ),
    ).toEqual({ kind: 'duplicate' })
    expect(
      decide(
        existing,
        { hash: 'h3', deleted: false, baseVersion: 2, clientVersion: null },
        'server-wins',
      ),
    ).toEqual({ kind: 'write', version: 3 })
    expect(
      decide(
        existing,
        { hash: 'h3', deleted: false, baseVersion: 1, clientVersion: null },
        'server-wins',
      ),
    ).toEqual({ kind: 'conflict', stored: false })
    expect(
      decide(
        existing,
        { hash: 'h3', deleted: false, baseVersion: 1, clientVersion: null },
        'manual',
      ),
    ).toEqual({ kind: 'conflict', stored: true })
    expect(
      decide(
        existing,
        { hash: 'h3', deleted: false, baseVersion: 1, clientVersion: null },
        'client-wins',
      ),
    ).toMatchObject({ kind: 'write', version: 3 })
    expect(
      decide(existing, { hash: 'h3', deleted: false, baseVersion: 0, clientVersion: 3 }, 'manual'),
    ).toEqual({ kind: 'write', version: 3 })
    expect(
      decide(
        existing,
        { hash: 'h3', deleted: false, baseVersion: 0, clientVersion: 2 },
        'client-wins',
      ),
    ).toEqual({ kind: 'conflict', stored: false })
  })
})

describe('sync tokens', () => {
  it('are opaque, store-bound, and distinct from seed timestamps', () => {
    const token = encodeSyncToken('store-a', 42)
    expect(parseSince(token, 'store-a', false)).toEqual({ kind: 'seq', seq: 42 })
    expect(parseSince(token, 'store-b', false).kind).toBe('invalid')
    expect(parseSince('1704067200000', 'store-a', true)).toEqual({
      kind: 'time',
      at: new Date(1704067200000),
    })
    expect(parseSince('1704067200000', 'store-a', false).kind).toBe('invalid')
    expect(parseSince('garbage!', 'store-a', false).kind).toBe('invalid')
  })
})

describe('token signer', () => {
  it('accepts its own unexpired tokens only', async () => {
    const signer = createTokenSigner('a-secret-that-is-long-enough-for-hs256-0001')
    const claims = {
      typ: 'device',
      sub: 'device-1',
      tid: 'tenant-1',
      sid: 'store-1',
      role: 'register',
    } as const
    const token = await signer.sign(claims, 60)
    expect(await signer.verify(token)).toEqual(claims)
    expect(await signer.verify(token)).toEqual(claims)
    const [header, payload, signature] = token.split('.')
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
        sid: 'store-2',
      }),
    ).toString('base64url')
    expect(await signer.verify(`${header}.${forged}.${signature}`)).toBeNull()
    expect(
      await createTokenSigner('another-secret-that-is-long-enough-00000002').verify(token),
    ).toBeNull()
    expect(await signer.verify(await signer.sign(claims, -10))).toBeNull()
  })
})
