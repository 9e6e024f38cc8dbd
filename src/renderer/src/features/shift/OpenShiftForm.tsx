import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { parseMoney } from '../../../../shared/domain'
import { useAppInfo } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { errorMessage, pos } from '../../pos'

/** No shift is open: the cashier counts the float into the drawer and opens one. */
export function OpenShiftForm({ onOpened }: { onOpened: () => Promise<void> }) {
  const { currency } = useAppInfo()
  const inputRef = useRef<HTMLInputElement>(null)
  const hintId = useId()
  const [floatText, setFloatText] = useState('')
  const [isOpening, setIsOpening] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => inputRef.current?.focus(), [])

  const openingCashCents = parseMoney(floatText, currency)
  const isInvalid = floatText.trim() !== '' && openingCashCents === null

  async function open(event: FormEvent) {
    event.preventDefault()
    if (isOpening) return
    if (openingCashCents === null) {
      setError('Enter the cash you put in the drawer, such as 100 or 150.00 (0 if none).')
      inputRef.current?.focus()
      return
    }
    setIsOpening(true)
    setError(null)
    try {
      await pos.invoke('shift:open', { openingCashCents })
      await onOpened()
    } catch (failure) {
      setError(`The shift was not opened: ${errorMessage(failure)}`)
      setIsOpening(false)
      inputRef.current?.focus()
    }
  }

  return (
    <section className="page-card" aria-labelledby="open-shift-title">
      <h3 id="open-shift-title" className="page-card-title">
        No shift is open
      </h3>
      <p className="page-card-intro">
        Count the float into the drawer, then open the shift to start selling.
      </p>
      <form className="shift-open-form" onSubmit={(event) => void open(event)} noValidate>
        <label className="field">
          <span className="field-label">Opening float</span>
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
          {isInvalid ? 'Enter an amount such as 100 or 150.00.' : ''}
        </p>
        {error && <ErrorAlert message={error} />}
        <button
          type="submit"
          className="button button-primary shift-open-submit"
          disabled={isOpening}
          aria-busy={isOpening}
        >
          {isOpening && <span className="spinner" aria-hidden="true" />}
          Open shift
        </button>
      </form>
    </section>
  )
}
