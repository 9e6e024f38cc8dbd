import type Database from 'better-sqlite3'
import { toMilli, type StockMovementData } from '../../shared/sync/inventoryEntities'
import type { RegisterDb } from './database'
import { enqueueMutation } from './outboxRepository'
import { stockMovementToRow } from './rows/inventoryRows'
import type { SyncMeta } from './rows/syncRow'
import { stockMovements } from './schema'
import { prepareRowWriter } from './tableStatements'

/*
 * Stock on the register: movements are stored once each, and stock_levels (on hand in integer
 * thousandths per product and variant) is moved in the same transaction as the movement row is
 * written. The movement's id is what makes it idempotent: a movement already stored (this
 * register's own coming back from the server, a page pulled twice) never moves stock again.
 */

type MovementLines = StockMovementData['lines']

function prepare(sqlite: Database.Database) {
  return {
    insertMovement: prepareRowWriter(sqlite, stockMovements),
    upsertMovement: prepareRowWriter(sqlite, stockMovements, { upsert: true }),
    movementState: sqlite.prepare(
      'SELECT deleted_at AS deletedAt, lines FROM stock_movements WHERE id = ?',
    ),
    addLevel: sqlite.prepare(
      `INSERT INTO stock_levels (product_id, variant_id, on_hand_milli, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (product_id, variant_id) DO UPDATE
       SET on_hand_milli = on_hand_milli + excluded.on_hand_milli, updated_at = excluded.updated_at`,
    ),
    trackedIds: sqlite
      .prepare(
        `SELECT id FROM products WHERE track_stock = 1 AND id IN (SELECT value FROM json_each(?))`,
      )
      .pluck(),
    level: sqlite
      .prepare('SELECT on_hand_milli FROM stock_levels WHERE product_id = ? AND variant_id = ?')
      .pluck(),
    levelsOf: sqlite.prepare(
      `SELECT l.product_id AS productId, l.variant_id AS variantId, l.on_hand_milli AS onHandMilli,
         r.reorder_point_milli AS reorderPointMilli
       FROM stock_levels l
       LEFT JOIN reorder_rules r ON r.product_id = l.product_id AND r.variant_id = l.variant_id
         AND r.deleted_at IS NULL
       WHERE l.product_id IN (SELECT value FROM json_each(?))
       ORDER BY l.product_id, l.variant_id`,
    ),
  }
}

type StockStatements = ReturnType<typeof prepare>
const cache = new WeakMap<Database.Database, StockStatements>()

function statementsOf(sqlite: Database.Database): StockStatements {
  let statements = cache.get(sqlite)
  if (!statements) {
    statements = prepare(sqlite)
    cache.set(sqlite, statements)
  }
  return statements
}

function moveLevels(
  statements: StockStatements,
  lines: readonly { productId: string; variantId?: string | null; quantity: number }[],
  sign: 1 | -1,
  now: string,
): void {
  for (const line of lines) {
    const milli = toMilli(line.quantity) * sign
    if (milli !== 0) statements.addLevel.run(line.productId, line.variantId ?? '', milli, now)
  }
}

/**
 * Stores a movement made on this register (a sale, refund, count or adjustment), moves on hand,
 * and queues it for the server, in the caller's transaction. `movement` is already checked.
 */
export function recordStockMovement(
  db: RegisterDb,
  movement: StockMovementData,
  deviceId: string,
  now: string,
): void {
  const statements = statementsOf(db.$client)
  const meta: SyncMeta = {
    id: movement.id,
    deviceId,
    syncVersion: 1,
    serverHash: null,
    syncStatus: 'SYNCED',
    updatedAt: now,
    deletedAt: null,
  }
  statements.insertMovement.run({ ...stockMovementToRow(movement, meta), syncStatus: 'PENDING' })
  moveLevels(statements, movement.lines, 1, now)
  enqueueMutation(db, 'stockMovement', movement.id, now)
}

/**
 * A pulled movement: stored and counted once. A movement already held counts again only if it
 * had been deleted, or (never expected: the server refuses changes) by the difference of its lines.
 */
export function applyPulledMovement(
  sqlite: Database.Database,
  movement: StockMovementData,
  meta: SyncMeta,
): void {
  const statements = statementsOf(sqlite)
  const row = stockMovementToRow(movement, meta)
  const held = statements.movementState.get(meta.id) as
    { deletedAt: string | null; lines: string } | undefined
  if (held && held.deletedAt === null) {
    if (held.lines !== row.lines) {
      moveLevels(statements, JSON.parse(held.lines) as MovementLines, -1, meta.updatedAt)
      moveLevels(statements, movement.lines, 1, meta.updatedAt)
    }
  } else moveLevels(statements, movement.lines, 1, meta.updatedAt)
  statements.upsertMovement.run(row)
}

/** A pulled tombstone of a movement: what it counted is taken back once. */
export function removePulledMovement(sqlite: Database.Database, id: string, at: string): void {
  const statements = statementsOf(sqlite)
  const held = statements.movementState.get(id) as
    { deletedAt: string | null; lines: string } | undefined
  if (held && held.deletedAt === null)
    moveLevels(statements, JSON.parse(held.lines) as MovementLines, -1, at)
}

/** The lines of a movement already stored under this id, or null. */
export function storedMovementLines(db: RegisterDb, id: string): MovementLines | null {
  const held = statementsOf(db.$client).movementState.get(id) as { lines: string } | undefined
  return held ? (JSON.parse(held.lines) as MovementLines) : null
}

/** Which of these products track stock (a sale of the others moves nothing). */
export function trackedProductIds(db: RegisterDb, productIds: readonly string[]): Set<string> {
  if (productIds.length === 0) return new Set()
  return new Set(statementsOf(db.$client).trackedIds.all(JSON.stringify(productIds)) as string[])
}

/** On hand of one product or variant, in thousandths (0 when nothing ever moved it). */
export function onHandMilli(db: RegisterDb, productId: string, variantId: string | null): number {
  return (statementsOf(db.$client).level.get(productId, variantId ?? '') as number | undefined) ?? 0
}

export interface StockLevelRow {
  productId: string
  variantId: string | null
  onHandMilli: number
  reorderPointMilli: number | null
}

/** On hand of every product and variant of these products that stock ever moved. */
export function stockLevelsOf(db: RegisterDb, productIds: readonly string[]): StockLevelRow[] {
  if (productIds.length === 0) return []
  const rows = statementsOf(db.$client).levelsOf.all(JSON.stringify(productIds)) as (Omit<
    StockLevelRow,
    'variantId'
  > & { variantId: string })[]
  return rows.map((row) => ({ ...row, variantId: row.variantId === '' ? null : row.variantId }))
}
