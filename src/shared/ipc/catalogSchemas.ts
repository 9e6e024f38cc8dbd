import { z } from 'zod'

const Cents = z.number().int().safe()
const Uuid = z.uuid()
const Text = (max: number) => z.string().trim().min(1).max(max)
export const Barcode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z\-.]{1,48}$/, 'a barcode is 1–48 letters, digits, dashes or dots')

/** A size or other choice that replaces the product's price (e.g. Small / Large). */
export const ProductVariant = z.strictObject({
  id: Uuid,
  name: Text(80),
  priceCents: Cents.min(0),
  sku: z.string().trim().max(80).nullable().default(null),
  barcode: Barcode.nullable().default(null),
})
export type ProductVariant = z.infer<typeof ProductVariant>

export const ModifierOption = z.strictObject({
  id: Uuid,
  name: Text(80),
  /** Added to the unit price; may be 0 ("oat milk" at no charge). */
  priceCents: Cents.min(0),
  /** Preselected when the product is rung up (a choose-one group's usual pick). Absent: false. */
  isDefault: z.boolean().optional(),
})

/** E.g. "Milk" (required, choose exactly 1) or "Extras" (optional, up to 3). */
export const ModifierGroup = z
  .strictObject({
    id: Uuid,
    name: Text(80),
    minSelect: z.number().int().min(0).max(20),
    maxSelect: z.number().int().min(1).max(20),
    options: z.array(ModifierOption).min(1).max(40),
  })
  .refine((group) => group.minSelect <= group.maxSelect, {
    message: 'minSelect must not exceed maxSelect',
    path: ['minSelect'],
  })
  .refine(
    (group) =>
      group.options.filter((option) => option.isDefault === true).length <= group.maxSelect,
    { message: 'a group cannot preselect more options than it allows', path: ['options'] },
  )
export type ModifierGroup = z.infer<typeof ModifierGroup>

export const PricingUnit = z.enum(['each', 'kg'])

/** What a manager saves from the product editor; `id` absent creates a product. */
export const ProductInput = z
  .object({
    id: Uuid.optional(),
    sku: Text(80),
    name: Text(200),
    priceCents: Cents.min(0).max(100_000_000),
    categoryId: Uuid.nullable(),
    taxRateId: Uuid,
    /** All barcodes; the first one is the primary (printed on shelf labels). */
    barcodes: z.array(Barcode).max(20).default([]),
    variants: z.array(ProductVariant).max(50).default([]),
    modifierGroups: z.array(ModifierGroup).max(20).default([]),
    trackStock: z.boolean().default(false),
    pricingUnit: PricingUnit.default('each'),
    isActive: z.boolean().default(true),
    approvalId: Uuid.optional(),
  })
  .strict()

export const CategoryInput = z
  .object({
    id: Uuid.optional(),
    name: Text(80),
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .nullable()
      .default(null),
    sortOrder: z.number().int().min(0).max(10_000).default(0),
    approvalId: Uuid.optional(),
  })
  .strict()

export const TaxRateView = z.object({
  id: Uuid,
  name: z.string(),
  rateBasisPoints: z.number().int(),
  isDefault: z.boolean(),
})

/** The scanned code as the scanner typed it. */
export const BarcodeLookup = z.object({ barcode: Barcode }).strict()

/** CSV text as read from the chosen file (UTF-8, header row first). */
export const CsvImportInput = z
  .object({
    csv: z.string().min(1).max(40_000_000),
    approvalId: Uuid.optional(),
  })
  .strict()

export const CsvRejectedRow = z.object({
  /** 1-based line number in the file, the header being line 1. */
  line: z.number().int().min(1),
  reason: z.string(),
})

export const CsvImportReport = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(CsvRejectedRow),
})

export const CsvExport = z.object({ csv: z.string(), rows: z.number().int() })
