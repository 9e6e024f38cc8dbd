import { v4 as uuidv4 } from 'uuid'
import { errorProps, FieldMessage } from './fieldErrors'
import type { FieldErrors, VariantForm } from './productForm'

interface VariantsEditorProps {
  variants: readonly VariantForm[]
  onChange: (variants: VariantForm[], changedPath: string) => void
  errors: FieldErrors
  baseId: string
}

const columns = [
  { field: 'name', label: 'name', path: 'name' },
  { field: 'price', label: 'price', path: 'priceCents' },
  { field: 'sku', label: 'SKU', path: 'sku' },
  { field: 'barcode', label: 'barcode', path: 'barcode' },
] as const

/** Sizes or other choices; each replaces the product's price. */
export function VariantsEditor({ variants, onChange, errors, baseId }: VariantsEditorProps) {
  function update(index: number, field: (typeof columns)[number]['field'], value: string) {
    onChange(
      variants.map((variant, at) => (at === index ? { ...variant, [field]: value } : variant)),
      `variants.${index}.${columns.find((column) => column.field === field)?.path ?? field}`,
    )
  }

  return (
    <fieldset className="catalog-fieldset">
      <legend className="field-label">Variants</legend>
      <p className="catalog-fieldset-intro">
        E.g. Small and Large. A variant&apos;s price replaces the product&apos;s price.
      </p>
      {variants.length > 0 && (
        <div className="catalog-variant-grid">
          <span className="catalog-grid-heading">Name</span>
          <span className="catalog-grid-heading">Price</span>
          <span className="catalog-grid-heading">SKU (optional)</span>
          <span className="catalog-grid-heading">Barcode (optional)</span>
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
                      aria-label={`Variant ${index + 1} ${column.label}`}
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
                aria-label={`Remove variant ${index + 1}`}
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
        Add variant
      </button>
    </fieldset>
  )
}
