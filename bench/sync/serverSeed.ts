import { v4 as uuidv4, v7 as uuidv7 } from 'uuid'
import type { ServerDatabase } from '../../src/server/db/connection'
import { recordHash } from '../../src/server/sync/hash'
import { elapsedMs } from '../stats'

export interface SeededStore {
  /** Records written, by entity. */
  records: Record<string, number>
  total: number
  seconds: number
  method: string
}

interface SeedRecord {
  entity: string
  id: string
  data: unknown
}

const seedingDeviceId = 'bench-seeding-device'
const chunkRows = 2_000

function* catalogAndHistory(products: number, orders: number): Generator<SeedRecord> {
  const taxRates = [
    { id: uuidv4(), name: 'Standard', rateBasisPoints: 825, isInclusive: false, isDefault: false },
    { id: uuidv4(), name: 'Reduced', rateBasisPoints: 250, isInclusive: false, isDefault: false },
  ]
  for (const rate of taxRates) yield { entity: 'taxRate', id: rate.id, data: rate }
  const categories = Array.from({ length: 20 }, (_, index) => ({
    id: uuidv4(),
    name: `Category ${index + 1}`,
    color: null,
    sortOrder: index,
  }))
  for (const category of categories) yield { entity: 'category', id: category.id, data: category }
  const at = new Date().toISOString()
  const catalog: { id: string; sku: string; name: string; priceCents: number; rate: number }[] = []
  for (let index = 0; index < products; index++) {
    const id = uuidv4()
    const sku = `BENCH-${String(index + 1).padStart(7, '0')}`
    const priceCents = 99 + ((index * 37) % 4900)
    const taxRate = taxRates[index % 2]!
    if (index < 500)
      catalog.push({
        id,
        sku,
        name: `Product ${index + 1}`,
        priceCents,
        rate: taxRate.rateBasisPoints,
      })
    yield {
      entity: 'product',
      id,
      data: {
        id,
        sku,
        barcode: String(2_000_000_000_000 + index),
        name: `Product ${index + 1}`,
        priceCents,
        categoryId: categories[index % categories.length]!.id,
        taxRateId: taxRate.id,
        isActive: true,
        updatedAt: at,
        deletedAt: null,
      },
    }
  }
  if (catalog.length === 0)
    catalog.push({ id: uuidv4(), sku: 'BENCH-NONE', name: 'Open item', priceCents: 500, rate: 825 })
  for (let index = 0; index < orders; index++) {
    const id = uuidv7()
    const items = Array.from({ length: 4 + (index % 2) }, (_, line) => {
      const product = catalog[(index + line) % catalog.length]!
      const taxCents = Math.round((product.priceCents * product.rate) / 10_000)
      return {
        id: uuidv7(),
        lineNumber: line + 1,
        productId: product.id,
        sku: product.sku,
        name: product.name,
        unitPriceCents: product.priceCents,
        quantity: 1,
        taxRateBasisPoints: product.rate,
        discountCents: 0,
        netCents: product.priceCents,
        taxCents,
        totalCents: product.priceCents + taxCents,
      }
    })
    const subtotalCents = items.reduce((sum, item) => sum + item.netCents, 0)
    const taxCents = items.reduce((sum, item) => sum + item.taxCents, 0)
    const totalCents = subtotalCents + taxCents
    yield {
      entity: 'order',
      id,
      data: {
        order: {
          id,
          deviceId: seedingDeviceId,
          updatedAt: at,
          orderNumber: `S01-SEED-${String(index + 1).padStart(6, '0')}`,
          clientRequestId: uuidv4(),
          status: 'COMPLETED',
          currency: 'USD',
          itemCount: items.length,
          subtotalCents,
          discountCents: 0,
          taxCents,
          totalCents,
          cashRoundingCents: 0,
          createdAt: at,
        },
        items,
        payments: [
          {
            id: uuidv7(),
            method: 'cash',
            amountCents: totalCents,
            tenderedCents: totalCents,
            changeCents: 0,
            referenceNumber: null,
            status: 'COMPLETED',
            createdAt: at,
          },
        ],
      },
    }
  }
}

/**
 * Fills a store's sync_records directly (tax rates, categories, products, then orders, in that
 * sequence order) and moves its head: the same rows a seeding device's batch pushes would leave,
 * without 2,200 HTTP round trips of setup. Hashes are the server's own recordHash.
 */
export async function seedStoreDirectly(
  database: ServerDatabase,
  storeId: string,
  products: number,
  orders: number,
): Promise<SeededStore> {
  const started = process.hrtime.bigint()
  const records: Record<string, number> = {}
  let seq = 0
  let chunk: SeedRecord[] = []
  const flush = async () => {
    if (chunk.length === 0) return
    const first = seq + 1
    await database.query(
      `INSERT INTO sync_records (store_id, entity, id, version, seq, hash, data, deleted, origin_device_id, last_device_id, updated_at)
       SELECT $1::uuid, v.entity, v.id, 1, v.seq, v.hash, v.data, false, $2, $2, clock_timestamp()
       FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[], $7::jsonb[]) AS v(entity, id, seq, hash, data)`,
      [
        storeId,
        seedingDeviceId,
        chunk.map((record) => record.entity),
        chunk.map((record) => record.id),
        chunk.map((_, index) => first + index),
        chunk.map((record) => recordHash(record.data)),
        chunk.map((record) => JSON.stringify(record.data)),
      ],
    )
    seq += chunk.length
    chunk = []
  }
  for (const record of catalogAndHistory(products, orders)) {
    records[record.entity] = (records[record.entity] ?? 0) + 1
    chunk.push(record)
    if (chunk.length >= chunkRows) await flush()
  }
  await flush()
  await database.query('UPDATE stores SET head_seq = $2 WHERE id = $1', [storeId, seq])
  return {
    records,
    total: seq,
    seconds: Math.round(elapsedMs(started)) / 1000,
    method: 'direct SQL into sync_records (unnest, 2,000 rows a statement)',
  }
}
