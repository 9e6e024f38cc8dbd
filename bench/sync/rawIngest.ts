import { rowsOf, type ServerDatabase } from '../../src/server/db/connection'
import { elapsedMs, summarize, type LatencySummary } from '../stats'

export interface RawIngestResult {
  orders: number
  batchSize: number
  seconds: number
  ordersPerSecond: number
  perBatch: LatencySummary
}

interface StoredRow {
  entity: string
  id: string
  version: number
  seq: string | number
  hash: string
  data: string
  origin_device_id: string | null
  last_device_id: string | null
}

/**
 * The database's ingest ceiling for these orders: the very rows the push stored, written again by
 * plain multi-row INSERTs of `batchSize` rows into a copy of sync_records (same columns, indexes
 * and keys) through the server's own connection. No HTTP, JSON validation, ledger or locking:
 * what is left is what the database itself costs.
 */
export async function measureRawIngest(
  database: ServerDatabase,
  storeId: string,
  batchSize: number,
): Promise<RawIngestResult> {
  const rows = rowsOf<StoredRow>(
    await database.query(
      `SELECT entity, id, version, seq, hash, data::text AS data, origin_device_id, last_device_id
       FROM sync_records WHERE store_id = $1 AND entity = 'order' ORDER BY seq`,
      [storeId],
    ),
  )
  await database.query('DROP TABLE IF EXISTS bench_raw_records', [])
  await database.query('CREATE TABLE bench_raw_records (LIKE sync_records INCLUDING ALL)', [])
  try {
    const batches: number[] = []
    const started = process.hrtime.bigint()
    for (let offset = 0; offset < rows.length; offset += batchSize) {
      const values: unknown[] = []
      const tuples: string[] = []
      for (const row of rows.slice(offset, offset + batchSize)) {
        const at = values.length
        values.push(
          storeId,
          row.entity,
          row.id,
          row.version,
          row.seq,
          row.hash,
          row.data,
          row.origin_device_id,
          row.last_device_id,
        )
        tuples.push(
          `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}::jsonb, $${at + 8}, $${at + 9})`,
        )
      }
      const batchStarted = process.hrtime.bigint()
      await database.query(
        `INSERT INTO bench_raw_records (store_id, entity, id, version, seq, hash, data, origin_device_id, last_device_id) VALUES ${tuples.join(', ')}`,
        values,
      )
      batches.push(elapsedMs(batchStarted))
    }
    const seconds = elapsedMs(started) / 1000
    return {
      orders: rows.length,
      batchSize,
      seconds: round(seconds),
      ordersPerSecond: Math.round(rows.length / seconds),
      perBatch: summarize(batches),
    }
  } finally {
    await database.query('DROP TABLE IF EXISTS bench_raw_records', [])
  }
}

export const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits
