import { useId, useRef, useState, type FormEvent } from 'react'
import { PosError } from '../../../../shared/ipc'
import { useAppInfo } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { ModalActions } from '../../components/ModalActions'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { Category } from '../../types'
import { useProtected } from '../approval/useProtected'
import { BarcodesEditor } from './BarcodesEditor'
import { errorProps, FieldMessage } from './fieldErrors'
import { ModifierGroupsEditor } from './ModifierGroupsEditor'
import { moneyExample } from './moneyText'
import { formToInput, shownPaths, type FieldErrors, type ProductForm } from './productForm'
import type { CatalogProduct, TaxRate } from './useCatalogData'
import { VariantsEditor } from './VariantsEditor'

interface ProductEditorProps {
  initial: ProductForm
  categories: readonly Category[]
  taxRates: readonly TaxRate[]
  onClose: () => void
  onSaved: (product: CatalogProduct) => void
}

/** Drops the message at `path` and any below it (a removed row shifts the rows after it). */
function clearErrors(errors: FieldErrors, path: string): FieldErrors {
  const kept = Object.entries(errors).filter(([key]) => key !== path && !key.startsWith(`${path}.`))
  return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept)
}

export function ProductEditor({
  initial,
  categories,
  taxRates,
  onClose,
  onSaved,
}: ProductEditorProps) {
  const { t } = useTranslation('catalog')
  const { currency } = useAppInfo()
  const protectedCall = useProtected()
  const baseId = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const skuRef = useRef<HTMLInputElement>(null)
  const [form, setForm] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [error, setError] = useState<string | null>(null)
  const [isSaving, setIsSaving] = useState(false)
  const isSavingRef = useRef(false)
  const isNew = initial.id === undefined

  function change<K extends keyof ProductForm>(key: K, value: ProductForm[K], path: string) {
    setForm((current) => ({ ...current, [key]: value }))
    setErrors((current) => clearErrors(current, path))
  }

  function focusFirstInvalid() {
    // After React has drawn the messages.
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    )
  }

  async function save(event: FormEvent) {
    event.preventDefault()
    if (isSavingRef.current) return
    setError(null)
    const checked = formToInput(form, currency)
    if (checked.kind === 'invalid') {
      setErrors(checked.errors)
      focusFirstInvalid()
      return
    }
    isSavingRef.current = true
    setIsSaving(true)
    try {
      const saved = await protectedCall('catalogEdit', (approvalId) =>
        pos.invoke('catalog:saveProduct', { ...checked.input, approvalId }),
      )
      if (saved !== null) {
        onSaved(saved)
        return
      }
    } catch (failure) {
      const path = failure instanceof PosError ? failure.path : undefined
      if (path !== undefined && shownPaths(form).has(path)) {
        setErrors({ [path]: errorMessage(failure) })
        focusFirstInvalid()
      } else {
        setError(t('editor.saveFailed', { error: errorMessage(failure) }))
      }
    }
    isSavingRef.current = false
    setIsSaving(false)
  }

  const field = (path: string) => errorProps(errors, path, baseId)
  const message = (path: string) => <FieldMessage errors={errors} path={path} baseId={baseId} />

  return (
    <Modal
      title={isNew ? t('editor.newTitle') : t('editor.editTitle')}
      onClose={onClose}
      isCloseable={!isSaving}
      initialFocusRef={skuRef}
      className="product-editor"
    >
      <form
        ref={formRef}
        className="product-form"
        onSubmit={(event) => void save(event)}
        noValidate
      >
        <fieldset className="product-form-body" disabled={isSaving}>
          <div className="product-form-grid">
            <div>
              <label className="field">
                <span className="field-label">{t('editor.sku')}</span>
                <input
                  ref={skuRef}
                  className="field-input catalog-code-input"
                  type="text"
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={80}
                  {...field('sku')}
                  value={form.sku}
                  onChange={(event) => change('sku', event.target.value, 'sku')}
                />
              </label>
              {message('sku')}
            </div>
            <div className="product-form-wide">
              <label className="field">
                <span className="field-label">{t('editor.name')}</span>
                <input
                  className="field-input"
                  type="text"
                  autoComplete="off"
                  maxLength={200}
                  {...field('name')}
                  value={form.name}
                  onChange={(event) => change('name', event.target.value, 'name')}
                />
              </label>
              {message('name')}
            </div>
            <div>
              <label className="field">
                <span className="field-label">
                  {form.pricingUnit === 'kg' ? t('editor.pricePerKg') : t('editor.price')}
                </span>
                <input
                  className="field-input catalog-money-input"
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder={moneyExample(currency)}
                  {...field('priceCents')}
                  value={form.price}
                  onChange={(event) => change('price', event.target.value, 'priceCents')}
                />
              </label>
              {message('priceCents')}
            </div>
            <div>
              <label className="field">
                <span className="field-label">{t('editor.pricingUnit')}</span>
                <select
                  className="field-input"
                  value={form.pricingUnit}
                  onChange={(event) =>
                    change(
                      'pricingUnit',
                      event.target.value === 'kg' ? 'kg' : 'each',
                      'pricingUnit',
                    )
                  }
                >
                  <option value="each">{t('editor.unitEach')}</option>
                  <option value="kg">{t('editor.unitKg')}</option>
                </select>
              </label>
            </div>
            <div>
              <label className="field">
                <span className="field-label">{t('editor.category')}</span>
                <select
                  className="field-input"
                  {...field('categoryId')}
                  value={form.categoryId}
                  onChange={(event) => change('categoryId', event.target.value, 'categoryId')}
                >
                  <option value="">{t('editor.noCategory')}</option>
                  {categories.map((category) => (
                    <option key={category.id} value={category.id}>
                      {category.name}
                    </option>
                  ))}
                </select>
              </label>
              {message('categoryId')}
            </div>
            <div>
              <label className="field">
                <span className="field-label">{t('editor.taxRate')}</span>
                <select
                  className="field-input"
                  {...field('taxRateId')}
                  value={form.taxRateId}
                  onChange={(event) => change('taxRateId', event.target.value, 'taxRateId')}
                >
                  {form.taxRateId === '' && <option value="">{t('editor.chooseTaxRate')}</option>}
                  {taxRates.map((rate) => (
                    <option key={rate.id} value={rate.id}>
                      {rate.name}
                    </option>
                  ))}
                </select>
              </label>
              {message('taxRateId')}
            </div>
            <div className="product-form-checks">
              <label className="catalog-check">
                <input
                  type="checkbox"
                  checked={form.isActive}
                  onChange={(event) => change('isActive', event.target.checked, 'isActive')}
                />
                <span>{t('editor.active')}</span>
              </label>
              <label className="catalog-check">
                <input
                  type="checkbox"
                  checked={form.trackStock}
                  onChange={(event) => change('trackStock', event.target.checked, 'trackStock')}
                />
                <span>{t('editor.trackStock')}</span>
              </label>
            </div>
          </div>

          <BarcodesEditor
            barcodes={form.barcodes}
            onChange={(barcodes, path) => change('barcodes', barcodes, path)}
            errors={errors}
            baseId={baseId}
          />
          <VariantsEditor
            variants={form.variants}
            onChange={(variants, path) => change('variants', variants, path)}
            errors={errors}
            baseId={baseId}
          />
          <ModifierGroupsEditor
            groups={form.modifierGroups}
            onChange={(groups, path) => change('modifierGroups', groups, path)}
            errors={errors}
            baseId={baseId}
          />
        </fieldset>

        {Object.keys(errors).length > 0 && (
          <p className="field-hint field-hint-error" role="alert">
            {t('editor.fixFields')}
          </p>
        )}
        {error && <ErrorAlert message={error} />}

        <ModalActions submitLabel={t('editor.save')} onCancel={onClose} isBusy={isSaving} />
      </form>
    </Modal>
  )
}
