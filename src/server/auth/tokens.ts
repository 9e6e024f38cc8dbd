import { createHash, randomBytes } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import { z } from 'zod'
import type { Database } from '../db/connection'
import { ensureServerSecret } from '../db/authRepository'

export const DeviceClaims = z.object({
  typ: z.literal('device'),
  sub: z.string(),
  tid: z.string(),
  sid: z.string(),
  role: z.string(),
})
export type DeviceClaims = z.infer<typeof DeviceClaims>

export const AdminClaims = z.object({
  typ: z.literal('admin'),
  sub: z.string(),
  role: z.enum(['super_admin', 'tenant_admin', 'store_manager']),
  tid: z.string().nullable(),
  sid: z.string().nullable(),
})
export type AdminClaims = z.infer<typeof AdminClaims>

const Claims = z.discriminatedUnion('typ', [DeviceClaims, AdminClaims])
export type Claims = z.infer<typeof Claims>

const ISSUER = 'auraflow-sync'

export interface TokenSigner {
  sign(claims: Claims, ttlSeconds: number): Promise<string>
  /** Returns the claims of a valid, unexpired token, or null. */
  verify(token: string): Promise<Claims | null>
}

/** Tokens whose signature was already checked; bounded, entries dropped at the token's expiry. */
const VERIFIED_CACHE_SIZE = 1000

export function createTokenSigner(secret: string): TokenSigner {
  const key = new TextEncoder().encode(secret)
  // Only the signature check is memoised (webcrypto HMAC is async and slow under load); the
  // device or admin row is still read on every request, so a revoke is never cached.
  const verified = new Map<string, { claims: Claims; expiresAtMs: number }>()
  return {
    async sign(claims, ttlSeconds) {
      const { sub, ...rest } = claims
      return new SignJWT(rest)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setJti(crypto.randomUUID())
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .sign(key)
    },
    async verify(token) {
      const cached = verified.get(token)
      if (cached) {
        if (cached.expiresAtMs > Date.now()) return cached.claims
        verified.delete(token)
      }
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] })
        const parsed = Claims.safeParse(payload)
        if (!parsed.success || payload.exp === undefined) return null
        if (verified.size >= VERIFIED_CACHE_SIZE)
          verified.delete(verified.keys().next().value ?? '')
        verified.set(token, { claims: parsed.data, expiresAtMs: payload.exp * 1000 })
        return parsed.data
      } catch {
        return null
      }
    },
  }
}

/** The configured secret, or one shared through the database so every instance signs alike. */
export async function resolveJwtSecret(db: Database, configured: string | null): Promise<string> {
  if (configured) return configured
  return ensureServerSecret(db, 'jwt', randomBytes(48).toString('base64url'))
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url')
}
