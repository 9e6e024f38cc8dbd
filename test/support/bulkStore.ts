import type { RunningServer } from '../../src/server/main'
import { recordHash } from '../../src/server/sync/hash'

/** A store's catalog and order history, as a first sync finds it on the server. */
export interface BulkStore {
  products: { id: string; sku: string; name: string; barcode: string }[]
  orderIds: string[]
  /** Records written, so the server's head sequence. */
  total: number
}

const seedingDeviceId = 'bulk-seeding-device'

/** The name of the product at `index`: one word in it (`w{index}z`) names that product only. */
export const bulkProductName = (index: number) => `Bulk item w${index}z`

function* storeRecords(products: number, orders: number, store: BulkStore) {
  const taxRateId = crypto.randomUUID()
  yield {
    entity: 'taxRate',
    id: taxRateId,
    data: { id: taxRateId, name: 'Bulk', rateBasisPoints: 825, isInclusive: false },
  }
  const categoryId = crypto.randomUUID()
  yield { entity: 'category', id: categoryId, data: { id: categoryId, name: 'Bulk', sortOrder: 0 } }
  const at = new Date().toISOString()
  for (let index = 0; index < products; index++) {
    const id = crypto.randomUUID()
    const product = {
      id,
      sku: `BULK-${String(index).padStart(6, '0')}`,
      name: bulkProductName(index),
      barcode: String(2_900_000_000_000 + index),
    }
    store.products.push(product)
    yield {
      entity: 'product',
      id,
      data: {
        ...product,
        priceCents: 100 + index,
        categoryId,
        taxRateId,
        isActive: true,
        updatedAt: at,
        deletedAt: null,
      },
    }
  }
  for (let index = 0; index < orders; index++) {
    const id = crypto.randomUUID()
    store.orderIds.push(id)
    const product = store.products[index % Math.max(1, store.products.length)]
    const items = [0, 1].map((line) => ({
      id: crypto.randomUUID(),
      lineNumber: line + 1,
      productId: product?.id ?? id,
      sku: product?.sku ?? 'OPEN',
      name: product?.name ?? 'Open item',
      unitPriceCents: 500,
      quantity: 1,
      taxRateBasisPoints: 825,
      discountCents: 0,
      netCents: 500,
      taxCents: 41,
      totalCents: 541,
    }))
    yield {
      entity: 'order',
      id,
      data: {
        order: {
          id,
          deviceId: seedingDeviceId,
          updatedAt: at,
          orderNumber: `BULK-${String(index + 1).padStart(6, '0')}`,
          clientRequestId: crypto.randomUUID(),
          status: 'COMPLETED',
          currency: 'USD',
          itemCount: items.length,
          subtotalCents: 1000,
          discountCents: 0,
          taxCents: 82,
          totalCents: 1082,
          cashRoundingCents: 0,
          createdAt: at,
        },
        items,
        payments: [
          {
            id: crypto.randomUUID(),
            method: 'cash',
            amountCents: 1082,
            tenderedCents: 1082,
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
 * Writes a catalog of `products` and `orders` past orders straight into a store's sync_records
 * (what a seeding register's pushes would leave, without thousands of requests) and moves the
 * store's head to the last one.
 */
export async function seedBulkStore(
  server: RunningServer,
  storeId: string,
  counts: { products: number; orders: number },
): Promise<BulkStore> {
  const store: BulkStore = { products: [], orderIds: [], total: 0 }
  const head = (await server.database.query('SELECT head_seq FROM stores WHERE id = $1', [
    storeId,
  ])) as { rows: { head_seq: string | number }[] }
  let seq = Number(head.rows[0]?.head_seq ?? 0)
  let chunk: { entity: string; id: string; data: unknown }[] = []
  const flush = async () => {
    if (chunk.length === 0) return
    await server.database.query(
      `INSERT INTO sync_records (store_id, entity, id, version, seq, hash, data, deleted, origin_device_id, last_device_id, updated_at)
       SELECT $1::uuid, v.entity, v.id, 1, v.seq, v.hash, v.data, false, $2, $2, now()
       FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[], $7::jsonb[]) AS v(entity, id, seq, hash, data)`,
      [
        storeId,
        seedingDeviceId,
        chunk.map((record) => record.entity),
        chunk.map((record) => record.id),
        chunk.map((_, index) => seq + 1 + index),
        chunk.map((record) => recordHash(record.data)),
        chunk.map((record) => JSON.stringify(record.data)),
      ],
    )
    seq += chunk.length
    store.total += chunk.length
    chunk = []
  }
  for (const record of storeRecords(counts.products, counts.orders, store)) {
    chunk.push(record)
    if (chunk.length >= 1000) await flush()
  }
  await flush()
  await server.database.query('UPDATE stores SET head_seq = $2 WHERE id = $1', [storeId, seq])
  return store
}
