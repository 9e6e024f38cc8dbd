import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'

/**
 * Bulk data for the report bench, generated inside PostgreSQL (INSERT … SELECT generate_series):
 * order records in sync_records exactly as registers push them (1–3 lines at 0 % or 8.25 %, a
 * discount on one order in ten, split tenders on one in five, a refund in twenty, a void in a
 * hundred, spread over one year), then the reporting projection built by the same set-based
 * backfill the migration runs (report_rebuild).
 */

export type Query = (
  text: string,
  values?: unknown[],
) => Promise<{ rows: Record<string, unknown>[] }>

export const BENCH_YEAR = { from: '2025-01-01', to: '2025-12-31' }
const ZONES = ['America/New_York', 'Europe/London', 'Asia/Dubai', 'Asia/Tokyo', 'UTC']
const PRODUCTS = 200
const CATEGORIES = 10
const EMPLOYEES = 10
const ORDER_SEQ_BASE = 1000

export interface Generated {
  tenantId: string
  storeIds: string[]
  orders: number
  orderLines: number
  insertSeconds: number
  backfillSeconds: number
}

export const ORDERS_SQL = `
INSERT INTO sync_records (store_id, entity, id, version, seq, hash, data, origin_device_id, last_device_id)
SELECT $1::uuid, 'order', 'o-' || g, 1, ${ORDER_SEQ_BASE} + g, md5(g::text),
  jsonb_build_object(
    'order', jsonb_build_object(
      'id', 'o-' || g,
      'orderNumber', 'B-' || g,
      'status', CASE WHEN g % 100 = 7 THEN 'VOIDED' ELSE 'COMPLETED' END,
      'kind', CASE WHEN x.sign < 0 THEN 'REFUND' ELSE 'SALE' END,
      'subtotalCents', t.net, 'discountCents', t.discount, 'taxCents', t.tax,
      'totalCents', t.net + t.tax, 'currency', 'USD',
      'createdAt', to_char(x.ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'employeeId', 'e-' || (g % ${EMPLOYEES})),
    'items', t.items,
    'payments', CASE
      WHEN g % 5 = 0 THEN jsonb_build_array(
        jsonb_build_object('id', 'o-' || g || '-p1', 'method', 'card', 'tenderId', 'card', 'label', 'Card', 'amountCents', (t.net + t.tax) / 2),
        jsonb_build_object('id', 'o-' || g || '-p2', 'method', 'cash', 'tenderId', 'cash', 'label', 'Cash', 'amountCents', (t.net + t.tax) - (t.net + t.tax) / 2))
      ELSE jsonb_build_array(jsonb_build_object('id', 'o-' || g || '-p1',
        'method', CASE WHEN g % 3 = 0 THEN 'card' ELSE 'cash' END,
        'label', CASE WHEN g % 3 = 0 THEN 'Card' ELSE 'Cash' END, 'amountCents', t.net + t.tax))
    END),
  $2, $2
FROM generate_series($4::int + 1, $4::int + $3::int) g
CROSS JOIN LATERAL (
  SELECT timestamptz '2025-01-01 00:00:00+00' + ((g::bigint * 7919) % 31536000) * interval '1 second' AS ts,
    CASE WHEN g % 20 = 3 THEN -1 ELSE 1 END AS sign
) x
CROSS JOIN LATERAL (
  SELECT jsonb_agg(jsonb_build_object(
      'id', 'o-' || g || '-' || l.i, 'productId', 'p-' || l.p, 'name', 'Product ' || l.p,
      'quantity', l.q, 'unitPriceCents', l.price, 'taxRateBasisPoints', l.rate,
      'discountCents', l.d, 'netCents', l.net, 'taxCents', l.tax, 'totalCents', l.net + l.tax)) AS items,
    sum(l.net)::bigint AS net, sum(l.d)::bigint AS discount, sum(l.tax)::bigint AS tax
  FROM (
    SELECT i, p, q, price, rate, d,
      x.sign * (price * q - d) AS net,
      x.sign * round((price * q - d) * rate / 10000.0)::bigint AS tax
    FROM generate_series(1, 1 + g % 3) i
    CROSS JOIN LATERAL (SELECT (g * 31 + i * 17) % ${PRODUCTS} AS p) pp
    CROSS JOIN LATERAL (SELECT 1 + (g + i) % 2 AS q, 100 + pp.p * 10 AS price,
      CASE WHEN pp.p % 4 = 0 THEN 0 ELSE 825 END AS rate,
      CASE WHEN g % 10 = 0 AND i = 1 THEN 50 ELSE 0 END AS d) v
  ) l
) t`

