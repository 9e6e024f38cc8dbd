import { randomInt } from 'node:crypto'
import type { Executor } from '../db/connection'
import { findStoreIdByCode, upsertEnrollmentCode } from '../db/tenancyRepository'
import { sha256Hex } from '../auth/tokens'

/** Crockford-style alphabet: no 0/O, 1/I/L confusion when read aloud at a counter. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase()
}

export function generateCode(): string {
  let raw = ''
  for (let index = 0; index < 10; index += 1) raw += ALPHABET[randomInt(ALPHABET.length)]
  return `${raw.slice(0, 5)}-${raw.slice(5)}`
}

export interface IssueCodeOptions {
  code?: string
  /** null = unlimited uses (scripted set-ups); default 1. */
  uses?: number | null
  ttlMs?: number | null
  role?: string
}

export async function issueEnrollmentCode(
  db: Executor,
  storeId: string,
  options: IssueCodeOptions = {},
): Promise<string> {
  const code = options.code ?? generateCode()
  const ttlMs = options.ttlMs === undefined ? 24 * 60 * 60 * 1000 : options.ttlMs
  await upsertEnrollmentCode(db, {
    codeHash: sha256Hex(normaliseCode(code)),
    storeId,
    role: options.role ?? 'register',
    usesLeft: options.uses === undefined ? 1 : options.uses,
    expiresAt: ttlMs === null ? null : new Date(Date.now() + ttlMs),
  })
  return code
}

export async function issueCodeForStoreCode(
  db: Executor,
  storeCode: string,
): Promise<string | null> {
  const storeId = await findStoreIdByCode(db, storeCode)
  return storeId ? issueEnrollmentCode(db, storeId) : null
}
