import { stringify } from 'csv-stringify/sync'
import { v7 as uuidv7 } from 'uuid'
import { decimalText } from '../../shared/domain'
import { Barcode } from '../../shared/ipc/catalogSchemas'
import type { InvokeOutput, InvokeParsedInput } from '../../shared/ipc/contract'
import type { ProductRow } from '../store/catalogRepository'
import type { ProductWrite } from '../store/catalogWriteRepository'
import type { CatalogContext } from './catalogService'
import {
  columnIndexes,
  csvColumns,
  csvPriceDecimals,
  parseFlag,
  parsePriceCents,
  readRecords,
  type CsvColumn,
  type CsvRecord,
} from './productCsvFormat'

type CsvImportReport = InvokeOutput<'catalog:importCsv'>

const progressEvery = 2000

function sameProduct(a: ProductRow, b: ProductWrite): boolean {
  return (
    a.sku === b.sku &&
    a.name === b.name &&
    a.priceCents === b.priceCents &&
    a.categoryId === b.categoryId &&
    a.taxRateId === b.taxRateId &&
    a.isActive === b.isActive &&
    a.trackStock === b.trackStock &&
    a.pricingUnit === b.pricingUnit &&
    a.barcodes.length === b.barcodes.length &&
    a.barcodes.every((barcode, index) => barcode === b.barcodes[index])
  )
}

/**
 * Imports products from CSV (catalogEdit). Rows are matched to products by SKU. Every row is
 * checked before anything is written; the good rows then commit in one transaction with their
 * outbox entries, the bad ones come back with their line and reason.
 */
