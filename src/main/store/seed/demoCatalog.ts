/** A small neighbourhood café and corner shop: enough variety to ring up real-looking sales. */
export interface DemoTaxRate {
  key: string
  name: string
  rateBasisPoints: number
  isDefault: boolean
}
export interface DemoCategory {
  key: string
  name: string
  color: string
}
export interface DemoVariant {
  key: string
  name: string
  priceCents: number
}
export interface DemoModifierGroup {
  key: string
  name: string
  minSelect: number
  maxSelect: number
  options: { key: string; name: string; priceCents: number; isDefault?: boolean }[]
}
export interface DemoProduct {
  sku: string
  name: string
  priceCents: number
  category: string
  taxRate: string
  /** Last five digits of an in-store EAN-13 (prefix 200) or null for counter items. */
  barcodeItem: number | null
  /** A literal barcode instead (the 7-digit product code of weight/price-embedded labels). */
  barcode?: string
  pricingUnit?: 'each' | 'kg'
  variants?: DemoVariant[]
  modifierGroups?: DemoModifierGroup[]
}

export const demoTaxRates: DemoTaxRate[] = [
  { key: 'standard', name: 'Sales tax 8.25%', rateBasisPoints: 825, isDefault: true },
  { key: 'grocery', name: 'Grocery 2.25%', rateBasisPoints: 225, isDefault: false },
]

export const demoCategories: DemoCategory[] = [
  { key: 'coffee', name: 'Coffee', color: '#8d5a3b' },
  { key: 'tea', name: 'Tea & Cold Drinks', color: '#3f8f6b' },
  { key: 'bakery', name: 'Bakery', color: '#c58b2b' },
  { key: 'kitchen', name: 'Sandwiches & Salads', color: '#b5493c' },
  { key: 'snacks', name: 'Snacks', color: '#6b5bb5' },
  { key: 'grocery', name: 'Grocery', color: '#2f6fa3' },
]

const p = (
  sku: string,
  name: string,
  priceCents: number,
  category: string,
  taxRate: string,
  barcodeItem: number | null,
): DemoProduct => ({ sku, name, priceCents, category, taxRate, barcodeItem })

const sizes = (smallCents: number): DemoVariant[] => [
  { key: 'small', name: 'Small', priceCents: smallCents },
  { key: 'large', name: 'Large', priceCents: smallCents + 100 },
]
const milk: DemoModifierGroup = {
  key: 'milk',
  name: 'Milk',
  minSelect: 1,
  maxSelect: 1,
  options: [
    { key: 'whole', name: 'Whole milk', priceCents: 0, isDefault: true },
    { key: 'oat', name: 'Oat milk', priceCents: 60 },
    { key: 'almond', name: 'Almond milk', priceCents: 60 },
  ],
}
const extras: DemoModifierGroup = {
  key: 'extras',
  name: 'Extras',
  minSelect: 0,
  maxSelect: 3,
  options: [
    { key: 'shot', name: 'Extra shot', priceCents: 90 },
    { key: 'vanilla', name: 'Vanilla syrup', priceCents: 50 },
  ],
}

/**
 * Caffè Latte stays a one-tap item (tests and the e2e flow sell it plainly); Cappuccino, Flat
 * White and Mocha show sizes and modifiers.
 */
const withChoices = (
  product: DemoProduct,
  choices: Pick<DemoProduct, 'variants' | 'modifierGroups'>,
): DemoProduct => ({ ...product, ...choices })