const CATALOG_SQL = `
INSERT INTO sync_records (store_id, entity, id, version, seq, hash, data)
SELECT $1::uuid, 'product', 'p-' || p, 1, 1 + p, md5('p' || p),
  jsonb_build_object('id', 'p-' || p, 'name', 'Product ' || p, 'priceCents', 100 + p * 10,
    'categoryId', 'c-' || (p % ${CATEGORIES}))
FROM generate_series(0, ${PRODUCTS - 1}) p
UNION ALL
SELECT $1::uuid, 'category', 'c-' || c, 1, 1 + ${PRODUCTS} + c, md5('c' || c),
  jsonb_build_object('id', 'c-' || c, 'name', 'Category ' || c)
FROM generate_series(0, ${CATEGORIES - 1}) c
UNION ALL
SELECT $1::uuid, 'employee', 'e-' || e, 1, 1 + ${PRODUCTS + CATEGORIES} + e, md5('e' || e),
  jsonb_build_object('id', 'e-' || e, 'name', 'Employee ' || e, 'role', 'cashier')
FROM generate_series(0, ${EMPLOYEES - 1}) e`

/**
 * The in-transaction way, for comparison: the statement-level triggers of migration 0006 (one
 * set-based INSERT … SELECT per table per statement, from the transition tables), dropped by 0008
 * when the projection moved to the record stream. Their functions are still in the database.
 */
const PROJECTION_TRIGGERS = [
  `CREATE TRIGGER report_order_inserted AFTER INSERT ON sync_records
   REFERENCING NEW TABLE AS report_new FOR EACH STATEMENT EXECUTE FUNCTION report_project_inserted()`,
  `CREATE TRIGGER report_order_updated AFTER UPDATE ON sync_records
   REFERENCING OLD TABLE AS report_old NEW TABLE AS report_new
   FOR EACH STATEMENT EXECUTE FUNCTION report_project_updated()`,
  `CREATE TRIGGER report_order_deleted AFTER DELETE ON sync_records
   REFERENCING OLD TABLE AS report_old FOR EACH STATEMENT EXECUTE FUNCTION report_project_deleted()`,
]

export async function setProjectionTriggers(query: Query, isEnabled: boolean): Promise<void> {
  for (const name of ['report_order_inserted', 'report_order_updated', 'report_order_deleted'])
    await query(`DROP TRIGGER IF EXISTS ${name} ON sync_records`)
  if (isEnabled) for (const statement of PROJECTION_TRIGGERS) await query(statement)
}

export async function generateOrders(
  query: Query,
  options: { orders: number; stores: number; log: (line: string) => void },
): Promise<Generated> {
  const { rows } = await query(`INSERT INTO tenants (name) VALUES ('report bench') RETURNING id`)
  const tenantId = String(rows[0]!.id)
  const perStore = Math.floor(options.orders / options.stores)
  const storeIds: string[] = []
  for (let index = 0; index < options.stores; index += 1) {
    const inserted = await query(
      `INSERT INTO stores (tenant_id, code, name, time_zone, head_seq) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [
        tenantId,
        `RB${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
        `Bench store ${index + 1}`,
        ZONES[index % ZONES.length],
        ORDER_SEQ_BASE + perStore,
      ],
    )
    storeIds.push(String(inserted.rows[0]!.id))
  }

  // The projection is built once after the bulk insert, set-based, as the migration's backfill
  // (which also moves the projector's cursors to the heads).
  const insertStarted = performance.now()
  for (const [index, storeId] of storeIds.entries()) {
    await query(CATALOG_SQL, [storeId])
    await query(ORDERS_SQL, [storeId, `bench-device-${index}`, perStore, 0])
    options.log(`  store ${index + 1}/${storeIds.length}: ${perStore} orders inserted`)
  }
  const insertSeconds = (performance.now() - insertStarted) / 1000

  const backfillStarted = performance.now()
  await query('SELECT report_rebuild(NULL)')
  const backfillSeconds = (performance.now() - backfillStarted) / 1000
  await query('VACUUM ANALYZE report_orders')
  await query('VACUUM ANALYZE report_order_lines')
  await query('VACUUM ANALYZE report_payments')
  await query('ANALYZE sync_records')
  const lines = await query('SELECT count(*)::bigint AS n FROM report_order_lines')
  return {
    tenantId,
    storeIds,
    orders: perStore * storeIds.length,
    orderLines: Number(lines.rows[0]!.n),
    insertSeconds: Number(insertSeconds.toFixed(1)),
    backfillSeconds: Number(backfillSeconds.toFixed(1)),
  }
}
