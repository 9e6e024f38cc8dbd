import { sql } from 'drizzle-orm'
import type { Executor } from './connection'
import { rowsOf } from './connection'

/**
 * The record-stream projection's SQL (drizzle/server/0008_report_stream_projector.sql): each call
 * of report_project_store is its own transaction and projects at most `limit` order records of
 * one store past its cursor, set-based.
 */

export interface ProjectStep {
  /** Order records projected by this step. */
  projected: number
  /** The store's cursor after the step. */
  seq: number
  /** The store's head when the step read it: the store is current when seq >= head. */
  head: number
}

/** One step for a store; null when another projector holds the store and `wait` is false. */
export async function projectStoreStep(
  db: Executor,
  storeId: string,
  limit: number,
  wait: boolean,
): Promise<ProjectStep | null> {
  const [row] = rowsOf<{ step: ProjectStep | string | null }>(
    await db.execute(
      sql`select report_project_store(${storeId}::uuid, ${limit}::integer, ${wait}::boolean) as step`,
    ),
  )
  const step = row?.step ?? null
  if (step === null) return null
  const parsed: ProjectStep = typeof step === 'string' ? (JSON.parse(step) as ProjectStep) : step
  return { projected: Number(parsed.projected), seq: Number(parsed.seq), head: Number(parsed.head) }
}

/** The cursor tables of the projections kept from the record stream, one row per store. */
export type ProjectionCursorTable = 'report_projection_cursor' | 'stock_projection_cursor'

/** The stores (of `storeIds`, or all) whose projection in `cursors` is behind their head. */
export async function selectStoresBehind(
  db: Executor,
  cursors: ProjectionCursorTable,
  storeIds?: string[],
): Promise<string[]> {
  if (storeIds && storeIds.length === 0) return []
  const only = storeIds
    ? sql`and s.id in (${sql.join(
        storeIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      select s.id::text as id from stores s
      left join ${sql.identifier(cursors)} c on c.store_id = s.id
      where s.head_seq > coalesce(c.seq, 0) ${only}
      order by s.id`),
  )
  return rows.map((row) => row.id)
}

/** The stores (of `storeIds`, or all) whose report projection is behind their head. */
export function selectLaggingStores(db: Executor, storeIds?: string[]): Promise<string[]> {
  return selectStoresBehind(db, 'report_projection_cursor', storeIds)
}

export interface ProjectionFreshness {
  /** True when every order pushed to these stores so far is in the figures. */
  isCurrent: boolean
  /** Every sale committed before this instant is in the figures (ISO 8601). */
  projectedThrough: string
}

/** How fresh the projection of these stores is, read now. */
export async function selectFreshness(
  db: Executor,
  storeIds: string[],
): Promise<ProjectionFreshness> {
  const now = new Date().toISOString()
  if (storeIds.length === 0) return { isCurrent: true, projectedThrough: now }
  const rows = rowsOf<{ isCurrent: boolean; projectedAt: string | Date | null }>(
    await db.execute(sql`
      select s.head_seq <= coalesce(c.seq, 0) as "isCurrent", c.projected_at as "projectedAt"
      from stores s left join report_projection_cursor c on c.store_id = s.id
      where s.id in (${sql.join(
        storeIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`),
  )
  let through = now
  for (const row of rows) {
    if (row.isCurrent) continue
    const at = row.projectedAt ? new Date(row.projectedAt).toISOString() : new Date(0).toISOString()
    if (at < through) through = at
  }
  return { isCurrent: rows.every((row) => row.isCurrent), projectedThrough: through }
}
