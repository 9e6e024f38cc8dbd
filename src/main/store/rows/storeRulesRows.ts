import type { ReadWireRecord, WireRecord } from '../../../shared/sync/wireRecords'
import type { storeRules } from '../schema'
import { parseJson, type SyncMeta } from './syncRow'

type StoreRulesRow = typeof storeRules.$inferSelect

/** The rules travel as the record's data itself (no id or timestamps inside it). */
export const storeRulesToWire = (row: StoreRulesRow): WireRecord<'storeRules'> =>
  parseJson<WireRecord<'storeRules'>>(row.options, {})

export function storeRulesToRow(
  rules: ReadWireRecord<'storeRules'>,
  meta: SyncMeta,
): StoreRulesRow {
  return { ...meta, options: JSON.stringify(rules) }
}
