import { useRef, useState, type FormEvent, type ReactNode } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { ModalActions } from '../../components/ModalActions'
import { useTranslation } from '../../i18n'
import { errorMessage } from '../../pos'

interface TextDialogProps {
  title: string
  label: string
  initialValue?: string
  maxLength: number
  isRequired?: boolean
  confirmLabel: string
  /** Tapped in as the text (common void reasons). */
  suggestions?: readonly string[]
  children?: ReactNode
  /** May be async: the dialog shows progress and keeps the text if it throws. */
  onSubmit: (value: string) => void | Promise<void>
  onClose: () => void
  isDanger?: boolean
}

/** One line of text and a confirm button: a note, a parked sale's label, a void reason. */
export function TextDialog(props: TextDialogProps) {
  const { title, label, initialValue = '', maxLength, isRequired = false, confirmLabel } = props
  const { t } = useTranslation('register')
  const inputRef = useRef<HTMLInputElement>(null)
  const [value, setValue] = useState(initialValue)
  const [isBusy, setIsBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const canSubmit = (!isRequired || value.trim() !== '') && !isBusy

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!canSubmit) return
    setIsBusy(true)
    setError(null)
    try {
      await props.onSubmit(value.trim())
    } catch (failure) {
      setError(errorMessage(failure))
      inputRef.current?.focus()
    } finally {
      setIsBusy(false)
    }
  }

  return (
    <Modal
      title={title}
      onClose={props.onClose}
      isCloseable={!isBusy}
      initialFocusRef={inputRef}
      className="text-dialog"
    >
      <form className="dialog-form" onSubmit={(event) => void submit(event)} noValidate>
        {props.children}
        <label className="field">
          <span className="field-label">{label}</span>
          <input
            ref={inputRef}
            className="field-input"
            type="text"
            autoComplete="off"
            maxLength={maxLength}
            value={value}
            readOnly={isBusy}
            onChange={(event) => setValue(event.target.value)}
          />
        </label>
        {props.suggestions && (
          <div className="suggestions" role="group" aria-label={t('dialogs.commonReasons')}>
            {props.suggestions.map((suggestion) => (
              <button
                key={suggestion}
                type="button"
                className="button button-secondary button-small"
                disabled={isBusy}
                onClick={() => {
                  setValue(suggestion)
                  inputRef.current?.focus()
                }}
              >
                {suggestion}
              </button>
            ))}
          </div>
        )}
        {error && <ErrorAlert message={error} />}
        <ModalActions
          submitLabel={confirmLabel}
          onCancel={props.onClose}
          isBusy={isBusy}
          isSubmitDisabled={!canSubmit}
          submitClassName={props.isDanger ? 'button-danger' : 'button-primary'}
        />
      </form>
    </Modal>
  )
}
