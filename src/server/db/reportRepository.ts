import { sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { SalesGroupBy } from '../../shared/backoffice/reports'
import type { Executor } from './connection'
import { rowsOf } from './connection'

/**
 * The reports' SQL: sums over the reporting projection (report_orders, report_order_lines,
 * report_payments, kept from the pushed records by the projector, src/server/reports/projector.ts),
 * never over the JSON records. Names
 * (employees, products, categories, registers) are looked up after the sums, on the few groups.
 */

export interface ReportStore {
  id: string
  name: string
  currency: string
  timeZone: string
}

export interface ReportRange {
  storeIds: string[]
  from: string
  to: string
}

/** The stores of a tenant (or every store, or the given ids), for scope checks and labels. */
export async function selectReportStores(
  db: Executor,
  filter: { tenantId?: string; storeIds?: string[] },
): Promise<ReportStore[]> {
  const conditions: SQL[] = []
  if (filter.tenantId) conditions.push(sql`tenant_id = ${filter.tenantId}::uuid`)
  if (filter.storeIds) conditions.push(storeIn('id', filter.storeIds))
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``
  return rowsOf<ReportStore>(
    await db.execute(
      sql`select id::text as id, name, currency, time_zone as "timeZone" from stores ${where} order by name, id`,
    ),
  )
}

function storeIn(column: string, ids: string[]): SQL {
  if (ids.length === 0) return sql`false`
  return sql`${sql.raw(column)} in (${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`
}

const within = (range: ReportRange, alias: string) =>
  sql`${storeIn(`${alias}.store_id`, range.storeIds)} and ${sql.raw(alias)}.business_day between ${range.from}::date and ${range.to}::date`

const int = (value: unknown) => Number(value ?? 0)

export interface Figures {
  salesCount: number
  refundCount: number
  grossCents: number
  discountCents: number
  refundCents: number
  netCents: number
  taxCents: number
  totalCents: number
}

/** Voided orders are in the rows (the summary counts them) but never in a sum. */
const figureColumns = sql`
  count(*) filter (where kind = 'sale') as "salesCount",
  count(*) filter (where kind = 'refund') as "refundCount",
  coalesce(sum(gross_cents) filter (where kind = 'sale'), 0) as "grossCents",
  coalesce(sum(discount_cents) filter (where kind = 'sale'), 0) as "discountCents",
  coalesce(sum(net_cents) filter (where kind = 'refund'), 0) as "refundCents",
  coalesce(sum(net_cents) filter (where kind <> 'void'), 0) as "netCents",
  coalesce(sum(tax_cents) filter (where kind <> 'void'), 0) as "taxCents",
  coalesce(sum(total_cents) filter (where kind <> 'void'), 0) as "totalCents"`

function figuresOf(row: Record<string, unknown>): Figures {
  return {
    salesCount: int(row.salesCount),
    refundCount: int(row.refundCount),
    grossCents: int(row.grossCents),
    discountCents: int(row.discountCents),
    refundCents: int(row.refundCents),
    netCents: int(row.netCents),
    taxCents: int(row.taxCents),
    totalCents: int(row.totalCents),
  }
}

export interface SummaryFigures extends Figures {
  voidCount: number
  salesTotalCents: number
}

export async function selectSummary(db: Executor, range: ReportRange): Promise<SummaryFigures> {
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select
        ${figureColumns},
        count(*) filter (where kind = 'void') as "voidCount",
        coalesce(sum(total_cents) filter (where kind = 'sale'), 0) as "salesTotalCents"
      from report_orders o
      where ${within(range, 'o')}`),
  )
  return {
    ...figuresOf(row ?? {}),
    voidCount: int(row?.voidCount),
    salesTotalCents: int(row?.salesTotalCents),
  }
}

export async function selectTaxByRate(
  db: Executor,
  range: ReportRange,
): Promise<{ rateBasisPoints: number; taxableCents: number; taxCents: number }[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select tax_rate_basis_points as rate, sum(net_cents) as taxable, sum(tax_cents) as tax
      from report_order_lines l
      where ${within(range, 'l')} and l.kind <> 'void'
      group by tax_rate_basis_points
      order by tax_rate_basis_points`),
  )
  return rows.map((row) => ({
    rateBasisPoints: int(row.rate),
    taxableCents: int(row.taxable),
    taxCents: int(row.tax),
  }))
}

export interface TenderFigures {
  method: string
  label: string
  count: number
  salesCents: number
  refundCents: number
  netCents: number
}

