import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { asciiDigits, parseMoney } from '../../../../shared/domain'
import { useAppInfo } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'

/** No shift is open: the cashier counts the float into the drawer and opens one. */
export function OpenShiftForm({ onOpened }: { onOpened: () => Promise<void> }) {
  const { t } = useTranslation('shift')
  const { currency } = useAppInfo()
  const inputRef = useRef<HTMLInputElement>(null)
  const hintId = useId()
  const [floatText, setFloatText] = useState('')
  const [isOpening, setIsOpening] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => inputRef.current?.focus(), [])

  const openingCashCents = parseMoney(asciiDigits(floatText), currency)
  const isInvalid = floatText.trim() !== '' && openingCashCents === null

  async function open(event: FormEvent) {
    event.preventDefault()
    if (isOpening) return
    if (openingCashCents === null) {
      setError(t('open.missingFloat'))
      inputRef.current?.focus()
      return
    }
    setIsOpening(true)
    setError(null)
    try {
      await pos.invoke('shift:open', { openingCashCents })
      await onOpened()
    } catch (failure) {
      setError(t('open.failed', { error: errorMessage(failure) }))
      setIsOpening(false)
      inputRef.current?.focus()
    }
  }

  return (
    <section className="page-card" aria-labelledby="open-shift-title">
      <h3 id="open-shift-title" className="page-card-title">
        {t('open.title')}
      </h3>
      <p className="page-card-intro">{t('open.intro')}</p>
      <form className="shift-open-form" onSubmit={(event) => void open(event)} noValidate>
        <label className="field">
          <span className="field-label">{t('open.float')}</span>
          <input
            ref={inputRef}
            className="field-input money-input"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            placeholder="0.00"
            value={floatText}
            aria-invalid={isInvalid}
            aria-describedby={hintId}
            readOnly={isOpening}
            onChange={(event) => setFloatText(event.target.value)}
          />
        </label>
        <p id={hintId} className={isInvalid ? 'field-hint field-hint-error' : 'field-hint'}>
          {isInvalid ? t('open.badAmount') : ''}
        </p>
        {error && <ErrorAlert message={error} />}
        <button
          type="submit"
          className="button button-primary shift-open-submit"
          disabled={isOpening}
          aria-busy={isOpening}
        >
          {isOpening && <span className="spinner" aria-hidden="true" />}
          {t('open.submit')}
        </button>
      </form>
    </section>
  )
}
