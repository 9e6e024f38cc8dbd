import { moneyText } from '../../../../shared/domain'
import type { InvokeInput, InvokeOutput } from '../../../../shared/ipc'
import { i18n } from '../../i18n'
import { readMoney } from './moneyText'

type Product = InvokeOutput<'catalog:listAll'>[number]
export type ProductSave = InvokeInput<'catalog:saveProduct'>

/**
 * The product editor's state: text as typed (prices in major units), turned into a ProductInput
 * only on save. Error keys are the ProductInput paths main uses ("sku", "barcodes.1",
 * "variants.0.name"), so a message from main lands next to the same field as a local one.
 */
export interface VariantForm {
  id: string
  name: string
  price: string
  sku: string
  barcode: string
}

export interface OptionForm {
  id: string
  name: string
  price: string
}

export interface GroupForm {
  id: string
  name: string
  min: string
  max: string
  options: OptionForm[]
}

export interface ProductForm {
  /** Absent for a new product. */
  id: string | undefined
  sku: string
  name: string
  price: string
  /** '' = no category. */
  categoryId: string
  taxRateId: string
  barcodes: string[]
  isActive: boolean
  trackStock: boolean
  pricingUnit: 'each' | 'kg'
  variants: VariantForm[]
  modifierGroups: GroupForm[]
}

export type FieldErrors = Readonly<Record<string, string>>

const barcodePattern = /^[0-9A-Za-z\-.]{1,48}$/

export function emptyProductForm(taxRateId: string): ProductForm {
  return {
    id: undefined,
    sku: '',
    name: '',
    price: '',
    categoryId: '',
    taxRateId,
    barcodes: [],
    isActive: true,
    trackStock: false,
    pricingUnit: 'each',
    variants: [],
    modifierGroups: [],
  }
}

export function productToForm(product: Product, currency: string): ProductForm {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    price: moneyText(product.priceCents, currency),
    categoryId: product.categoryId ?? '',
    taxRateId: product.taxRateId,
    barcodes: [...product.barcodes],
    isActive: product.isActive,
    trackStock: product.trackStock,
    pricingUnit: product.pricingUnit,
    variants: product.variants.map((variant) => ({
      id: variant.id,
      name: variant.name,
      price: moneyText(variant.priceCents, currency),
      sku: variant.sku ?? '',
      barcode: variant.barcode ?? '',
    })),
    modifierGroups: product.modifierGroups.map((group) => ({
      id: group.id,
      name: group.name,
      min: String(group.minSelect),
      max: String(group.maxSelect),
      options: group.options.map((option) => ({
        id: option.id,
        name: option.name,
        price: moneyText(option.priceCents, currency),
      })),
    })),
  }
}

function readCount(text: string): number | null {
  return /^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : null
}

/**
 * Checks the form the way main will and builds what to send. Every problem is reported at once,
 * keyed by its path, so the manager sees them all next to their fields.
 */
export function formToInput(
  form: ProductForm,
  currency: string,
): { kind: 'ok'; input: ProductSave } | { kind: 'invalid'; errors: FieldErrors } {
  const errors: Record<string, string> = {}
  const money = (text: string, path: string): number => {
    const read = readMoney(text, currency)
    if (read.kind === 'ok') return read.cents
    errors[path] = read.message
    return 0
  }
  const required = (text: string, path: string, message: string): string => {
    const trimmed = text.trim()
    if (trimmed === '') errors[path] = message
    return trimmed
  }

  const barcodeMessage = i18n.t('catalog:form.barcodeInvalid')
  const sku = required(form.sku, 'sku', i18n.t('catalog:form.skuRequired'))
  const name = required(form.name, 'name', i18n.t('catalog:form.nameRequired'))
  const priceCents = money(form.price, 'priceCents')
  if (form.taxRateId === '') errors.taxRateId = i18n.t('catalog:form.taxRateRequired')

  const barcodes = form.barcodes.map((barcode) => barcode.trim())
  const seen = new Map<string, number>()
  barcodes.forEach((barcode, index) => {
    if (!barcodePattern.test(barcode)) errors[`barcodes.${index}`] = barcodeMessage
    else if (seen.has(barcode)) errors[`barcodes.${index}`] = i18n.t('catalog:form.barcodeTwice')
    else seen.set(barcode, index)
  })

  const variants = form.variants.map((variant, index) => {
    const path = `variants.${index}`
    const barcode = variant.barcode.trim()
    if (barcode !== '' && !barcodePattern.test(barcode)) errors[`${path}.barcode`] = barcodeMessage
    return {
      id: variant.id,
      name: required(variant.name, `${path}.name`, i18n.t('catalog:form.variantName')),
      priceCents: money(variant.price, `${path}.priceCents`),
      sku: variant.sku.trim() === '' ? null : variant.sku.trim(),
      barcode: barcode === '' ? null : barcode,
    }
  })

  const modifierGroups = form.modifierGroups.map((group, index) => {
    const path = `modifierGroups.${index}`
    const minSelect = readCount(group.min)
    const maxSelect = readCount(group.max)
    if (minSelect === null || minSelect > 20)
      errors[`${path}.minSelect`] = i18n.t('catalog:form.minRange')
    if (maxSelect === null || maxSelect < 1 || maxSelect > 20)
      errors[`${path}.maxSelect`] = i18n.t('catalog:form.maxRange')
    else if (minSelect !== null && minSelect > maxSelect)
      errors[`${path}.minSelect`] = i18n.t('catalog:form.minAboveMax')
    if (group.options.length === 0) errors[`${path}.options`] = i18n.t('catalog:form.noOptions')
    return {
      id: group.id,
      name: required(group.name, `${path}.name`, i18n.t('catalog:form.groupName')),
      minSelect: minSelect ?? 0,
      maxSelect: maxSelect ?? 1,
      options: group.options.map((option, optionIndex) => ({
        id: option.id,
        name: required(
          option.name,
          `${path}.options.${optionIndex}.name`,
          i18n.t('catalog:form.optionName'),
        ),
        priceCents: money(option.price, `${path}.options.${optionIndex}.priceCents`),
      })),
    }
  })

  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors }
  return {
    kind: 'ok',
    input: {
      ...(form.id ? { id: form.id } : {}),
      sku,
      name,
      priceCents,
      categoryId: form.categoryId === '' ? null : form.categoryId,
      taxRateId: form.taxRateId,
      barcodes,
      variants,
      modifierGroups,
      trackStock: form.trackStock,
      pricingUnit: form.pricingUnit,
      isActive: form.isActive,
    },
  }
}

/** Every path the editor shows a message for; an error elsewhere goes to the dialog's alert. */
export function shownPaths(form: ProductForm): Set<string> {
  const paths = new Set(['sku', 'name', 'priceCents', 'categoryId', 'taxRateId', 'barcodes'])
  form.barcodes.forEach((_, index) => paths.add(`barcodes.${index}`))
  form.variants.forEach((_, index) => {
    for (const field of ['name', 'priceCents', 'sku', 'barcode'])
      paths.add(`variants.${index}.${field}`)
  })
  form.modifierGroups.forEach((group, index) => {
    for (const field of ['name', 'minSelect', 'maxSelect', 'options'])
      paths.add(`modifierGroups.${index}.${field}`)
    group.options.forEach((_, optionIndex) => {
      paths.add(`modifierGroups.${index}.options.${optionIndex}.name`)
      paths.add(`modifierGroups.${index}.options.${optionIndex}.priceCents`)
    })
  })
  return paths
}
