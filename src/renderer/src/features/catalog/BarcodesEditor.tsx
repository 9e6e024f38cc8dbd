import { useDisplayLocale } from '../../appInfo'
import { useTranslation } from '../../i18n'
import { errorProps, FieldMessage } from './fieldErrors'
import type { FieldErrors } from './productForm'

interface BarcodesEditorProps {
  barcodes: readonly string[]
  onChange: (barcodes: string[], changedPath: string) => void
  errors: FieldErrors
  baseId: string
}

/** A product's barcodes; the first is the one printed on shelf labels. */
export function BarcodesEditor({ barcodes, onChange, errors, baseId }: BarcodesEditorProps) {
  const { t } = useTranslation('catalog')
  const locale = useDisplayLocale()
  const number = (value: number) => value.toLocaleString(locale)
  return (
    <fieldset className="catalog-fieldset">
      <legend className="field-label">{t('barcodes.title')}</legend>
      {barcodes.length === 0 && <p className="catalog-fieldset-empty">{t('barcodes.none')}</p>}
      <ul className="catalog-barcodes">
        {barcodes.map((barcode, index) => {
          const path = `barcodes.${index}`
          return (
            <li key={index}>
              <div className="catalog-row-fields">
                <input
                  className="field-input catalog-code-input"
                  type="text"
                  autoComplete="off"
                  spellCheck={false}
                  aria-label={t('barcodes.barcode', { number: number(index + 1) })}
                  {...errorProps(errors, path, baseId)}
                  value={barcode}
                  onChange={(event) =>
                    onChange(
                      barcodes.map((old, at) => (at === index ? event.target.value : old)),
                      path,
                    )
                  }
                />
                <button
                  type="button"
                  className="icon-button icon-button-danger"
                  aria-label={t('barcodes.remove', { number: number(index + 1) })}
                  onClick={() =>
                    onChange(
                      barcodes.filter((_, at) => at !== index),
                      'barcodes',
                    )
                  }
                >
                  ✕
                </button>
              </div>
              <FieldMessage errors={errors} path={path} baseId={baseId} />
            </li>
          )
        })}
      </ul>
      <FieldMessage errors={errors} path="barcodes" baseId={baseId} />
      <button
        type="button"
        className="button button-secondary button-small catalog-add"
        disabled={barcodes.length >= 20}
        onClick={() => onChange([...barcodes, ''], 'barcodes')}
      >
        {t('barcodes.add')}
      </button>
    </fieldset>
  )
}
