import { useState } from 'react'
import { PricingUnit } from '../../../../shared/ipc/catalogSchemas'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import {
  AdminProductBody,
  type AdminRecord,
  type CategoryRecordData,
  type ProductRecordData,
  type TaxRateRecordData,
} from '../../../../shared/backoffice/catalog'
import { Dialog } from '../../components/Dialog'
import { SelectField, TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'
import { CheckField } from './storeChoice'
import {
  ModifierGroupsEditor,
  groupDrafts,
  groupsBody,
  type GroupDraft,
} from './ModifierGroupsEditor'
import { amountText, minorUnitsOf } from './money'

interface StoredVariant {
  id: string
  name: string
  priceCents: number
  sku: string | null
  barcode: string | null
}

/** A variant as typed: its price in the store's currency. */
interface VariantDraft extends Omit<StoredVariant, 'priceCents'> {
  price: string
}

interface ProductFormProps {
  store: StoreDetail
  /** The product being edited, or null for a new one. */
  product: AdminRecord | null
  categories: readonly AdminRecord[]
  taxRates: readonly AdminRecord[]
  onDone: (name: string) => void
  onClose: () => void
}

/**
 * A product as the register's editor has it: SKU, name, price in the store's currency, category,
 * tax rate, barcodes, unit, stock tracking, active, variants (name and price), modifier groups
 * (ModifierGroupsEditor).
 */
export function ProductForm({
  store,
  product,
  categories,
  taxRates,
  onDone,
  onClose,
}: ProductFormProps) {
  const { t } = useTranslation('catalog')
  const { api } = useSignedIn()
  const data = (product?.data ?? null) as ProductRecordData | null
  const [id] = useState(() => product?.id ?? crypto.randomUUID())
  const [sku, setSku] = useState(data?.sku ?? '')
  const [name, setName] = useState(data?.name ?? '')
  const [price, setPrice] = useState(data ? amountText(data.priceCents, store.currency) : '')
  const [categoryId, setCategoryId] = useState(data?.categoryId ?? '')
  const [taxRateId, setTaxRateId] = useState(data?.taxRateId ?? '')
  const [barcodes, setBarcodes] = useState((data?.barcodes ?? []).join(' '))
  const [trackStock, setTrackStock] = useState(data?.trackStock ?? false)
  const [isActive, setIsActive] = useState(data?.isActive ?? true)
  const [pricingUnit, setPricingUnit] = useState<string>(data?.pricingUnit ?? 'each')
  const [variants, setVariants] = useState<VariantDraft[]>(() =>
    (data?.variants ?? []).map((variant) => {
      const stored = variant as StoredVariant
      return { ...stored, price: amountText(stored.priceCents, store.currency) }
    }),
  )
  const [groups, setGroups] = useState<GroupDraft[]>(() =>
    groupDrafts(data?.modifierGroups ?? [], store.currency),
  )
  const editVariant = (index: number, change: Partial<VariantDraft>) =>
    setVariants((drafts) =>
      drafts.map((draft, at) => (at === index ? { ...draft, ...change } : draft)),
    )
  const form = useForm({
    schema: AdminProductBody,
    values: () => ({
      baseVersion: product?.version ?? 0,
      sku,
      name,
      priceCents: minorUnitsOf(price, store.currency),
      categoryId: categoryId || null,
      taxRateId: taxRateId || null,
      barcodes: barcodes.split(/[\s,]+/).filter(Boolean),
      variants: variants.map(({ price: variantPrice, ...variant }) => ({
        ...variant,
        priceCents: minorUnitsOf(variantPrice, store.currency),
      })),
      modifierGroups: groupsBody(groups, store.currency),
      pricingUnit,
      trackStock,
      isActive,
    }),
    send: async (body) => {
      await api.saveProduct(store.id, id, body)
      return body.name
    },
    onDone,
    codeFields: { SKU_TAKEN: { field: 'sku', message: t('products.skuTaken') } },
  })
  return (
    <Dialog title={product ? t('products.editTitle') : t('products.newTitle')} onClose={onClose}>
      <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
        <ErrorMessage>{form.formError}</ErrorMessage>
        <div className="bo-form-grid">
          <TextField
            name="name"
            label={t('products.name')}
            value={name}
            onChange={setName}
            error={form.fieldErrors.name}
            dir="auto"
          />
          <TextField
            name="sku"
            label={t('products.sku')}
            value={sku}
            onChange={setSku}
            error={form.fieldErrors.sku}
            dir="ltr"
          />
          <TextField
            name="priceCents"
            label={t('products.price', { currency: store.currency })}
            value={price}
            onChange={setPrice}
            error={form.fieldErrors.priceCents}
            dir="ltr"
          />
          <SelectField
            name="categoryId"
            label={t('products.category')}
            value={categoryId}
            options={[
              { value: '', label: t('products.noCategory') },
              ...categories.map((row) => ({
                value: row.id,
                label: (row.data as CategoryRecordData).name,
              })),
            ]}
            onChange={setCategoryId}
            error={form.fieldErrors.categoryId}
          />
          <SelectField
            name="taxRateId"
            label={t('products.taxRate')}
            value={taxRateId}
            options={[
              { value: '', label: t('products.defaultTaxRate') },
              ...taxRates.map((row) => ({
                value: row.id,
                label: (row.data as TaxRateRecordData).name,
              })),
            ]}
            onChange={setTaxRateId}
            error={form.fieldErrors.taxRateId}
          />
          <TextField
            name="barcodes"
            label={t('products.barcodes')}
            hint={t('products.barcodesHint')}
            value={barcodes}
            onChange={setBarcodes}
            error={form.fieldErrors.barcodes}
            dir="ltr"
          />
          <SelectField
            name="pricingUnit"
            label={t('products.pricingUnit')}
            value={pricingUnit}
            options={PricingUnit.options.map((value) => ({
              value,
              label: t(`products.units.${value}`),
            }))}
            onChange={setPricingUnit}
            error={form.fieldErrors.pricingUnit}
          />
          <CheckField
            name="trackStock"
            label={t('products.trackStock')}
            isChecked={trackStock}
            onChange={setTrackStock}
          />
          <CheckField
            name="isActive"
            label={t('products.active')}
            isChecked={isActive}
            onChange={setIsActive}
          />
        </div>
        <fieldset className="field bo-checkbox-group">
          <legend className="field-label">{t('products.variants')}</legend>
          {variants.map((variant, index) => (
            <div key={variant.id} className="bo-form-grid">
              <TextField
                name={index === 0 ? 'variants' : `variants.${index}`}
                label={t('products.variantName', { number: index + 1 })}
                value={variant.name}
                onChange={(value) => editVariant(index, { name: value })}
                dir="auto"
              />
              <TextField
                name={`variants.${index}.price`}
                label={t('products.variantPrice', { number: index + 1 })}
                value={variant.price}
                onChange={(value) => editVariant(index, { price: value })}
                dir="ltr"
              />
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setVariants((drafts) => drafts.filter((_, at) => at !== index))}
              >
                {t('products.removeVariant', { number: index + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() =>
              setVariants((drafts) => [
                ...drafts,
                { id: crypto.randomUUID(), name: '', price: '', sku: null, barcode: null },
              ])
            }
          >
            {t('products.addVariant')}
          </button>
          {form.fieldErrors.variants ? (
            <p className="field-hint field-hint-error">{form.fieldErrors.variants}</p>
          ) : null}
        </fieldset>
        <ModifierGroupsEditor
          groups={groups}
          onChange={setGroups}
          currency={store.currency}
          issuePaths={form.issuePaths}
        />
        <div className="bo-form-actions">
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={form.isSubmitting}>
            {t('common:actions.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
