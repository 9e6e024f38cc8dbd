import '../../src/main/nodeVersionGuard'
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import { openDatabase, rowsOf } from '../../src/server/db/connection'
import { selectAuditPage } from '../../src/server/db/auditRepository'
import { selectReportStores } from '../../src/server/db/reportRepository'
import { auditCsv, auditPage } from '../../src/server/reports/audit'
import { AuditQuery } from '../../src/shared/backoffice/audit'
import { compare, printTable, referenceColumns, summarize } from '../stats'
import { startDurableCluster } from '../reports/durableCluster'

/**
 * `npx tsx bench/audit/index.ts [--events 250000] [--stores 5] [--runs 20]`: the back office's
 * audit log over a year of audit events (a quarter of each store's sync records; the rest are
 * orders) on a durable PostgreSQL. Each page is measured beside the same-run reference: the same
 * page read without the audit index (a join of the stores' ranges that PostgreSQL answers with a
 * scan of the store's records), as the route read it before.
 */
function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`)
  if (index < 0) return fallback
  const value = Number(process.argv[index + 1])
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`--${name} expects a positive integer`)
  return value
}

const events = flag('events', 250_000)
const storeCount = flag('stores', 5)
const runs = flag('runs', 20)

const cluster = await startDurableCluster()
const database = await openDatabase({ kind: 'postgres', url: cluster.url, poolSize: 4 })
const { db } = database
try {
  const started = performance.now()
  const [tenant] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into tenants (name) values ('bench') returning id`),
  )
  const storeIds: string[] = []
  for (let index = 0; index < storeCount; index++) {
    const rows = rowsOf<{ id: string }>(
      await db.execute(sql`insert into stores (tenant_id, code, name, time_zone)
        values (${tenant!.id}::uuid, ${`B${index}`}, ${`Store ${index}`}, 'America/New_York') returning id`),
    )
    storeIds.push(rows[0]!.id)
  }
  const perStore = Math.ceil(events / storeCount)
  await db.execute(sql`create sequence sync_records_seq_bench`)
  // Four records per audit event: one event, three orders (not projected: the trigger is a report's cost).
  for (const storeId of storeIds) {
    for (let from = 1; from <= perStore * 4; from += 200_000) {
      const to = Math.min(perStore * 4, from + 199_999)
      await db.execute(sql`
        insert into sync_records (store_id, entity, id, version, seq, hash, data, origin_device_id)
        select ${storeId}::uuid, case when g % 4 = 0 then 'auditEvent' else 'note' end, 'r' || g, 1,
          nextval('sync_records_seq_bench'), 'h',
          jsonb_build_object('id', 'r' || g, 'action',
            case when g % 12 = 0 then 'refund.created' else 'drawer.noSale' end,
            'employeeId', 'e' || (g % 7), 'createdAt',
            to_char((timestamptz '2026-01-01' + ((g::bigint * 525600 / ${perStore * 4}) || ' minutes')::interval)
              at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            'details', jsonb_build_object('reason', 'bench ' || (g % 100), 'totalCents', g % 5000)),
          'bench-device'
        from generate_series(${from}::int, ${to}::int) g`)
    }
  }
  await db.execute(sql`analyze sync_records`)
  const insertSeconds = Math.round((performance.now() - started) / 100) / 10
  const stores = await selectReportStores(db, { tenantId: tenant!.id })

  const time = async (read: () => Promise<unknown>) => {
    const first = performance.now()
    await read()
    const firstRunMs = performance.now() - first
    const samples: number[] = []
    for (let run = 0; run < runs; run++) {
      const start = performance.now()
      await read()
      samples.push(performance.now() - start)
    }
    return { ...summarize(samples), firstRunMs: Math.round(firstRunMs * 10) / 10 }
  }
  const query = (extra: Record<string, string>) =>
    AuditQuery.parse({ from: '2026-06-01', to: '2026-06-07', ...extra })
  /** The page as it was read before the index: one join of the stores' ranges. */
  const withoutIndex = (picked: typeof stores, where: SQL = sql`true`) =>
    db.execute(sql`
      with scope as (
        select id, ('2026-06-01'::date)::timestamp at time zone time_zone as lo,
          ('2026-06-08'::date)::timestamp at time zone time_zone as hi
        from stores where id in (${sql.join(
          picked.map((store) => sql`${store.id}::uuid`),
          sql`, `,
        )}))
      select r.id from scope s join sync_records r on r.store_id = s.id and r.entity = 'auditEvent'
        and audit_at(r.data, r.created_at) >= s.lo and audit_at(r.data, r.created_at) < s.hi
      where not r.deleted and ${where}
      order by audit_at(r.data, r.created_at) desc, r.store_id desc, r.id desc limit 101`)

  const one = stores.slice(0, 1)
  const cases: { name: string; read: () => Promise<unknown>; reference: () => Promise<unknown> }[] =
    [
      {
        name: 'first page (100), 1 store, 7 days',
        read: () =>
          selectAuditPage(db, { stores: one, from: '2026-06-01', to: '2026-06-07', limit: 100 }),
        reference: () => withoutIndex(one),
      },
      {
        name: `first page (100), ${stores.length} stores, 7 days`,
        read: () =>
          selectAuditPage(db, { stores, from: '2026-06-01', to: '2026-06-07', limit: 100 }),
        reference: () => withoutIndex(stores),
      },
      {
        name: `first page in words (names looked up), ${stores.length} stores`,
        read: () => auditPage(db, stores, query({})),
        reference: () => withoutIndex(stores),
      },
      {
        name: `action filter (refund.created), ${stores.length} stores`,
        read: () => auditPage(db, stores, query({ action: 'refund.created' })),
        reference: () => withoutIndex(stores, sql`r.data->>'action' = 'refund.created'`),
      },
    ]
  const rows = []
  for (const item of cases) {
    const measured = await time(item.read)
    const reference = await time(item.reference)
    const compared = compare(measured.p50Ms, {
      name: 'same page without the index, p50',
      value: reference.p50Ms,
      unit: 'ms',
    })
    rows.push({ page: item.name, ...measured, ...referenceColumns(compared) })
  }
  const csv = await time(() =>
    auditCsv(db, stores, query({ from: '2026-01-01', to: '2026-12-31' })),
  )
  rows.push({ page: 'CSV export, 10,000 rows in words', ...csv, reference: '-', ratio: '-' })

  printTable(
    `Audit log: ${(perStore * storeCount).toLocaleString('en-US')} audit events among ${(perStore * storeCount * 4).toLocaleString('en-US')} sync records in ${stores.length} stores over one year, durable PostgreSQL (loaded in ${insertSeconds} s)`,
    rows,
    [cluster.settings.join(' ')],
  )
  console.log('\nJSON')
  console.log(
    JSON.stringify(
      { events: perStore * storeCount, stores: stores.length, settings: cluster.settings, rows },
      null,
      2,
    ),
  )
} finally {
  await database.close()
  await cluster.stop()
}
