import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { AdminStoreRulesBody } from '../../shared/backoffice/rules'
import type { AdminStoreRulesReply } from '../../shared/backoffice/rules'
import { parseStoreOptions } from '../../shared/store/options'
import { STORE_RULES_ID, StoreRulesData } from '../../shared/sync'
import { findRecord } from '../db/adminCatalogRepository'
import type { Database } from '../db/connection'
import { parseOrThrow, refuseUnstorableValues } from '../http/errors'
import { writeAdminRecord } from './adminCatalog'
import { requireAdmin, requireStoreInScope } from './adminScope'
import type { RouteContext } from './context'

const StoreParams = z.strictObject({ storeId: z.uuid() })

async function currentRules(db: Database, storeId: string): Promise<AdminStoreRulesReply> {
  const row = await findRecord(db, storeId, 'storeRules', STORE_RULES_ID)
  return rulesReply(storeId, row ? { ...row, updatedAt: row.updatedAt.toISOString() } : null)
}

function rulesReply(
  storeId: string,
  record: { version: number; data: unknown; deleted: boolean; updatedAt: string } | null,
): AdminStoreRulesReply {
  const data = record && !record.deleted ? record.data : null
  return {
    storeId,
    version: record?.version ?? 0,
    // Read as registers read them: defaults for anything left out, defaults for a bad record.
    rules: parseStoreOptions(JSON.stringify(data ?? {})),
    updatedAt: record?.updatedAt ?? null,
  }
}

/**
 * A store's rules (approvals, tenders, idle lock, PIN lockout, label prefixes, denominations):
 * one synced record per store. A save is a server-originated change like a catalog save, so
 * every register of the store pulls it. Scope from the session or token; another store is 404.
 */
export function registerAdminRulesRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config } = context
  const rateLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }

  app.get('/api/admin/stores/:storeId/rules', { config: { rateLimit } }, async (request) => {
    const admin = await requireAdmin(db, signer, request)
    const { storeId } = parseOrThrow(StoreParams, request.params, 'path')
    await requireStoreInScope(db, admin, storeId)
    return currentRules(db, storeId)
  })

  app.put('/api/admin/stores/:storeId/rules', { config: { rateLimit } }, async (request) => {
    const admin = await requireAdmin(db, signer, request)
    const { storeId } = parseOrThrow(StoreParams, request.params, 'path')
    await requireStoreInScope(db, admin, storeId)
    refuseUnstorableValues(request.body, 'rules')
    const { baseVersion, ...rules } = parseOrThrow(AdminStoreRulesBody, request.body, 'rules')
    const saved = await writeAdminRecord(context, {
      storeId,
      admin,
      entity: 'storeRules',
      id: STORE_RULES_ID,
      // The shape registers push, checked by the push route's schema.
      data: StoreRulesData.parse(rules),
      baseVersion,
    })
    const reply: AdminStoreRulesReply = {
      ...rulesReply(storeId, saved.record),
      isChanged: saved.isChanged,
    }
    return reply
  })
}
