import { v7 as uuidv7 } from 'uuid'
import type { InvokeParsedInput } from '../../shared/ipc/contract'
import { PosError } from '../../shared/ipc/errors'
import type { ProductRow } from '../store/catalogRepository'
import type { RegisterEvents } from '../events'
import type { RegisterStore, Repositories } from '../store/repositories'
import type { SyncWorker } from '../sync/syncWorker'
import type { Authority } from './authority'

/** What a catalog write needs; the IPC handlers, the CSV import and tests all pass it. */
export interface CatalogContext {
  store: RegisterStore
  /** This register: its device id stamps every row it writes. */
  sync: Pick<SyncWorker, 'device'>
  events: RegisterEvents
  authority: Authority
  now: () => Date
}
type ProductInput = InvokeParsedInput<'catalog:saveProduct'>
type CategoryInput = InvokeParsedInput<'catalog:saveCategory'>

/** Ids inside the JSON columns are referenced by sale lines, so each must name one thing. */
function requireUniqueIds(ids: readonly string[], path: (index: number) => string): void {
  const seen = new Set<string>()
  ids.forEach((id, index) => {
    if (seen.has(id))
      throw new PosError('VALIDATION_FAILED', 'The same id is used twice.', path(index))
    seen.add(id)
  })
}

function validateProduct(repositories: Repositories, id: string, input: ProductInput): void {
  const catalog = repositories.catalogWrite
  const skuOwner = catalog.productBySku(input.sku)
  if (skuOwner && skuOwner.id !== id) {
    const owner = skuOwner.deletedAt ? 'a deleted product' : skuOwner.name
    throw new PosError('CONFLICT', `SKU ${input.sku} is already used by ${owner}.`, 'sku')
  }
  const ownBarcodes = new Set<string>()
  const checkBarcode = (barcode: string, path: string) => {
    if (ownBarcodes.has(barcode))
      throw new PosError('VALIDATION_FAILED', `Barcode ${barcode} is listed twice.`, path)
    ownBarcodes.add(barcode)
    const owner = catalog.barcodeOwner(barcode, id)
    if (owner)
      throw new PosError(
        'CONFLICT',
        `Barcode ${barcode} already belongs to ${owner.name} (${owner.sku}).`,
        path,
      )
  }
  input.barcodes.forEach((barcode, index) => checkBarcode(barcode, `barcodes.${index}`))
  input.variants.forEach((variant, index) => {
    if (variant.barcode) checkBarcode(variant.barcode, `variants.${index}.barcode`)
  })
  if (!catalog.isLiveTaxRate(input.taxRateId))
    throw new PosError('VALIDATION_FAILED', 'That tax rate does not exist.', 'taxRateId')
  if (input.categoryId !== null && !catalog.isLiveCategory(input.categoryId))
    throw new PosError('VALIDATION_FAILED', 'That category does not exist.', 'categoryId')
  requireUniqueIds(
    input.variants.map((variant) => variant.id),
    (index) => `variants.${index}.id`,
  )
  requireUniqueIds(
    input.modifierGroups.map((group) => group.id),
    (index) => `modifierGroups.${index}.id`,
  )
  const optionIds = input.modifierGroups.flatMap((group, groupIndex) =>
    group.options.map((option, optionIndex) => ({
      id: option.id,
      path: `modifierGroups.${groupIndex}.options.${optionIndex}.id`,
    })),
  )
  const seenOptions = new Set<string>()
  for (const option of optionIds) {
    if (seenOptions.has(option.id))
      throw new PosError('VALIDATION_FAILED', 'The same option id is used twice.', option.path)
    seenOptions.add(option.id)
  }
  optionIds.forEach((option) => {
    if (input.variants.some((variant) => variant.id === option.id))
      throw new PosError('VALIDATION_FAILED', 'An option id is also a variant id.', option.path)
  })
}

/** Creates or edits a product (catalogEdit): row, outbox entry and audit event in one transaction. */
export function saveProduct(context: CatalogContext, input: ProductInput): ProductRow {
  const { actor, approvedBy } = context.authority.authorize('catalogEdit', input.approvalId)
  const { store } = context
  const now = context.now().toISOString()
  const id = input.id ?? uuidv7()
  store.transaction((repositories) => {
    if (input.id) {
      const existing = repositories.catalogWrite.productState(input.id)
      if (!existing || existing.deletedAt)
        throw new PosError('NOT_FOUND', 'That product no longer exists.', 'id')
    }
    validateProduct(repositories, id, input)
    repositories.catalogWrite.upsertProduct(
      {
        id,
        sku: input.sku,
        name: input.name,
        priceCents: input.priceCents,
        categoryId: input.categoryId,
        taxRateId: input.taxRateId,
        barcodes: input.barcodes,
        variants: input.variants,
        modifierGroups: input.modifierGroups,
        trackStock: input.trackStock,
        pricingUnit: input.pricingUnit,
        isActive: input.isActive,
      },
      context.sync.device.deviceId,
      now,
    )
    repositories.outbox.enqueueMutation('product', id, now)
    context.authority.audit(repositories.audit, {
      action: 'catalog.productSaved',
      actor,
      approvedBy,
      subjectId: id,
      details: {
        isNew: !input.id,
        sku: input.sku,
        name: input.name,
        priceCents: input.priceCents,
        isActive: input.isActive,
      },
    })
  })
  context.events.emit('catalog:changed', { count: 1 })
  const saved = store.catalog.findProducts([id])[0]
  if (!saved) throw new Error(`product ${id} vanished after saving`)
  return saved
}

/** Creates or edits a category (catalogEdit). Names are unique (CSV import finds categories by name). */
export function saveCategory(context: CatalogContext, input: CategoryInput) {
  const { actor, approvedBy } = context.authority.authorize('catalogEdit', input.approvalId)
  const { store } = context
  const now = context.now().toISOString()
  const id = input.id ?? uuidv7()
  store.transaction((repositories) => {
    if (input.id) {
      const existing = repositories.catalogWrite.categoryState(input.id)
      if (!existing || existing.deletedAt)
        throw new PosError('NOT_FOUND', 'That category no longer exists.', 'id')
    }
    if (repositories.catalogWrite.categoryIdByName(input.name, id))
      throw new PosError('CONFLICT', `There is already a category named ${input.name}.`, 'name')
    repositories.catalogWrite.upsertCategory(
      { id, name: input.name, color: input.color, sortOrder: input.sortOrder },
      context.sync.device.deviceId,
      now,
    )
    repositories.outbox.enqueueMutation('category', id, now)
    context.authority.audit(repositories.audit, {
      action: 'catalog.categorySaved',
      actor,
      approvedBy,
      subjectId: id,
      details: { isNew: !input.id, name: input.name },
    })
  })
  context.events.emit('catalog:changed', { count: 1 })
  const saved = store.catalog.listCategories().find((category) => category.id === id)
  if (!saved) throw new Error(`category ${id} vanished after saving`)
  return saved
}