export const demoProducts: DemoProduct[] = [
  p('COF-ESP', 'Espresso', 300, 'coffee', 'standard', null),
  p('COF-DBL', 'Double Espresso', 375, 'coffee', 'standard', null),
  withChoices(p('COF-AME', 'Americano', 350, 'coffee', 'standard', null), {
    modifierGroups: [extras],
  }),
  p('COF-LAT', 'Caffè Latte', 475, 'coffee', 'standard', null),
  withChoices(p('COF-CAP', 'Cappuccino', 450, 'coffee', 'standard', null), {
    variants: sizes(450),
    modifierGroups: [milk, extras],
  }),
  withChoices(p('COF-FLW', 'Flat White', 460, 'coffee', 'standard', null), {
    variants: sizes(460),
    modifierGroups: [milk, extras],
  }),
  withChoices(p('COF-MOC', 'Mocha', 525, 'coffee', 'standard', null), {
    variants: sizes(525),
    modifierGroups: [milk, extras],
  }),
  p('COF-CLD', 'Cold Brew', 495, 'coffee', 'standard', null),
  p('TEA-EGR', 'Earl Grey Tea', 325, 'tea', 'standard', null),
  p('TEA-GRN', 'Sencha Green Tea', 325, 'tea', 'standard', null),
  p('TEA-CHA', 'Chai Latte', 465, 'tea', 'standard', null),
  p('TEA-MAT', 'Matcha Latte', 525, 'tea', 'standard', null),
  p('DRK-OJ', 'Fresh Orange Juice', 450, 'tea', 'standard', null),
  p('DRK-LEM', 'Sparkling Lemonade 330ml', 295, 'tea', 'standard', 10101),
  p('DRK-WAT', 'Still Water 500ml', 175, 'tea', 'standard', 10102),
  p('DRK-KOM', 'Ginger Kombucha 330ml', 395, 'tea', 'standard', 10103),
  p('BAK-CRO', 'Butter Croissant', 325, 'bakery', 'standard', null),
  p('BAK-PAC', 'Pain au Chocolat', 375, 'bakery', 'standard', null),
  p('BAK-BLU', 'Blueberry Muffin', 350, 'bakery', 'standard', null),
  p('BAK-CIN', 'Cinnamon Roll', 395, 'bakery', 'standard', null),
  p('BAK-BAN', 'Banana Bread Slice', 325, 'bakery', 'standard', null),
  p('BAK-SCO', 'Cheddar Scone', 345, 'bakery', 'standard', null),
  p('BAK-COO', 'Chocolate Chip Cookie', 225, 'bakery', 'standard', null),
  p('KIT-BLT', 'BLT on Sourdough', 895, 'kitchen', 'standard', null),
  p('KIT-TUR', 'Turkey & Swiss Sandwich', 925, 'kitchen', 'standard', null),
  p('KIT-CAP', 'Caprese Panini', 875, 'kitchen', 'standard', null),
  p('KIT-HUM', 'Hummus & Veggie Wrap', 795, 'kitchen', 'standard', null),
  p('KIT-CAE', 'Chicken Caesar Salad', 1050, 'kitchen', 'standard', null),
  p('KIT-QUI', 'Quiche Lorraine', 695, 'kitchen', 'standard', null),
  p('KIT-SOU', 'Soup of the Day', 595, 'kitchen', 'standard', null),
  p('SNK-CHP', 'Sea Salt Kettle Chips', 225, 'snacks', 'standard', 20101),
  p('SNK-PRE', 'Pretzel Twists', 250, 'snacks', 'standard', 20102),
  p('SNK-GRB', 'Oat & Honey Granola Bar', 195, 'snacks', 'standard', 20103),
  p('SNK-DCH', 'Dark Chocolate Bar 70%', 350, 'snacks', 'standard', 20104),
  p('SNK-TRL', 'Trail Mix 150g', 425, 'snacks', 'standard', 20105),
  p('SNK-GUM', 'Peppermint Gum', 150, 'snacks', 'standard', 20106),
  p('GRO-MLK', 'Whole Milk 1L', 249, 'grocery', 'grocery', 30101),
  p('GRO-OAT', 'Oat Milk 1L', 389, 'grocery', 'grocery', 30102),
  p('GRO-BEA', 'House Blend Beans 340g', 1495, 'grocery', 'grocery', 30103),
  p('GRO-HON', 'Wildflower Honey 250g', 795, 'grocery', 'grocery', 30104),
  p('GRO-JAM', 'Strawberry Jam 300g', 549, 'grocery', 'grocery', 30105),
  p('GRO-EGG', 'Free-range Eggs (6)', 425, 'grocery', 'grocery', 30106),
  p('GRO-BRD', 'Sourdough Loaf', 650, 'grocery', 'grocery', 30107),
  p('GRO-BAN', 'Bananas (bunch)', 199, 'grocery', 'grocery', 30108),
  p('GRO-AVO', 'Avocado', 175, 'grocery', 'grocery', 30109),
  // Scale labels: 21 00042 WWWWW C carries the weight, 22 00017 PPPPP C the price.
  {
    ...p('GRO-BKG', 'Bananas per kg', 199, 'grocery', 'grocery', null),
    barcode: '2100042',
    pricingUnit: 'kg',
  },
  { ...p('KIT-DLI', 'Deli salad (priced)', 0, 'kitchen', 'standard', null), barcode: '2200017' },
]

/** EAN-13 for in-store items: "200" + zero-padded item number + check digit. */
export function inStoreEan13(item: number): string {
  const body = `200${String(item).padStart(9, '0')}`
  const sum = [...body].reduce(
    (total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3),
    0,
  )
  return `${body}${(10 - (sum % 10)) % 10}`
}
