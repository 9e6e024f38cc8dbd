import type Database from 'better-sqlite3'
import type { StockMovementKind } from '../../shared/sync/inventoryEntities'
import type { RegisterDb } from './database'
import { enqueueMutation } from './outboxRepository'
import type { InventoryDocumentEntity } from './rows/inventoryRows'

/*
 * The Stock screen's reads and writes of the inventory documents (kept as their synced JSON) and
 * the movements that belong to them. What was received of a purchase order or a transfer is never
 * stored on it: it is summed here from the movements whose refId is the document's id.
 */

const documentTables = {
  supplier: 'suppliers',
  supplierProduct: 'supplier_products',
  purchaseOrder: 'purchase_orders',
  stockCount: 'stock_counts',
  stockTransfer: 'stock_transfers',
  supplierInvoice: 'supplier_invoices',
} as const satisfies Record<InventoryDocumentEntity, string>

function prepare(sqlite: Database.Database) {
  const perTable = (table: string) => ({
    live: sqlite.prepare(`SELECT id, data FROM ${table} WHERE deleted_at IS NULL ORDER BY id`),
    byId: sqlite.prepare(`SELECT id, data FROM ${table} WHERE id = ? AND deleted_at IS NULL`),
    // A record edited here keeps the version and hash the server last confirmed: the push sends
    // it as the base version, so an edit made elsewhere meanwhile is a conflict, not overwritten.
    save: sqlite.prepare(
      `INSERT INTO ${table} (id, device_id, sync_version, server_hash, sync_status, updated_at, deleted_at, data)
       VALUES (@id, @deviceId, 1, NULL, 'PENDING', @now, NULL, @data)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data, sync_status = 'PENDING',
         updated_at = excluded.updated_at, deleted_at = NULL`,
    ),
  })
  return {
    tables: Object.fromEntries(
      Object.entries(documentTables).map(([entity, table]) => [entity, perTable(table)]),
    ) as Record<InventoryDocumentEntity, ReturnType<typeof perTable>>,
    movedByRef: sqlite.prepare(
      `SELECT m.ref_id AS refId, json_extract(l.value, '$.productId') AS productId,
         coalesce(json_extract(l.value, '$.variantId'), '') AS variantId,
         sum(round(json_extract(l.value, '$.quantity') * 1000)) AS milli
       FROM stock_movements m, json_each(m.lines) l
       WHERE m.kind = ? AND m.deleted_at IS NULL AND m.ref_id IN (SELECT value FROM json_each(?))
       GROUP BY 1, 2, 3`,
    ),
    // Newest first through the created_at index; the product's id is found in the lines' JSON
    // text first (cheap), then each line is read exactly.
    history: sqlite.prepare(
      `SELECT m.id AS movementId, m.kind, m.reason, m.ref_id AS refId, m.note, m.created_at AS createdAt,
         m.employee_id AS employeeId, e.name AS employeeName, m.lines
       FROM stock_movements m LEFT JOIN employees e ON e.id = m.employee_id
       WHERE m.deleted_at IS NULL AND instr(m.lines, @productId) > 0
         AND (@variantId IS NULL OR instr(m.lines, @variantId) > 0)
       ORDER BY m.created_at DESC, m.id DESC LIMIT @limit`,
    ),
    getValue: sqlite.prepare('SELECT value FROM local_values WHERE key = ?').pluck(),
    setValue: sqlite.prepare(
      `INSERT INTO local_values (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ),
  }
}

type Statements = ReturnType<typeof prepare>
const cache = new WeakMap<Database.Database, Statements>()

function statementsOf(db: RegisterDb): Statements {
  let statements = cache.get(db.$client)
  if (!statements) {
    statements = prepare(db.$client)
    cache.set(db.$client, statements)
  }
  return statements
}

export interface StoredDocument {
  id: string
  /** The record's data as synced (parsed JSON, not yet checked against its schema). */
  data: unknown
}

function parsed(row: { id: string; data: string }): StoredDocument | null {
  try {
    return { id: row.id, data: JSON.parse(row.data) as unknown }
  } catch {
    return null
  }
}

/** Every live document of one kind. */
export function listDocuments(db: RegisterDb, entity: InventoryDocumentEntity): StoredDocument[] {
  const rows = statementsOf(db).tables[entity].live.all() as { id: string; data: string }[]
  return rows.flatMap((row) => parsed(row) ?? [])
}

export function documentById(
  db: RegisterDb,
  entity: InventoryDocumentEntity,
  id: string,
): StoredDocument | null {
  const row = statementsOf(db).tables[entity].byId.get(id) as
    { id: string; data: string } | undefined
  return row ? parsed(row) : null
}

/**
 * Writes a document made or edited on this register (already checked against its schema) and
 * queues it for the server, in the caller's transaction.
 */
export function saveDocument(
  db: RegisterDb,
  entity: InventoryDocumentEntity,
  record: { id: string },
  deviceId: string,
  now: string,
): void {
  statementsOf(db).tables[entity].save.run({
    id: record.id,
    deviceId,
    now,
    data: JSON.stringify(record),
  })
  enqueueMutation(db, entity, record.id, now)
}

/** `${productId}\u0000${variantId ?? ''}`: one product or variant. */
export const itemKey = (productId: string, variantId: string | null | undefined) =>
  `${productId}\u0000${variantId ?? ''}`

/**
 * What movements of one kind moved per document (refId) and item, in thousandths: received of a
 * purchase order (RECEIPT), received of a transfer (TRANSFER_IN).
 */
export function movedByRef(
  db: RegisterDb,
  kind: StockMovementKind,
  refIds: readonly string[],
): Map<string, Map<string, number>> {
  const moved = new Map<string, Map<string, number>>()
  if (refIds.length === 0) return moved
  const rows = statementsOf(db).movedByRef.all(kind, JSON.stringify(refIds)) as {
    refId: string
    productId: string
    variantId: string
    milli: number
  }[]
  for (const row of rows) {
    const byItem = moved.get(row.refId) ?? new Map<string, number>()
    byItem.set(itemKey(row.productId, row.variantId), row.milli)
    moved.set(row.refId, byItem)
  }
  return moved
}

export interface HistoryRow {
  movementId: string
  kind: StockMovementKind
  reason: string | null
  refId: string | null
  note: string | null
  createdAt: string
  employeeId: string | null
  employeeName: string | null
  /** The movement's lines as stored (JSON). */
  lines: string
}

/** Movements whose lines mention this product, newest first (the caller reads the lines). */
export function movementsMentioning(
  db: RegisterDb,
  productId: string,
  variantId: string | null,
  limit: number,
): HistoryRow[] {
  return statementsOf(db).history.all({ productId, variantId, limit }) as HistoryRow[]
}

/** A value this register keeps for itself (JSON), or null. */
export function localValue(db: RegisterDb, key: string): unknown {
  const value = statementsOf(db).getValue.get(key) as string | undefined
  if (value === undefined) return null
  try {
    return JSON.parse(value) as unknown
  } catch {
    return null
  }
}

export function setLocalValue(db: RegisterDb, key: string, value: unknown, now: string): void {
  statementsOf(db).setValue.run(key, JSON.stringify(value), now)
}
