import { startBenchServer } from './benchServer'
import { seedStoreDirectly } from './serverSeed'

/*
 * The pull page query, the way it was and the way pullChangesJson (src/server/sync/pull.ts) now
 * bounds it, over a whole first sync of 100k products + 10k orders: once right after the store is
 * filled (its statistics not yet refreshed, as after a first import) and once after ANALYZE.
 *
 *   npx tsx bench/sync/queryVariants.ts
 */

const json = `'{"entity":' || to_json(entity)::text || ',"id":' || to_json(id)::text
  || ',"op":' || CASE WHEN deleted THEN '"delete"' ELSE '"upsert"' END || ',"version":' || version
  || ',"seq":' || seq || ',"hash":' || to_json(hash)::text || ',"data":' || coalesce(data::text, 'null')
  || ',"deviceId":' || coalesce(to_json(last_device_id)::text, 'null') || ',"updatedAt":"'
  || to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"}'`
const variants: Record<string, string> = {
  'unbounded (before)': `SELECT seq, ${json} AS json FROM sync_records
    WHERE store_id = $1 AND seq > $2 ORDER BY seq LIMIT 5001`,
  'bounded by the 5001st seq (now)': `SELECT seq, ${json} AS json FROM sync_records
    WHERE store_id = $1 AND seq > $2 AND seq <= coalesce((SELECT seq FROM sync_records
      WHERE store_id = $1 AND seq > $2 ORDER BY seq OFFSET 5000 LIMIT 1), 9223372036854775807)
    ORDER BY seq LIMIT 5001`,
}

const server = await startBenchServer('PostgreSQL')
try {
  const { storeId } = await server.createStore()
  await seedStoreDirectly(server.database, storeId, 100_000, 10_000)
  for (const statistics of ['fresh', 'analyzed']) {
    if (statistics === 'analyzed') await server.database.query('ANALYZE sync_records', [])
    for (const [name, text] of Object.entries(variants)) {
      let since = 0
      let pages = 0
      const started = process.hrtime.bigint()
      for (;;) {
        const result = (await server.database.query(text, [storeId, since])) as {
          rows: { seq: string }[]
        }
        pages++
        if (result.rows.length <= 5000) break
        since = Number(result.rows[4999]!.seq)
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      console.log(`${statistics.padEnd(9)} ${name.padEnd(32)} ${ms.toFixed(0)} ms, ${pages} pages`)
    }
  }
} finally {
  await server.stop()
}
