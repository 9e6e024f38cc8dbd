import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Database, Executor } from './connection'
import { rowsOf } from './connection'
import { adminUsers, devices, enrollmentCodes, refreshTokens, serverSecrets } from './schema'

/** Devices, refresh tokens, enrollment codes, admin users and the JWT secret: auth's queries. */

export type DeviceRow = typeof devices.$inferSelect
export type AdminUserRow = typeof adminUsers.$inferSelect
export type EnrollmentCodeRow = typeof enrollmentCodes.$inferSelect
export type RefreshTokenRow = typeof refreshTokens.$inferSelect

/** Stores the secret unless one exists, then reads back whichever won: every instance signs alike. */
export async function ensureServerSecret(
  db: Database,
  name: string,
  candidate: string,
): Promise<string> {
  await db.insert(serverSecrets).values({ name, value: candidate }).onConflictDoNothing()
  const [row] = await db.select().from(serverSecrets).where(eq(serverSecrets.name, name))
  if (!row) throw new Error('jwt secret missing after insert')
  return row.value
}

/**
 * The live device's scope, refreshing last_seen_at at most every 10 s so a busy register does
 * not turn each read into a write. Undefined for a revoked or unknown device.
 */
export async function touchLiveDevice(
  db: Database,
  deviceId: string,
): Promise<{ storeId: string; tenantId: string; role: string } | undefined> {
  const found = await db.execute(sql`
      WITH touched AS (
        UPDATE ${devices} SET last_seen_at = now()
        WHERE id = ${deviceId} AND revoked_at IS NULL AND (last_seen_at IS NULL OR last_seen_at < now() - interval '10 seconds')
      )
      SELECT store_id AS "storeId", tenant_id AS "tenantId", role FROM ${devices} WHERE id = ${deviceId} AND revoked_at IS NULL`)
  const [device] = rowsOf<{ storeId: string; tenantId: string; role: string }>(found)
  return device
}

export async function findEnabledAdminById(
  db: Executor,
  adminId: string,
): Promise<AdminUserRow | undefined> {
  const [admin] = await db
    .select()
    .from(adminUsers)
    .where(and(eq(adminUsers.id, adminId), isNull(adminUsers.disabledAt)))
  return admin
}

export async function findEnabledAdminByEmail(
  db: Executor,
  email: string,
): Promise<AdminUserRow | undefined> {
  const [admin] = await db
    .select()
    .from(adminUsers)
    .where(and(eq(adminUsers.email, email), isNull(adminUsers.disabledAt)))
  return admin
}

/** The code row, locked until the enrolling transaction ends. */
export async function lockEnrollmentCode(
  tx: Executor,
  codeHash: string,
): Promise<EnrollmentCodeRow | undefined> {
  const [code] = await tx
    .select()
    .from(enrollmentCodes)
    .where(eq(enrollmentCodes.codeHash, codeHash))
    .for('update')
  return code
}

export async function setEnrollmentCodeUsesLeft(
  tx: Executor,
  codeHash: string,
  usesLeft: number,
): Promise<void> {
  await tx.update(enrollmentCodes).set({ usesLeft }).where(eq(enrollmentCodes.codeHash, codeHash))
}

/** The device row, locked until the transaction ends. */
export async function lockDevice(tx: Executor, deviceId: string): Promise<DeviceRow | undefined> {
  const [device] = await tx.select().from(devices).where(eq(devices.id, deviceId)).for('update')
  return device
}

export async function findDevice(db: Executor, deviceId: string): Promise<DeviceRow | undefined> {
  const [device] = await db.select().from(devices).where(eq(devices.id, deviceId))
  return device
}

export async function findLiveDevice(
  db: Executor,
  deviceId: string,
): Promise<DeviceRow | undefined> {
  const [device] = await db
    .select()
    .from(devices)
    .where(and(eq(devices.id, deviceId), isNull(devices.revokedAt)))
  return device
}

/** A re-enrollment of a known device: its new name and the code that enrolled it. */
export async function updateEnrolledDevice(
  tx: Executor,
  deviceId: string,
  changes: { name: string; enrolledCodeHash: string },
): Promise<void> {
  await tx.update(devices).set(changes).where(eq(devices.id, deviceId))
}

export async function insertDevice(
  tx: Executor,
  device: typeof devices.$inferInsert,
): Promise<void> {
  await tx.insert(devices).values(device)
}

export async function insertRefreshToken(
  tx: Executor,
  token: { tokenHash: string; deviceId: string; expiresAt: Date },
): Promise<void> {
  await tx.insert(refreshTokens).values(token)
}

/** An unexpired refresh token, locked until the transaction ends. */
export async function lockUnexpiredRefreshToken(
  tx: Executor,
  tokenHash: string,
): Promise<RefreshTokenRow | undefined> {
  const [token] = await tx
    .select()
    .from(refreshTokens)
    .where(and(eq(refreshTokens.tokenHash, tokenHash), gt(refreshTokens.expiresAt, new Date())))
    .for('update')
  return token
}

/** A refresh token by hash (expired or not), locked until the transaction ends. */
export async function lockRefreshToken(
  tx: Executor,
  tokenHash: string,
): Promise<RefreshTokenRow | undefined> {
  const [token] = await tx
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .for('update')
  return token
}

export async function markRefreshTokenUsed(
  tx: Executor,
  tokenHash: string,
  changes: { usedAt: Date; replacedByHash?: string },
): Promise<void> {
  await tx.update(refreshTokens).set(changes).where(eq(refreshTokens.tokenHash, tokenHash))
}

/**
 * Marks every token descended from `tokenHash` (its successors, theirs, ...) used, so none of the
 * chain can be exchanged again. Returns how many live tokens it retired.
 */
export async function revokeRefreshTokenFamily(tx: Executor, tokenHash: string): Promise<number> {
  const retired = await tx.execute(sql`
    WITH RECURSIVE family(token_hash) AS (
      SELECT replaced_by_hash FROM ${refreshTokens} WHERE token_hash = ${tokenHash}
      UNION
      SELECT t.replaced_by_hash FROM ${refreshTokens} t JOIN family f ON t.token_hash = f.token_hash
      WHERE t.replaced_by_hash IS NOT NULL
    )
    UPDATE ${refreshTokens} SET used_at = now()
    WHERE token_hash IN (SELECT token_hash FROM family) AND used_at IS NULL
    RETURNING token_hash`)
  return rowsOf(retired).length
}

/** Revokes the device and retires its live refresh tokens, in one transaction. */
export async function revokeDevice(db: Database, deviceId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(devices).set({ revokedAt: new Date() }).where(eq(devices.id, deviceId))
    await tx
      .update(refreshTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(refreshTokens.deviceId, deviceId), isNull(refreshTokens.usedAt)))
  })
}
