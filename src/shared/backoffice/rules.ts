import { z } from 'zod'
import { StoreOptions, StoreOptionsStrict } from '../store/options'

/**
 * A store's rules in the back office: `GET /api/admin/stores/:storeId/rules` answers the rules
 * (the defaults while nobody has saved any, version 0) and their version; `PUT` with the version
 * it loaded saves a whole new set (409 VERSION_CONFLICT when a newer version is stored). The rules
 * are one synced record per store (entity `storeRules`, id STORE_RULES_ID): every register of the
 * store pulls a save and applies it at its next sync. A tenant admin edits any store of the
 * tenant, a store manager only their stores (any other store is 404).
 */

export const AdminStoreRulesBody = StoreOptionsStrict.extend({
  /** The version the editor loaded: 0 while the store has no saved rules. */
  baseVersion: z.number().int().min(0),
}).strict()
export type AdminStoreRulesBody = z.input<typeof AdminStoreRulesBody>

export const AdminStoreRulesReply = z.object({
  storeId: z.string(),
  /** 0 while the store has no saved rules (the defaults are shown). */
  version: z.number().int().min(0),
  rules: StoreOptions,
  /** When the rules were last saved, from the back office or a register; null for the defaults. */
  updatedAt: z.string().nullable(),
  /** Whether this save changed anything (absent on a read). */
  isChanged: z.boolean().optional(),
})
export type AdminStoreRulesReply = z.infer<typeof AdminStoreRulesReply>

export const rulesPaths = {
  rules: (storeId: string) => `/api/admin/stores/${encodeURIComponent(storeId)}/rules`,
} as const
