import { randomUUID } from 'node:crypto'
import { buildServer } from '../../src/server/app'
import { defaultConfig } from '../../src/server/config'
import { openDatabase } from '../../src/server/db/connection'
import type { DatabaseTarget } from '../../src/server/db/connection'
import { stores, tenants } from '../../src/server/db/schema'
import { issueEnrollmentCode } from '../../src/server/tenancy/enrollmentCodes'
import { TokenResponse } from '../../src/shared/sync'
import type { EnrollRequest } from '../../src/shared/sync'

export interface EnrolledRegister {
  index: number
  deviceId: string
  storeId: string
  accessToken: string
  /** Printed on receipts: store and till, e.g. S03-T07. */
  code: string
}

const ENROLL_CONCURRENCY = 8

/**
 * A chain (one tenant) with `storeCount` stores and registers spread evenly over them, each
 * enrolled through the real enrollment route with a reusable per-store code.
 *
 * Enrollment runs before any measured server starts, on an in-process server over the same
 * database whose auth rate limit is raised to fit the run (the default is 20 a minute per IP,
 * and every simulated register enrolls from 127.0.0.1). The measured servers are the unmodified
 * CLI with its default limits; the device tokens are valid there because the JWT secret lives in
 * the database they share.
 */
export async function enrollRegisters(
  target: DatabaseTarget,
  registerCount: number,
  storeCount: number,
): Promise<EnrolledRegister[]> {
  const database = await openDatabase(target)
  try {
    const [tenant] = await database.db
      .insert(tenants)
      .values({ name: 'Load test chain' })
      .returning()
    if (!tenant) throw new Error('tenant insert returned nothing')
    const chain = await database.db
      .insert(stores)
      .values(
        Array.from({ length: storeCount }, (_, index) => ({
          tenantId: tenant.id,
          code: `LOAD-${String(index + 1).padStart(3, '0')}`,
          name: `Load store ${index + 1}`,
        })),
      )
      .returning()
    const codes = await Promise.all(
      chain.map((store) =>
        issueEnrollmentCode(database.db, store.id, { uses: null, ttlMs: 60 * 60 * 1000 }),
      ),
    )
    const config = defaultConfig({
      authRateLimit: { max: registerCount * 2 + 10, windowMs: 60_000 },
    })
    const app = await buildServer({ db: database.db, config, logger: false })
    try {
      const registers: EnrolledRegister[] = []
      const enrollOne = async (index: number) => {
        const storeIndex = index % storeCount
        const deviceId = randomUUID()
        const till = Math.floor(index / storeCount) + 1
        const code = `S${String(storeIndex + 1).padStart(2, '0')}-T${String(till).padStart(2, '0')}`
        const response = await app.inject({
          method: 'POST',
          url: '/api/auth/enroll',
          payload: {
            enrollmentCode: codes[storeIndex]!,
            deviceId,
            name: `Register ${code}`,
            fingerprint: `load-${deviceId}`,
          } satisfies EnrollRequest,
        })
        if (response.statusCode !== 200)
          throw new Error(
            `enrolling register ${index} failed: ${response.statusCode} ${response.body.slice(0, 300)}`,
          )
        const tokens = TokenResponse.parse(response.json())
        registers[index] = {
          index,
          deviceId,
          storeId: tokens.storeId,
          accessToken: tokens.accessToken,
          code,
        }
      }
      let next = 0
      const worker = async () => {
        while (next < registerCount) await enrollOne(next++)
      }
      await Promise.all(Array.from({ length: Math.min(ENROLL_CONCURRENCY, registerCount) }, worker))
      return registers
    } finally {
      await app.close()
    }
  } finally {
    await database.close()
  }
}
