import { startBenchServer } from './benchServer'
import { seedStoreDirectly } from './serverSeed'

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6
const json = (
  r: string,
) => `'{"entity":' || to_json(${r}.entity)::text || ',"id":' || to_json(${r}.id)::text
  || ',"op":' || CASE WHEN ${r}.deleted THEN '"delete"' ELSE '"upsert"' END || ',"version":' || ${r}.version
  || ',"seq":' || ${r}.seq || ',"hash":' || to_json(${r}.hash)::text || ',"data":' || coalesce(${r}.data::text, 'null')
  || ',"deviceId":' || coalesce(to_json(${r}.last_device_id)::text, 'null') || ',"updatedAt":"'
  || to_char(${r}.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"}'`
const variants: Record<string, string> = {
  current: `SELECT r.seq, ${json('r')} AS json FROM sync_records r WHERE r.store_id = $1 AND r.seq > $2 ORDER BY r.seq LIMIT 5001`,
  pageFirst: `WITH page AS MATERIALIZED (SELECT seq FROM sync_records WHERE store_id = $1 AND seq > $2 ORDER BY seq LIMIT 5001)
    SELECT r.seq, ${json('r')} AS json FROM page JOIN sync_records r ON r.store_id = $1 AND r.seq = page.seq ORDER BY r.seq`,
  bounded: `SELECT r.seq, ${json('r')} AS json FROM sync_records r WHERE r.store_id = $1 AND r.seq > $2
    AND r.seq <= coalesce((SELECT seq FROM sync_records WHERE store_id = $1 AND seq > $2 ORDER BY seq OFFSET 5000 LIMIT 1), 9223372036854775807) ORDER BY r.seq`,
}
const server = await startBenchServer('PostgreSQL')
try {
  const { storeId } = await server.createStore()
  await seedStoreDirectly(server.database, storeId, 100_000, 10_000)
  for (const round of [1, 2]) {
    if (round === 2) await server.database.query('ANALYZE sync_records', [])
    for (const [name, text] of Object.entries(variants)) {
      let since = 0
      let pages = 0
      let bytes = 0
      const t = process.hrtime.bigint()
      for (;;) {
        const result = (await server.database.query(text, [storeId, since])) as {
          rows: { seq: string; json: string }[]
        }
        pages++
        const rows = result.rows
        bytes += rows.reduce((s, r) => s + r.json.length, 0)
        if (rows.length <= 5000) break
        since = Number(rows[4999]!.seq)
      }
      console.log(
        `${round === 2 ? 'analyzed' : 'fresh'} ${name}: ${ms(t).toFixed(0)} ms, ${pages} pages, ${bytes}`,
      )
    }
  }
  const plan = await server.database.query(`EXPLAIN ANALYZE ${variants.pageFirst}`, [storeId, 0])
  console.log(
    (plan as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r)[0]).join('\n'),
  )
} finally {
  await server.stop()
}