export async function selectTenders(db: Executor, range: ReportRange): Promise<TenderFigures[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select
        method,
        coalesce(max(label), method) as label,
        count(*) as count,
        coalesce(sum(amount_cents) filter (where kind = 'sale'), 0) as sales,
        coalesce(sum(amount_cents) filter (where kind = 'refund'), 0) as refunds,
        coalesce(sum(amount_cents), 0) as net
      from report_payments p
      where ${within(range, 'p')} and p.kind <> 'void'
      group by method
      order by sum(amount_cents) desc, method`),
  )
  return rows.map((row) => ({
    method: String(row.method),
    label: String(row.label),
    count: int(row.count),
    salesCents: int(row.sales),
    refundCents: int(row.refunds),
    netCents: int(row.net),
  }))
}

export interface GroupFigures extends Figures {
  key: string
  label: string
  quantity: string | null
}

/** A record's name in any of the stores (catalog and staff ids are shared across a tenant's stores). */
const recordName = (entity: string, id: SQL, range: ReportRange) =>
  sql`(select r.data->>'name' from sync_records r
       where r.entity = ${entity} and r.id = ${id} and ${storeIn('r.store_id', range.storeIds)}
       order by r.updated_at desc limit 1)`

const orderKeys: Partial<Record<SalesGroupBy, { key: SQL; label: (range: ReportRange) => SQL }>> = {
  day: { key: sql`o.business_day::text`, label: () => sql`g.key` },
  hour: { key: sql`lpad(o.hour::text, 2, '0')`, label: () => sql`g.key || ':00'` },
  employee: {
    key: sql`coalesce(o.employee_id, '')`,
    label: (range) => sql`coalesce(${recordName('employee', sql`g.key`, range)}, g.key)`,
  },
  register: {
    key: sql`coalesce(o.device_id, '')`,
    label: () => sql`coalesce((select d.name from devices d where d.id::text = g.key), g.key)`,
  },
  store: {
    key: sql`o.store_id::text`,
    label: () => sql`coalesce((select s.name from stores s where s.id::text = g.key), g.key)`,
  },
}

export async function selectSalesBy(
  db: Executor,
  range: ReportRange,
  groupBy: SalesGroupBy,
): Promise<GroupFigures[]> {
  if (groupBy === 'item') return selectSalesByItem(db, range)
  if (groupBy === 'category') return selectSalesByCategory(db, range)
  const spec = orderKeys[groupBy]
  if (!spec) throw new Error(`no grouping ${groupBy}`)
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with g as (
        select ${spec.key} as key, ${figureColumns}
        from report_orders o
        where ${within(range, 'o')} and o.kind <> 'void'
        group by 1
      )
      select g.*, ${spec.label(range)} as label from g order by g.key`),
  )
  return rows.map((row) => ({
    ...figuresOf(row),
    key: String(row.key),
    label: String(row.label ?? row.key),
    quantity: null,
  }))
}

const lineFigureColumns = sql`${figureColumns}, sum(quantity) as quantity`

async function selectSalesByItem(db: Executor, range: ReportRange): Promise<GroupFigures[]> {
  // Names are looked up per group (the product record, else one of its lines), not aggregated
  // over every line: a text max() over millions of lines costs more than the sums.
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with g as (
        select coalesce(l.product_id, '') as key, ${lineFigureColumns}
        from report_order_lines l
        where ${within(range, 'l')} and l.kind <> 'void'
        group by 1
      )
      select g.*, coalesce(
        ${recordName('product', sql`g.key`, range)},
        (select n.name from report_order_lines n
          where ${within(range, 'n')} and coalesce(n.product_id, '') = g.key and n.name is not null
          limit 1),
        g.key) as label
      from g order by g."netCents" desc, g.key`),
  )
  return rows.map(groupRow)
}

async function selectSalesByCategory(db: Executor, range: ReportRange): Promise<GroupFigures[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with per_product as (
        select l.store_id, l.product_id,
          count(*) filter (where kind = 'sale') as sales_count,
          count(*) filter (where kind = 'refund') as refund_count,
          coalesce(sum(gross_cents) filter (where kind = 'sale'), 0) as gross,
          coalesce(sum(discount_cents) filter (where kind = 'sale'), 0) as discount,
          coalesce(sum(net_cents) filter (where kind = 'refund'), 0) as refund,
          coalesce(sum(net_cents), 0) as net,
          coalesce(sum(tax_cents), 0) as tax,
          coalesce(sum(total_cents), 0) as total,
          sum(quantity) as quantity
        from report_order_lines l
        where ${within(range, 'l')} and l.kind <> 'void'
        group by 1, 2
      ), g as (
        select coalesce(p.data->>'categoryId', '') as key,
          sum(sales_count) as "salesCount", sum(refund_count) as "refundCount",
          sum(gross) as "grossCents", sum(discount) as "discountCents", sum(refund) as "refundCents",
          sum(net) as "netCents", sum(tax) as "taxCents", sum(total) as "totalCents",
          sum(quantity) as quantity
        from per_product pp
        left join sync_records p
          on p.store_id = pp.store_id and p.entity = 'product' and p.id = pp.product_id
        group by 1
      )
      select g.*, coalesce(${recordName('category', sql`g.key`, range)}, g.key) as label
      from g order by g."netCents" desc, g.key`),
  )
  return rows.map(groupRow)
}

