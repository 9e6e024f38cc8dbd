import { ean13CheckDigit } from '../../src/shared/domain/barcode'

/** Word lists for believable grocery names: "Golden Valley Organic Oat Crackers 250g". */
const brands = [
  'Golden Valley',
  'Nordic Farm',
  'Sunrise',
  'Blue Harbor',
  'Maple Grove',
  'Alpine',
  'Green Leaf',
  'Old Mill',
  'Riverside',
  'Crème de la Crème',
  'Casa Bella',
  'Highland',
  'Urban Pantry',
  'Pacific',
  'Little Acre',
  'Stonebridge',
  'Wild Meadow',
  'Harvest Moon',
  'Café Noir',
  'Red Barn',
]
const adjectives = [
  'Organic',
  'Smoked',
  'Roasted',
  'Salted',
  'Sweet',
  'Spicy',
  'Classic',
  'Whole',
  'Light',
  'Dark',
  'Creamy',
  'Crunchy',
  'Fresh',
  'Dried',
  'Honey',
  'Garlic',
  'Lemon',
  'Vanilla',
  'Mild',
  'Extra',
]
const nouns = [
  'Crackers',
  'Cookies',
  'Granola',
  'Yogurt',
  'Cheddar',
  'Butter',
  'Coffee Beans',
  'Green Tea',
  'Pasta',
  'Rice',
  'Olive Oil',
  'Peanut Butter',
  'Jam',
  'Chocolate',
  'Muesli',
  'Almonds',
  'Salsa',
  'Soup',
  'Sparkling Water',
  'Orange Juice',
  'Oat Milk',
  'Sourdough',
  'Bagels',
  'Hummus',
  'Pesto',
  'Tortilla Chips',
  'Popcorn',
  'Ketchup',
  'Mustard',
  'Mayonnaise',
  'Pickles',
  'Tuna',
  'Sardines',
  'Lentils',
  'Chickpeas',
  'Quinoa',
  'Honey',
  'Maple Syrup',
  'Pancake Mix',
  'Cereal',
]
const sizes = ['100g', '150g', '250g', '330ml', '500g', '500ml', '1kg', '1L', '6 pack', '12 pack']

export interface BenchProduct {
  sku: string
  name: string
  priceCents: number
  barcode: string
}

/** Deterministic pseudo-random numbers, so every bench run measures the same catalog. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

export function benchEan13(index: number): string {
  const body = `40${String(index).padStart(10, '0')}`
  return `${body}${ean13CheckDigit(body)}`
}

export function benchProducts(count: number, skuPrefix = 'BN', seed = 42): BenchProduct[] {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  return Array.from({ length: count }, (_, index) => ({
    sku: `${skuPrefix}-${String(index).padStart(6, '0')}`,
    name: `${pick(brands)} ${pick(adjectives)} ${pick(nouns)} ${pick(sizes)}`,
    priceCents: 99 + Math.floor(random() * 4900),
    barcode: benchEan13(index + (skuPrefix === 'BN' ? 0 : 5_000_000)),
  }))
}

/** What a cashier types or scans: word prefixes (1–2 words), SKUs, full barcodes. */
export function searchMix(products: readonly BenchProduct[], count: number): string[] {
  const random = seededRandom(7)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const words = [...brands, ...adjectives, ...nouns].flatMap((text) => text.split(' '))
  return Array.from({ length: count }, (_, index) => {
    switch (index % 5) {
      case 0:
        return pick(words).slice(0, 1 + Math.floor(random() * 4))
      case 1:
        return `${pick(words)} ${pick(words).slice(0, 2 + Math.floor(random() * 3))}`
      case 2:
        return pick(words).slice(0, 3)
      case 3:
        return pick(products).sku
      default:
        return pick(products).barcode
    }
  })
}
