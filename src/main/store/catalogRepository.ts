import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import type { RegisterDb } from './database'
import { categories, products, taxRates } from './schema'

const productColumns = {
  id: products.id,
  sku: products.sku,
  barcode: products.barcode,
  name: products.name,
  priceCents: products.priceCents,
  categoryId: products.categoryId,
  taxRateId: products.taxRateId,
  taxRateBasisPoints: taxRates.rateBasisPoints,
  isActive: products.isActive,
}

export type ProductRow = {
  id: string
  sku: string
  barcode: string | null
  name: string
  priceCents: number
  categoryId: string | null
  taxRateId: string
  taxRateBasisPoints: number
  isActive: boolean
}

const sellable = and(eq(products.isActive, true), isNull(products.deletedAt))

function selectProducts(db: RegisterDb) {
  return db
    .select(productColumns)
    .from(products)
    .innerJoin(taxRates, eq(products.taxRateId, taxRates.id))
}

export function listCategories(db: RegisterDb) {
  return db
    .select({
      id: categories.id,
      name: categories.name,
      color: categories.color,
      sortOrder: categories.sortOrder,
    })
    .from(categories)
    .where(isNull(categories.deletedAt))
    .orderBy(asc(categories.sortOrder), asc(categories.name))
    .all()
}

export function listProducts(db: RegisterDb, categoryId?: string): ProductRow[] {
  const where = categoryId ? and(sellable, eq(products.categoryId, categoryId)) : sellable
  return selectProducts(db).where(where).orderBy(asc(products.name)).all()
}

/** Escapes LIKE wildcards so a search for "100%" means the text, not a pattern. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`
}

/** Exact barcode or SKU first (a scan), then names containing the text. */
export function searchProducts(db: RegisterDb, query: string, limit: number): ProductRow[] {
  const pattern = likePattern(query)
  const exact = sql<number>`case when ${products.barcode} = ${query} or ${products.sku} = ${query} collate nocase then 0 else 1 end`
  return selectProducts(db)
    .where(
      and(
        sellable,
        or(
          eq(products.barcode, query),
          sql`${products.sku} like ${pattern} escape '\\'`,
          sql`${products.name} like ${pattern} escape '\\'`,
        ),
      ),
    )
    .orderBy(exact, asc(products.name))
    .limit(limit)
    .all()
}

export function findProducts(db: RegisterDb, ids: readonly string[]): ProductRow[] {
  if (ids.length === 0) return []
  return selectProducts(db)
    .where(inArray(products.id, [...ids]))
    .all()
}
