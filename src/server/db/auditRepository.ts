import { sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { AuditCursor } from '../../shared/backoffice/audit'
import type { Executor } from './connection'
import { rowsOf } from './connection'
import type { ReportStore } from './reportRepository'

/**
 * The audit log's SQL: audit events are `auditEvent` sync records, read by store and by when
 * they happened through sync_records_audit_idx (migration 0007), newest first, a keyset page at
 * a time. The names the sentences need are looked up afterwards, for the page's ids only.
 */

export interface AuditFilter {
  stores: ReportStore[]
  from: string
  to: string
  action?: string
  employeeId?: string
  registerId?: string
  q?: string
  cursor?: AuditCursor
  limit: number
}

export interface AuditRecord {
  storeId: string
  id: string
  data: Record<string, unknown>
  deviceId: string | null
  /** The instant to the microsecond, UTC ("2026-06-10T14:05:00.000000Z"), as the cursor keeps it. */
  at: string
  /** The same instant in the store's time zone ("2026-06-10 10:05"). */
  local: string
}

const textList = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )

/** `%` and `_` typed in the search box are searched for as themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`

const AT = sql`audit_at(r.data, r.created_at)`

function conditionsOf(filter: AuditFilter): SQL[] {
  const conditions: SQL[] = [sql`not r.deleted`, sql`r.data is not null`]
  if (filter.action) conditions.push(sql`r.data->>'action' = ${filter.action}`)
  if (filter.employeeId)
    conditions.push(
      sql`(r.data->>'employeeId' = ${filter.employeeId} or r.data->>'approvedBy' = ${filter.employeeId})`,
    )
  if (filter.registerId) conditions.push(sql`r.origin_device_id = ${filter.registerId}`)
  if (filter.q) {
    const pattern = likePattern(filter.q)
    conditions.push(sql`(
      r.data->>'action' ilike ${pattern}
      or (r.data->'details')::text ilike ${pattern}
      or exists (
        select 1 from sync_records e
        where e.store_id = r.store_id and e.entity = 'employee'
          and e.id in (r.data->>'employeeId', r.data->>'approvedBy')
          and e.data->>'name' ilike ${pattern})
      or exists (
        select 1 from devices d
        where d.id::text = r.origin_device_id and d.name ilike ${pattern}))`)
  }
  return conditions
}

/**
 * Where a store's part of a page starts: before the cursor in (instant, store, id) order. The
 * instant bound is what the index scan seeks to; the exact tuple filters the few rows at it.
 */
function afterCursor(storeId: string, cursor: AuditCursor | undefined): SQL[] {
  if (!cursor) return []
  const at = sql`${cursor.at}::timestamptz`
  if (storeId > cursor.storeId) return [sql`${AT} < ${at}`]
  if (storeId < cursor.storeId) return [sql`${AT} <= ${at}`]
  return [sql`${AT} <= ${at}`, sql`(${AT}, r.id) < (${at}, ${cursor.id})`]
}

const ISO_UTC = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'

/**
 * One page of audit events (newest first), `limit + 1` read to know whether more follow. Each
 * store's business days become an instant range first (its time zone), so each store's part is a
 * backward scan of sync_records_audit_idx from its range's end; the parts are merged here.
 */
export async function selectAuditPage(db: Executor, filter: AuditFilter): Promise<AuditRecord[]> {
  if (filter.stores.length === 0) return []
  const storeIds = sql.join(
    filter.stores.map((store) => sql`${store.id}::uuid`),
    sql`, `,
  )
  const ranges = rowsOf<AuditRange>(
    await db.execute(sql`
      select id::text as id, time_zone as "timeZone",
        to_char((${filter.from}::date)::timestamp at time zone time_zone at time zone 'UTC', ${ISO_UTC}) as lo,
        to_char(((${filter.to}::date) + 1)::timestamp at time zone time_zone at time zone 'UTC', ${ISO_UTC}) as hi
      from stores where id in (${storeIds})`),
  )
  return rowsOf<AuditRecord>(await db.execute(auditPageSql(ranges, filter)))
}

export interface AuditRange {
  id: string
  timeZone: string
  /** The store's first business day's start and the day after its last, as UTC instants. */
  lo: string
  hi: string
}

/** The page's statement for stores' instant ranges (exported so a test can EXPLAIN it). */
export function auditPageSql(ranges: readonly AuditRange[], filter: AuditFilter): SQL {
  const shared = conditionsOf(filter)
  const parts = ranges.map(
    (range) => sql`(
      select r.store_id, r.id, r.data, r.origin_device_id, ${AT} as at_ts, ${range.timeZone}::text as zone
      from sync_records r
      where r.store_id = ${range.id}::uuid and r.entity = 'auditEvent'
        and ${AT} >= ${range.lo}::timestamptz and ${AT} < ${range.hi}::timestamptz
        and ${sql.join([...shared, ...afterCursor(range.id, filter.cursor)], sql` and `)}
      order by ${AT} desc, r.id desc
      limit ${filter.limit + 1})`,
  )
  return sql`
      select store_id::text as "storeId", id, data, origin_device_id as "deviceId",
        to_char(at_ts at time zone 'UTC', ${ISO_UTC}) as at,
        to_char(at_ts at time zone zone, 'YYYY-MM-DD HH24:MI') as local
      from (${sql.join(parts, sql` union all `)}) page
      order by at_ts desc, store_id desc, id desc
      limit ${filter.limit + 1}`
}

export interface AuditNames {
  employees: { storeId: string; id: string; name: string; role: string | null }[]
  registers: { id: string; name: string }[]
  products: { storeId: string; id: string; name: string }[]
  orders: { storeId: string; id: string; orderNumber: string }[]
}

/** The names behind a page's ids: employees, registers, products and order numbers. */
export async function selectAuditNames(
  db: Executor,
  ids: { storeIds: string[]; employees: string[]; registers: string[]; records: string[] },
): Promise<AuditNames> {
  const names: AuditNames = { employees: [], registers: [], products: [], orders: [] }
  if (ids.storeIds.length === 0) return names
  const stores = sql.join(
    ids.storeIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )
  if (ids.employees.length > 0)
    names.employees = rowsOf(
      await db.execute(sql`
        select store_id::text as "storeId", id, data->>'name' as name, data->>'role' as role
        from sync_records
        where store_id in (${stores}) and entity = 'employee' and id in (${textList(ids.employees)})
          and data->>'name' is not null`),
    )
  if (ids.registers.length > 0)
    names.registers = rowsOf(
      await db.execute(sql`
        select id::text as id, name from devices where id::text in (${textList(ids.registers)})`),
    )
  if (ids.records.length > 0) {
    names.products = rowsOf(
      await db.execute(sql`
        select store_id::text as "storeId", id, data->>'name' as name
        from sync_records
        where store_id in (${stores}) and entity = 'product' and id in (${textList(ids.records)})
          and data->>'name' is not null`),
    )
    names.orders = rowsOf(
      await db.execute(sql`
        select store_id::text as "storeId", id, data->'order'->>'orderNumber' as "orderNumber"
        from sync_records
        where store_id in (${stores}) and entity = 'order' and id in (${textList(ids.records)})
          and data->'order'->>'orderNumber' is not null`),
    )
  }
  return names
}
