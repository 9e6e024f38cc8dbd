import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { syncColumns } from './syncColumns'

/*
 * Inventory on the register (DESIGN.md §9): stock movements as synced, append-only records, and
 * stock_levels, the projection of on hand kept in the same transaction as each movement is stored
 * (a local write or a pull). The documents are kept as their synced JSON; screens read them whole.
 */

/** One stock event (sale, refund, count, adjustment, receipt, transfer), written once. */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    ...syncColumns,
    kind: text('kind', {
      enum: ['SALE', 'REFUND', 'ADJUSTMENT', 'COUNT', 'RECEIPT', 'TRANSFER_OUT', 'TRANSFER_IN'],
    }).notNull(),
    reason: text('reason'),
    /** The order, count, purchase order or transfer it belongs to. */
    refId: text('ref_id'),
    employeeId: text('employee_id'),
    approvedBy: text('approved_by'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    /** StockMovementLine[] as JSON, quantities as the record carries them (≤ 3 decimals). */
    lines: text('lines').notNull(),
  },
  (table) => [
    index('stock_movements_created_idx').on(table.createdAt),
    index('stock_movements_ref_idx').on(table.refId),
  ],
)

/**
 * On hand per product and variant ('' for none) in integer thousandths, so sums stay exact:
 * the sum of every stored movement's lines, kept on apply. Negative is allowed (a sale is never
 * blocked by stock) and shown as a flag.
 */
export const stockLevels = sqliteTable(
  'stock_levels',
  {
    productId: text('product_id').notNull(),
    variantId: text('variant_id').notNull().default(''),
    onHandMilli: integer('on_hand_milli').notNull().default(0),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.productId, table.variantId] })],
)

/** A synced inventory document kept as its record (JSON), for the screens to read whole. */
const documentColumns = {
  ...syncColumns,
  /** The record's data as synced (src/shared/sync/inventoryEntities.ts). */
  data: text('data').notNull(),
}

export const suppliers = sqliteTable('suppliers', documentColumns)
export const supplierProducts = sqliteTable('supplier_products', documentColumns)
export const purchaseOrders = sqliteTable('purchase_orders', documentColumns)
export const stockCounts = sqliteTable('stock_counts', documentColumns)
export const stockTransfers = sqliteTable('stock_transfers', documentColumns)
export const supplierInvoices = sqliteTable('supplier_invoices', documentColumns)

/** Reorder points, with the product and point as columns: tiles flag low stock from them. */
export const reorderRules = sqliteTable(
  'reorder_rules',
  {
    ...documentColumns,
    productId: text('product_id').notNull(),
    /** '' for the product as a whole. */
    variantId: text('variant_id').notNull().default(''),
    reorderPointMilli: integer('reorder_point_milli').notNull(),
  },
  (table) => [index('reorder_rules_product_idx').on(table.productId, table.variantId)],
)