function groupRow(row: Record<string, unknown>): GroupFigures {
  return {
    ...figuresOf(row),
    key: String(row.key),
    label: String(row.label ?? row.key),
    quantity: row.quantity === null || row.quantity === undefined ? '0' : String(row.quantity),
  }
}

export interface RefundOrVoidRow {
  storeId: string
  storeName: string
  orderId: string
  orderNumber: string | null
  kind: 'refund' | 'void'
  businessDay: string
  completedAt: string
  register: string | null
  employee: string | null
  totalCents: number
  refundOfOrderId: string | null
  reason: string | null
}

export async function selectRefundsAndVoids(
  db: Executor,
  range: ReportRange,
  limit: number,
): Promise<RefundOrVoidRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select o.store_id::text as "storeId", s.name as "storeName", o.order_id as "orderId",
        o.order_number as "orderNumber", o.kind, o.business_day::text as "businessDay",
        o.completed_at as "completedAt", d.name as register,
        (select e.data->>'name' from sync_records e
          where e.store_id = o.store_id and e.entity = 'employee' and e.id = o.employee_id) as employee,
        o.total_cents as "totalCents", o.refund_of_order_id as "refundOfOrderId",
        o.refund_reason as reason
      from report_orders o
      join stores s on s.id = o.store_id
      left join devices d on d.id::text = o.device_id
      where ${within(range, 'o')} and o.kind in ('refund', 'void')
      order by o.completed_at, o.order_id
      limit ${limit}`),
  )
  return rows.map((row) => ({
    storeId: String(row.storeId),
    storeName: String(row.storeName),
    orderId: String(row.orderId),
    orderNumber: (row.orderNumber as string | null) ?? null,
    kind: row.kind === 'void' ? 'void' : 'refund',
    businessDay: String(row.businessDay),
    completedAt: new Date(row.completedAt as string | Date).toISOString(),
    register: (row.register as string | null) ?? null,
    employee: (row.employee as string | null) ?? null,
    totalCents: int(row.totalCents),
    refundOfOrderId: (row.refundOfOrderId as string | null) ?? null,
    reason: (row.reason as string | null) ?? null,
  }))
}

export interface ShiftRecordRow {
  storeId: string
  storeName: string
  shiftId: string
  register: string | null
  data: Record<string, unknown>
  businessDay: string
  openedBy: string | null
}

/** Shifts opened within the range (a few per register per day: read from the records). */
export async function selectShifts(
  db: Executor,
  range: ReportRange,
  limit: number,
): Promise<ShiftRecordRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select * from (
        select r.store_id::text as "storeId", s.name as "storeName", r.id as "shiftId",
          coalesce(d.name, r.data->>'registerCode') as register, r.data,
          (coalesce(report_parse_ts(r.data->>'openedAt'), r.created_at) at time zone s.time_zone)::date::text
            as "businessDay",
          (select e.data->>'name' from sync_records e where e.store_id = r.store_id
            and e.entity = 'employee' and e.id = r.data->>'employeeId') as "openedBy"
        from sync_records r
        join stores s on s.id = r.store_id
        left join devices d on d.id::text = coalesce(r.data->>'deviceId', r.origin_device_id)
        where ${storeIn('r.store_id', range.storeIds)} and r.entity = 'shift' and not r.deleted
      ) x
      where x."businessDay" between ${range.from} and ${range.to}
      order by x."businessDay", x."shiftId"
      limit ${limit}`),
  )
  return rows.map((row) => ({
    storeId: String(row.storeId),
    storeName: String(row.storeName),
    shiftId: String(row.shiftId),
    register: (row.register as string | null) ?? null,
    data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<
      string,
      unknown
    >,
    businessDay: String(row.businessDay),
    openedBy: (row.openedBy as string | null) ?? null,
  }))
}

/** Rebuilds the projection from the records (all stores, or one): the backfill, set-based. */
export async function rebuildReportProjection(db: Executor, storeId?: string): Promise<number> {
  const [row] = rowsOf<{ projected: unknown }>(
    await db.execute(sql`select report_rebuild(${storeId ?? null}::uuid) as projected`),
  )
  return int(row?.projected)
}
