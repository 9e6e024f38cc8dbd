import { useTranslation } from '../../i18n'

interface PinPadProps {
  isDisabled: boolean
  onDigit: (digit: string) => void
  onBackspace: () => void
}

const digitRows = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
]

/**
 * Touch keys for the PIN; they keep focus in the PIN field so the keyboard works alongside. The
 * pad is laid out left to right in Arabic too: a number pad is never mirrored (1 stays top left).
 */
export function PinPad({ isDisabled, onDigit, onBackspace }: PinPadProps) {
  const { t } = useTranslation('session')
  return (
    <div className="pin-pad" role="group" aria-label={t('pinPad')} dir="ltr">
      {digitRows.flat().map((digit) => (
        <PadKey key={digit} label={digit} isDisabled={isDisabled} onPress={() => onDigit(digit)} />
      ))}
      <span aria-hidden="true" />
      <PadKey label="0" isDisabled={isDisabled} onPress={() => onDigit('0')} />
      <PadKey label="⌫" name={t('backspace')} isDisabled={isDisabled} onPress={onBackspace} />
    </div>
  )
}

function PadKey({
  label,
  name,
  isDisabled,
  onPress,
}: {
  label: string
  name?: string
  isDisabled: boolean
  onPress: () => void
}) {
  return (
    <button
      type="button"
      className="pin-pad-key"
      aria-label={name}
      disabled={isDisabled}
      // Keeps focus (and the caret) in the PIN field so typing and tapping mix.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onPress}
    >
      {label}
    </button>
  )
}
