import { useEffect, useId, useRef, type FormEvent } from 'react'
import { useTranslation } from '../../i18n'

interface FindOrderFormProps {
  value: string
  onChange: (value: string) => void
  onFind: (orderNumber: string) => void
  isFinding: boolean
  error: string | null
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  )
}

/**
 * "Order number": typed, or scanned from the receipt (a scanner types the number, then Enter).
 * Keys typed while nothing else takes text land here, so a scan works without clicking first.
 */
export function FindOrderForm({ value, onChange, onFind, isFinding, error }: FindOrderFormProps) {
  const { t } = useTranslation('orders')
  const inputRef = useRef<HTMLInputElement>(null)
  const hintId = useId()

  useEffect(() => {
    function catchScan(event: KeyboardEvent) {
      const input = inputRef.current
      if (!input || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return
      // Not while hidden, while another field has focus, or while a dialog is up.
      if (input.offsetParent === null || isEditable(event.target)) return
      if (document.querySelector('dialog[open]')) return
      // Focus moves before the key is handled, so the character itself lands in the field.
      input.focus()
      input.select()
    }
    window.addEventListener('keydown', catchScan)
    return () => window.removeEventListener('keydown', catchScan)
  }, [])

  function submit(event: FormEvent) {
    event.preventDefault()
    const orderNumber = value.trim()
    if (orderNumber !== '') onFind(orderNumber)
  }

  return (
    <form className="find-order" role="search" aria-label={t('find.label')} onSubmit={submit}>
      <div className="find-order-row">
        <label className="field find-order-field">
          <span className="field-label">{t('find.number')}</span>
          <input
            ref={inputRef}
            className="field-input find-order-input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            placeholder={t('find.placeholder')}
            aria-invalid={error !== null}
            aria-describedby={hintId}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button button-secondary find-order-submit"
          disabled={isFinding || value.trim() === ''}
          aria-busy={isFinding}
        >
          {t('find.submit')}
        </button>
      </div>
      <p
        id={hintId}
        className={error ? 'field-hint field-hint-error' : 'field-hint'}
        role={error ? 'alert' : undefined}
      >
        {error ?? ''}
      </p>
    </form>
  )
}
