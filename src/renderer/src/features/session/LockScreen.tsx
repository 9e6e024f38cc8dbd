import { asciiDigits } from '../../../../shared/domain'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { PosError } from '../../../../shared/ipc'
import '../../styles/session.css'
import { useAppInfo } from '../../appInfo'
import { Clock } from '../../components/Clock'
import { i18n, useTranslation } from '../../i18n'
import { pos } from '../../pos'
import { PinPad } from './PinPad'
import { useSession } from './useSession'

const maxPinLength = 8
const minPinLength = 4

/**
 * Covers the whole register until someone signs in with their PIN. A modal <dialog> opened last
 * sits above any dialog left open underneath (an approval, a payment) and makes the rest inert.
 */
export function LockScreen() {
  const info = useAppInfo()
  const { t } = useTranslation('session')
  const { update } = useSession()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const titleId = useId()
  const hintId = useId()
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [isSigningIn, setIsSigningIn] = useState(false)
  const isSigningInRef = useRef(false)

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    inputRef.current?.focus()
    return () => dialog.close()
  }, [])

  function enterDigits(next: string) {
    setPin(asciiDigits(next).replace(/\D/g, '').slice(0, maxPinLength))
    inputRef.current?.focus()
  }

  async function signIn(event?: FormEvent) {
    event?.preventDefault()
    if (isSigningInRef.current) return
    if (pin.length < minPinLength) {
      setError(t('pinLength', { min: minPinLength, max: maxPinLength }))
      inputRef.current?.focus()
      return
    }
    isSigningInRef.current = true
    setIsSigningIn(true)
    setError(null)
    try {
      update(await pos.invoke('session:signIn', { pin }))
    } catch (failure) {
      setPin('')
      setError(signInProblem(failure))
      isSigningInRef.current = false
      setIsSigningIn(false)
      inputRef.current?.focus()
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="lock-screen"
      aria-labelledby={titleId}
      onCancel={(event) => event.preventDefault()}
      onClose={() => {
        // Chrome lets a second Esc close a dialog anyway; a lock screen must come straight back.
        const dialog = dialogRef.current
        if (dialog?.isConnected && !dialog.open) dialog.showModal()
      }}
    >
      <header className="lock-screen-bar">
        <span className="top-bar-store">{info.storeName}</span>
        <span className="top-bar-register">{t('register', { code: info.registerCode })}</span>
        <Clock locale={info.locale} />
      </header>
      <form className="lock-card" onSubmit={(event) => void signIn(event)} noValidate>
        <h1 id={titleId} className="lock-title">
          {t('signIn')}
        </h1>
        <p className="lock-intro">{t('intro')}</p>
        <label className="field lock-field">
          <span className="field-label">{t('pin')}</span>
          <input
            ref={inputRef}
            className="field-input lock-pin-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={maxPinLength}
            value={pin}
            aria-invalid={error !== null}
            aria-describedby={hintId}
            readOnly={isSigningIn}
            onChange={(event) => {
              setError(null)
              enterDigits(event.target.value)
            }}
          />
        </label>
        <div id={hintId} className="lock-message">
          {error && (
            <p role="alert" className="field-hint field-hint-error">
              {error}
            </p>
          )}
        </div>
        <PinPad
          isDisabled={isSigningIn}
          onDigit={(digit) => {
            setError(null)
            enterDigits(pin + digit)
          }}
          onBackspace={() => enterDigits(pin.slice(0, -1))}
        />
        <button
          type="submit"
          className="button button-primary lock-submit"
          disabled={isSigningIn}
          aria-busy={isSigningIn}
        >
          {isSigningIn && <span className="spinner" aria-hidden="true" />}
          {t('enter')}
        </button>
      </form>
    </dialog>
  )
}

function signInProblem(failure: unknown): string {
  if (failure instanceof PosError) {
    // Main's PIN_LOCKED message says how long to wait; a wrong PIN gets a plain retry prompt.
    if (failure.code === 'PIN_INVALID') return i18n.t('session:wrongPin')
    return failure.message
  }
  return failure instanceof Error ? failure.message : i18n.t('session:signInFailed')
}
