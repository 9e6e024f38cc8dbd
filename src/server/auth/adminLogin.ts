import type { Executor } from '../db/connection'
import type { AdminUserRow } from '../db/authRepository'
import { findEnabledAdminByEmail } from '../db/authRepository'
import { hashPassword, verifyPassword } from './passwords'
import { newOpaqueToken } from './tokens'

/**
 * Checks an admin's e-mail and password. An unknown (or disabled) e-mail is verified against a
 * dummy hash, so it takes as long as a wrong password and the answer time does not tell which
 * e-mails have an account. Shared by the bearer login and the back office's cookie sign-in.
 */
export function createAdminLoginCheck(
  db: Executor,
): (email: string, password: string) => Promise<AdminUserRow | null> {
  let dummy: Promise<string> | null = null
  const dummyHash = () => (dummy ??= hashPassword(newOpaqueToken()))
  return async (email, password) => {
    const admin = await findEnabledAdminByEmail(db, email.toLowerCase())
    const isValid = await verifyPassword(admin?.passwordHash ?? (await dummyHash()), password)
    return admin && isValid ? admin : null
  }
}
