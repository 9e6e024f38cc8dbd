import { v4 as uuidv4 } from 'uuid'
import { useDisplayLocale } from '../../appInfo'
import { useTranslation } from '../../i18n'
import { errorProps, FieldMessage } from './fieldErrors'
import type { FieldErrors, VariantForm } from './productForm'

interface VariantsEditorProps {
  variants: readonly VariantForm[]
  onChange: (variants: VariantForm[], changedPath: string) => void
  errors: FieldErrors
  baseId: string
}

const columns = [
  { field: 'name', label: 'variants.nameOf', path: 'name' },
  { field: 'price', label: 'variants.priceOf', path: 'priceCents' },
  { field: 'sku', label: 'variants.skuOf', path: 'sku' },
  { field: 'barcode', label: 'variants.barcodeOf', path: 'barcode' },
] as const

/** Sizes or other choices; each replaces the product's price. */
export function VariantsEditor({ variants, onChange, errors, baseId }: VariantsEditorProps) {
  const { t } = useTranslation('catalog')
  const locale = useDisplayLocale()
  const number = (value: number) => value.toLocaleString(locale)
  function update(index: number, field: (typeof columns)[number]['field'], value: string) {
    onChange(
      variants.map((variant, at) => (at === index ? { ...variant, [field]: value } : variant)),
      `variants.${index}.${columns.find((column) => column.field === field)?.path ?? field}`,
    )
  }

  return (
    <fieldset className="catalog-fieldset">
      <legend className="field-label">{t('variants.title')}</legend>
      <p className="catalog-fieldset-intro">{t('variants.intro')}</p>
      {variants.length > 0 && (
        <div className="catalog-variant-grid">
          <span className="catalog-grid-heading">{t('variants.name')}</span>
          <span className="catalog-grid-heading">{t('variants.price')}</span>
          <span className="catalog-grid-heading">{t('variants.sku')}</span>
          <span className="catalog-grid-heading">{t('variants.barcode')}</span>
          <span />
          {variants.map((variant, index) => (
            <div key={variant.id} className="catalog-variant-row" data-testid="variant-row">
              {columns.map((column) => {
                const path = `variants.${index}.${column.path}`
                return (
                  <div key={column.field} className="catalog-grid-cell">
                    <input
                      className={
                        column.field === 'price'
                          ? 'field-input catalog-money-input'
                          : column.field === 'name'
                            ? 'field-input'
                            : 'field-input catalog-code-input'
                      }
                      type="text"
                      inputMode={column.field === 'price' ? 'decimal' : undefined}
                      autoComplete="off"
                      spellCheck={false}
                      aria-label={t(column.label, { number: number(index + 1) })}
                      {...errorProps(errors, path, baseId)}
                      value={variant[column.field]}
                      onChange={(event) => update(index, column.field, event.target.value)}
                    />
                    <FieldMessage errors={errors} path={path} baseId={baseId} />
                  </div>
                )
              })}
              <button
                type="button"
                className="icon-button icon-button-danger"
                aria-label={t('variants.remove', { number: number(index + 1) })}
                onClick={() =>
                  onChange(
                    variants.filter((_, at) => at !== index),
                    'variants',
                  )
                }
              >
                ✕
              </button>
            </div>
          ))}
        </div>
      )}
      <button
        type="button"
        className="button button-secondary button-small catalog-add"
        disabled={variants.length >= 50}
        onClick={() =>
          onChange(
            [...variants, { id: uuidv4(), name: '', price: '', sku: '', barcode: '' }],
            'variants',
          )
        }
      >
        {t('variants.add')}
      </button>
    </fieldset>
  )
}
