import { randomUUID } from 'node:crypto'
import type { BatchPushRequest, Change, OrderEnvelope } from '../../src/shared/sync'

/** A small grocery catalog: prices in cents, tax in basis points (0 = zero-rated food). */
const CATALOG = [
  { sku: 'MILK-1L', name: 'Whole milk 1 l', priceCents: 129, taxBasisPoints: 0 },
  { sku: 'BREAD-SD', name: 'Sourdough loaf', priceCents: 349, taxBasisPoints: 0 },
  { sku: 'EGGS-12', name: 'Free-range eggs, dozen', priceCents: 419, taxBasisPoints: 0 },
  { sku: 'COF-250', name: 'Ground coffee 250 g', priceCents: 699, taxBasisPoints: 825 },
  { sku: 'CHOC-70', name: 'Dark chocolate 70 %', priceCents: 259, taxBasisPoints: 825 },
  { sku: 'APL-KG', name: 'Apples, per kg', priceCents: 289, taxBasisPoints: 0 },
  { sku: 'OJ-1L', name: 'Orange juice 1 l', priceCents: 379, taxBasisPoints: 825 },
  { sku: 'PASTA-500', name: 'Spaghetti 500 g', priceCents: 189, taxBasisPoints: 0 },
  { sku: 'SOAP-3', name: 'Hand soap, 3 pack', priceCents: 549, taxBasisPoints: 825 },
  { sku: 'BAT-AA4', name: 'AA batteries, 4 pack', priceCents: 899, taxBasisPoints: 825 },
  { sku: 'WINE-RED', name: 'Red wine 750 ml', priceCents: 1299, taxBasisPoints: 1000 },
  { sku: 'CHEESE-CH', name: 'Cheddar 200 g', priceCents: 459, taxBasisPoints: 0 },
  { sku: 'TEA-40', name: 'Black tea, 40 bags', priceCents: 329, taxBasisPoints: 825 },
  { sku: 'RICE-1KG', name: 'Basmati rice 1 kg', priceCents: 379, taxBasisPoints: 0 },
  { sku: 'TP-9', name: 'Toilet paper, 9 rolls', priceCents: 799, taxBasisPoints: 825 },
  { sku: 'WATER-6', name: 'Sparkling water, 6 x 1.5 l', priceCents: 449, taxBasisPoints: 825 },
] as const

/** Sale shapes prepared per register; each push picks the next one. */
const TEMPLATES_PER_REGISTER = 8
const SLOT = /"@@(\d+)@@"/g

type SlotValue = 'uuid' | 'orderNumber' | 'now'

/**
 * One push body with its per-sale values left as numbered holes, serialized once. Filling it
 * is string concatenation: the sending loop does no JSON work beyond this.
 */
export interface SaleTemplate {
  /** Literal JSON pieces; holes sit between them. */
  pieces: string[]
  /** For each hole, which slot's value goes there (a slot can fill several holes). */
  holes: number[]
  slots: SlotValue[]
  totalCents: number
  itemCount: number
}

export interface RegisterSales {
  next(): { body: string; totalCents: number }
}

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!
}

/** A sale like the register's readWireRecord sends: header, 2-6 lines, 1-2 payments. */
function buildTemplate(deviceId: string, random: () => number): SaleTemplate {
  const slots: SlotValue[] = []
  const slot = (value: SlotValue) => `@@${slots.push(value) - 1}@@`
  const now = slot('now')
  const orderId = slot('uuid')
  const lineCount = 2 + Math.floor(random() * 5)
  const items = Array.from({ length: lineCount }, (_, index) => {
    const product = pick(random, CATALOG)
    const quantity = 1 + Math.floor(random() * 3)
    const netCents = product.priceCents * quantity
    const taxCents = Math.round((netCents * product.taxBasisPoints) / 10_000)
    return {
      id: slot('uuid'),
      lineNumber: index + 1,
      productId: `prod-${product.sku.toLowerCase()}`,
      sku: product.sku,
      name: product.name,
      unitPriceCents: product.priceCents,
      quantity,
      taxRateBasisPoints: product.taxBasisPoints,
      discountCents: 0,
      netCents,
      taxCents,
      totalCents: netCents + taxCents,
    }
  })
  const subtotalCents = items.reduce((sum, item) => sum + item.netCents, 0)
  const taxCents = items.reduce((sum, item) => sum + item.taxCents, 0)
  const totalCents = subtotalCents + taxCents
  const isSplit = random() < 0.2
  const cardCents = isSplit ? Math.floor(totalCents / 2) : random() < 0.6 ? totalCents : 0
  const cashCents = totalCents - cardCents
  const tenderedCents = Math.ceil(cashCents / 500) * 500
  const payments = [
    ...(cardCents > 0
      ? [
          {
            id: slot('uuid'),
            method: 'card',
            amountCents: cardCents,
            tenderedCents: cardCents,
            changeCents: 0,
            referenceNumber: `AUTH-${Math.floor(random() * 1e6)}`,
            status: 'COMPLETED',
            createdAt: now,
          },
        ]
      : []),
    ...(cashCents > 0
      ? [
          {
            id: slot('uuid'),
            method: 'cash',
            amountCents: cashCents,
            tenderedCents,
            changeCents: tenderedCents - cashCents,
            referenceNumber: null,
            status: 'COMPLETED',
            createdAt: now,
          },
        ]
      : []),
  ]
  const envelope = {
    order: {
      id: orderId,
      deviceId,
      updatedAt: now,
      orderNumber: slot('orderNumber'),
      clientRequestId: slot('uuid'),
      status: 'COMPLETED',
      currency: 'USD',
      itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
      subtotalCents,
      discountCents: 0,
      taxCents,
      totalCents,
      cashRoundingCents: 0,
      createdAt: now,
    },
    items,
    payments,
  } satisfies OrderEnvelope
  const change = {
    mutationId: slot('uuid'),
    entity: 'order',
    id: orderId,
    op: 'upsert',
    baseVersion: 0,
    data: envelope,
  } satisfies Change
  const json = JSON.stringify({ deviceId, changes: [change] } satisfies BatchPushRequest)
  const pieces: string[] = []
  const holes: number[] = []
  let last = 0
  for (const match of json.matchAll(SLOT)) {
    pieces.push(json.slice(last, match.index))
    holes.push(Number(match[1]))
    last = match.index + match[0].length
  }
  pieces.push(json.slice(last))
  return { pieces, holes, slots, totalCents, itemCount: lineCount }
}

/** A deterministic generator (mulberry32), so a run's sale shapes repeat across runs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state)
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** Sales of one register: templates built up front, fresh ids and time per sale. */
export function registerSales(
  deviceId: string,
  registerCode: string,
  random: () => number,
): RegisterSales {
  const templates = Array.from({ length: TEMPLATES_PER_REGISTER }, () =>
    buildTemplate(deviceId, random),
  )
  let sequence = 0
  return {
    next() {
      const template = templates[sequence % templates.length]!
      sequence += 1
      const values = template.slots.map((kind) => {
        switch (kind) {
          case 'uuid':
            return randomUUID()
          case 'orderNumber':
            return `${registerCode}-${String(sequence).padStart(6, '0')}`
          case 'now':
            return new Date().toISOString()
        }
      })
      let body = template.pieces[0]!
      for (let index = 0; index < template.holes.length; index += 1)
        body += `"${values[template.holes[index]!]}"${template.pieces[index + 1]}`
      return { body, totalCents: template.totalCents }
    },
  }
}