export function importProductsCsv(
  context: CatalogContext,
  input: InvokeParsedInput<'catalog:importCsv'>,
): CsvImportReport {
  const { actor, approvedBy } = context.authority.authorize('catalogEdit', input.approvalId)
  const { store } = context
  const { header, rows } = readRecords(input.csv)
  const columns = columnIndexes(header)
  const cell = (row: CsvRecord, column: CsvColumn) => {
    const index = columns.get(column)
    return index === undefined ? undefined : (row.cells[index] ?? '')
  }

  const existing = new Map(store.catalog.listAllProducts().map((product) => [product.sku, product]))
  const deletedSkus = new Set(
    store.catalogWrite
      .allSkus()
      .filter((row) => row.deletedAt)
      .map((row) => row.sku),
  )
  const barcodeOwners = new Map(
    store.catalogWrite.allBarcodes().map((row) => [row.barcode, row.productId]),
  )
  const categoriesByName = new Map(
    store.catalog.listCategories().map((category) => [category.name.toLowerCase(), category.id]),
  )
  const taxRates = store.catalog.listTaxRates()
  const taxRatesByName = new Map(taxRates.map((rate) => [rate.name.toLowerCase(), rate.id]))
  const defaultTaxRateId = (taxRates.find((rate) => rate.isDefault) ?? taxRates[0])?.id

  const report: CsvImportReport = { created: 0, updated: 0, unchanged: 0, rejected: [] }
  const writes: { product: ProductWrite; isNew: boolean }[] = []
  const skuLines = new Map<string, number>()
  const barcodeLines = new Map<string, number>()
  // Validation and writing share one progress scale, so the bar only ever moves forward.
  let total = rows.length * 2
  let done = 0
  const tick = () => {
    done++
    if (done % progressEvery === 0) context.events.emit('catalog:importProgress', { done, total })
  }

  const readRow = (row: CsvRecord): ProductWrite | string => {
    if (row.cells.length > header.length)
      return `The row has ${row.cells.length} cells; the header has ${header.length}.`
    const sku = cell(row, 'sku') ?? ''
    const name = cell(row, 'name') ?? ''
    if (sku === '') return 'SKU is missing.'
    if (sku.length > 80) return 'SKU is longer than 80 characters.'
    if (name === '') return 'Name is missing.'
    if (name.length > 200) return 'Name is longer than 200 characters.'
    const earlierSku = skuLines.get(sku)
    if (earlierSku) return `SKU ${sku} already appears on line ${earlierSku}.`
    if (deletedSkus.has(sku)) return `SKU ${sku} belongs to a deleted product.`
    const priceCents = parsePriceCents(cell(row, 'price') ?? '')
    if (typeof priceCents === 'string') return priceCents
    const current = existing.get(sku)

    let categoryId = current?.categoryId ?? null
    const categoryName = cell(row, 'category')
    if (categoryName !== undefined) {
      categoryId = null
      if (categoryName !== '') {
        const id = categoriesByName.get(categoryName.toLowerCase())
        if (!id) return `Unknown category "${categoryName}": create it first, or leave it blank.`
        categoryId = id
      }
    }
    let taxRateId = current?.taxRateId ?? defaultTaxRateId
    const taxRateName = cell(row, 'tax_rate')
    if (taxRateName !== undefined) {
      taxRateId = defaultTaxRateId
      if (taxRateName !== '') {
        taxRateId = taxRatesByName.get(taxRateName.toLowerCase())
        if (!taxRateId) return `Unknown tax rate "${taxRateName}".`
      }
    }
    if (!taxRateId) return 'The store has no tax rate to use.'

    let barcodes = current?.barcodes ?? []
    const barcodeText = cell(row, 'barcodes')
    if (barcodeText !== undefined) {
      barcodes = barcodeText
        .split('|')
        .map((barcode) => barcode.trim())
        .filter((barcode) => barcode !== '')
      if (barcodes.length > 20) return 'A product has at most 20 barcodes.'
      for (const [index, barcode] of barcodes.entries()) {
        if (!Barcode.safeParse(barcode).success)
          return `Barcode "${barcode}" is not valid (letters, digits, dashes or dots, up to 48).`
        if (barcodes.indexOf(barcode) !== index) return `Barcode ${barcode} is listed twice.`
        const earlierLine = barcodeLines.get(barcode)
        if (earlierLine) return `Barcode ${barcode} is already used on line ${earlierLine}.`
        const owner = barcodeOwners.get(barcode)
        if (owner && owner !== current?.id)
          return `Barcode ${barcode} already belongs to another product.`
      }
    }

    const isActive = parseFlag(cell(row, 'active') ?? '', current?.isActive ?? true)
    if (isActive === null) return `Active must be true or false, not "${cell(row, 'active')}".`
    const trackStock = parseFlag(cell(row, 'track_stock') ?? '', current?.trackStock ?? false)
    if (trackStock === null)
      return `Track stock must be true or false, not "${cell(row, 'track_stock')}".`
    const unitText = (cell(row, 'pricing_unit') ?? '').toLowerCase()
    const pricingUnit = unitText === '' ? (current?.pricingUnit ?? 'each') : unitText
    if (pricingUnit !== 'each' && pricingUnit !== 'kg')
      return `Pricing unit must be "each" or "kg", not "${unitText}".`

    return {
      id: current?.id ?? uuidv7(),
      sku,
      name,
      priceCents,
      categoryId,
      taxRateId,
      barcodes,
      variants: current?.variants ?? [],
      modifierGroups: current?.modifierGroups ?? [],
      trackStock,
      pricingUnit,
      isActive,
    }
  }

  for (const row of rows) {
    tick()
    if (row.cells.every((value) => value === '')) continue
    const product = readRow(row)
    if (typeof product === 'string') {
      report.rejected.push({ line: row.line, reason: product })
      continue
    }
    skuLines.set(product.sku, row.line)
    for (const barcode of product.barcodes) barcodeLines.set(barcode, row.line)
    const current = existing.get(product.sku)
    if (current && sameProduct(current, product)) report.unchanged++
    else writes.push({ product, isNew: !current })
  }

  total = rows.length + writes.length
  done = rows.length
  const now = context.now().toISOString()
  const deviceId = context.sync.device.deviceId
  store.transaction((repositories) => {
    for (const { product, isNew } of writes) {
      repositories.catalogWrite.upsertProduct(product, deviceId, now)
      repositories.outbox.enqueueMutation('product', product.id, now)
      if (isNew) report.created++
      else report.updated++
      tick()
    }
    context.authority.audit(repositories.audit, {
      action: 'catalog.imported',
      actor,
      approvedBy,
      details: {
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected.length,
      },
    })
  })
  context.events.emit('catalog:importProgress', { done: total, total })
  context.events.emit('catalog:changed', { count: report.created + report.updated })
  return report
}

/** Every product not deleted, in the import's columns; importing it back changes nothing. */
export function exportProductsCsv(context: Pick<CatalogContext, 'store'>): {
  csv: string
  rows: number
} {
  const { catalog } = context.store
  const categoryNames = new Map(
    catalog.listCategories().map((category) => [category.id, category.name]),
  )
  const taxRateNames = new Map(catalog.listTaxRates().map((rate) => [rate.id, rate.name]))
  const products = catalog.listAllProducts()
  const csv = stringify(
    products.map((product) => [
      product.sku,
      product.name,
      decimalText(product.priceCents, csvPriceDecimals),
      product.categoryId ? (categoryNames.get(product.categoryId) ?? '') : '',
      taxRateNames.get(product.taxRateId) ?? '',
      product.barcodes.join('|'),
      product.isActive ? 'true' : 'false',
      product.trackStock ? 'true' : 'false',
      product.pricingUnit,
    ]),
    { header: true, columns: [...csvColumns] },
  )
  return { csv, rows: products.length }
}
