import { useEffect, useId, useRef, useState, type RefObject } from 'react'
import { useTranslation } from '../../i18n'
import { useProductSearch } from '../register/useProductSearch'
import type { StockScan } from './useStockScan'

interface ProductPickerProps {
  scan: StockScan
  /** The search field, so a section can give it the focus after it acts. */
  inputRef?: RefObject<HTMLInputElement | null>
  /** What the field is for ("Scan or search a product to count"). */
  label: string
}

const shownResults = 6

/**
 * Where products come from on the Stock screen: the scanner (anywhere on the screen), or a name,
 * SKU or barcode typed here (Enter takes the code or the first match; the matches are buttons).
 * Says so when a code is not in the catalog, and asks which variant when it must.
 */
export function ProductPicker({ scan, inputRef, label }: ProductPickerProps) {
  const { t } = useTranslation('stock')
  const [text, setText] = useState('')
  const search = useProductSearch(text)
  const resultsId = useId()
  const hintId = useId()
  const questionRef = useRef<HTMLDivElement>(null)
  const results = text.trim() === '' ? [] : search.products.slice(0, shownResults)
  const { question } = scan

  // The variant question takes the focus, so the arrow and Enter keys answer it at once.
  useEffect(() => {
    if (question) questionRef.current?.querySelector<HTMLButtonElement>('button')?.focus()
  }, [question])

  return (
    <div className="stock-picker">
      <label className="field stock-picker-field">
        <span className="field-label">{label}</span>
        <input
          ref={inputRef}
          type="search"
          className="field-input"
          data-scan-target=""
          autoComplete="off"
          value={text}
          aria-describedby={hintId}
          aria-controls={results.length > 0 ? resultsId : undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return
            event.preventDefault()
            scan.submitTyped(text)
            setText('')
          }}
        />
      </label>
      <p id={hintId} className="field-hint">
        {t('scan.hint')}
      </p>
      {results.length > 0 && (
        <ul id={resultsId} className="stock-picker-results" aria-label={t('scan.results')}>
          {results.map((product) => (
            <li key={product.id}>
              <button
                type="button"
                className="button button-secondary stock-picker-result"
                onClick={() => {
                  scan.pick(product)
                  setText('')
                }}
              >
                <span>{product.name}</span>
                <span className="stock-code">{product.sku}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {search.error && <p className="field-hint field-hint-error">{search.error}</p>}
      {question && (
        <div
          ref={questionRef}
          role="group"
          aria-label={t('scan.whichVariant', { name: question.product.name })}
          className="stock-variant-question"
        >
          <span className="stock-variant-title">
            {t('scan.whichVariant', { name: question.product.name })}
          </span>
          {question.product.variants.map((variant) => (
            <button
              key={variant.id}
              type="button"
              className="button button-secondary button-small"
              onClick={() => scan.answer(variant.id)}
            >
              {variant.name}
            </button>
          ))}
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => scan.answer(null)}
          >
            {t('actions.cancel')}
          </button>
        </div>
      )}
      <div aria-live="polite" data-testid="stock-scan-notice">
        {scan.notice && (
          <p
            className={
              scan.notice.kind === 'error' ? 'field-hint field-hint-error' : 'stock-scan-notice'
            }
          >
            {scan.notice.message}
          </p>
        )}
      </div>
    </div>
  )
}
