import { useId, useState } from 'react'
import { useTranslation } from '../../i18n'
import { parseQuantity } from './stockItem'

interface QuantityInputProps {
  value: number
  /** A valid number typed: the line takes it. */
  onChange: (quantity: number) => void
  /** The field's accessible name ("Counted for Espresso"). */
  label: string
  allowNegative?: boolean
  /** A message from main about this field (e.g. "must not be zero"). */
  error?: string
  className?: string
}

/**
 * A quantity typed on a line. What is typed stays as typed while it is not a number yet (a lone
 * "-" or "1."), with the reason beside it; a scan that changes the value elsewhere shows here.
 */
export function QuantityInput({
  value,
  onChange,
  label,
  allowNegative = false,
  error,
  className,
}: QuantityInputProps) {
  const { t } = useTranslation('stock')
  const messageId = useId()
  const [text, setText] = useState(String(value))
  const [shown, setShown] = useState(value)
  if (shown !== value) {
    setShown(value)
    if (parseQuantity(text, allowNegative) !== value) setText(String(value))
  }
  const parsed = parseQuantity(text, allowNegative)
  const message =
    parsed === null ? t(allowNegative ? 'quantity.invalidSigned' : 'quantity.invalid') : error
  return (
    <span className={className ? `stock-quantity ${className}` : 'stock-quantity'}>
      <input
        className="field-input stock-quantity-input"
        inputMode="decimal"
        autoComplete="off"
        data-scan-target=""
        aria-label={label}
        aria-invalid={message !== undefined}
        aria-describedby={message === undefined ? undefined : messageId}
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          const next = parseQuantity(event.target.value, allowNegative)
          if (next !== null && next !== value) {
            setShown(next)
            onChange(next)
          }
        }}
      />
      {message !== undefined && (
        <span id={messageId} className="field-hint field-hint-error stock-quantity-error">
          {message}
        </span>
      )}
    </span>
  )
}
