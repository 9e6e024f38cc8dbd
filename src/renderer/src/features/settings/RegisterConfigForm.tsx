import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { SaveBar } from './SaveBar'
import { PosError } from '../../../../shared/ipc'
import type { RegisterConfig } from '../../../../shared/store/registerConfig'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import { useProtected } from '../approval/useProtected'
import { usePrinterStatus } from '../station/usePrintData'
import {
  checkDraft,
  errorKey,
  isPrinterSaved,
  newPrinter,
  toDraft,
  type ConfigDraft,
  type FieldErrors,
} from './configForm'
import { PrinterFields } from './PrinterFields'
import { StationFields } from './StationFields'

interface RegisterConfigFormProps {
  config: RegisterConfig
  onSaved: (config: RegisterConfig) => void
}

/** Language, mode, receipts, printers and station subscriptions of this register. */
export function RegisterConfigForm({ config, onSaved }: RegisterConfigFormProps) {
  const { t } = useTranslation('settings')
  const protectedCall = useProtected()
  const baseId = useId()
  const printers = usePrinterStatus()
  const formRef = useRef<HTMLFormElement>(null)
  const [base, setBase] = useState(config)
  const [draft, setDraft] = useState<ConfigDraft>(() => toDraft(config))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [isSaved, setIsSaved] = useState(false)
  const [isSaving, setIsSaving] = useState(false)
  const isDirty = JSON.stringify(draft) !== JSON.stringify(toDraft(base))

  // A change made elsewhere (another window, a sync) replaces the form unless it has edits.
  if (config !== base) {
    setBase(config)
    if (!isDirty) setDraft(toDraft(config))
  }

  // After a failed save, the first field with a message takes focus.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [errors])

  function edit(change: Partial<ConfigDraft>) {
    setDraft((current) => ({ ...current, ...change }))
    setIsSaved(false)
  }

  function message(path: string, fallback: string): string {
    const key = errorKey(path)
    return key ? t(key) : fallback
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (isSaving) return
    setFormError(null)
    setIsSaved(false)
    const checked = checkDraft(draft)
    if (!checked.ok) {
      const next: FieldErrors = {}
      for (const issue of checked.issues) next[issue.path] ??= message(issue.path, issue.message)
      setErrors(next)
      return
    }
    setErrors({})
    setIsSaving(true)
    try {
      const saved = await protectedCall('settings', (approvalId) =>
        pos.invoke('register:saveConfig', { config: checked.config, approvalId }),
      )
      if (saved === null) return
      setBase(saved)
      setDraft(toDraft(saved))
      setIsSaved(true)
      onSaved(saved)
    } catch (failure) {
      if (failure instanceof PosError && failure.path?.startsWith('config.')) {
        setErrors({ [failure.path]: failure.message })
      } else {
        setFormError(t('saveFailed', { reason: errorMessage(failure) }))
      }
    } finally {
      setIsSaving(false)
    }
  }

  const fieldError = (path: string) =>
    errors[path] === undefined ? null : (
      <p id={`${baseId}-${path}`} className="field-hint field-hint-error">
        {errors[path]}
      </p>
    )
  const describedBy = (path: string) =>
    errors[path] === undefined ? undefined : `${baseId}-${path}`

  return (
    <form
      ref={formRef}
      className="register-config-form"
      noValidate
      onSubmit={(event) => void save(event)}
    >
      <div className="settings-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${baseId}-language`}>
            {t('language')}
          </label>
          <select
            id={`${baseId}-language`}
            className="field-input"
            value={draft.language}
            onChange={(event) => edit({ language: event.target.value === 'ar' ? 'ar' : 'en' })}
          >
            {/* Each language is named in itself, so anyone can find their own. */}
            <option value="en" lang="en">
              English
            </option>
            <option value="ar" lang="ar">
              العربية
            </option>
          </select>
        </div>

        <div className="field">
          <label className="field-label" htmlFor={`${baseId}-mode`}>
            {t('mode')}
          </label>
          <select
            id={`${baseId}-mode`}
            className="field-input"
            value={draft.mode}
            aria-describedby={`${baseId}-mode-hint`}
            onChange={(event) => {
              const mode = event.target.value
              edit({
                mode: mode === 'receipt-station' || mode === 'kitchen-station' ? mode : 'register',
              })
            }}
          >
            <option value="register">{t('modes.register')}</option>
            <option value="receipt-station">{t('modes.receipt-station')}</option>
            <option value="kitchen-station">{t('modes.kitchen-station')}</option>
          </select>
          <p id={`${baseId}-mode-hint`} className="field-hint">
            {t(`modeHints.${draft.mode}`)}
          </p>
        </div>

        <div className="field settings-grid-wide">
          <label className="field-label" htmlFor={`${baseId}-footer`}>
            {t('receiptFooter')}
          </label>
          <input
            id={`${baseId}-footer`}
            className="field-input"
            value={draft.receiptFooter}
            maxLength={200}
            aria-invalid={errors['config.receiptFooter'] !== undefined}
            aria-describedby={describedBy('config.receiptFooter')}
            onChange={(event) => edit({ receiptFooter: event.target.value })}
          />
          {fieldError('config.receiptFooter')}
        </div>

        <label className="settings-check settings-grid-wide">
          <input
            type="checkbox"
            checked={draft.autoPrintReceipt}
            onChange={(event) => edit({ autoPrintReceipt: event.target.checked })}
          />
          {t('autoPrint')}
        </label>
      </div>

      <section className="settings-subsection" aria-labelledby={`${baseId}-printers`}>
        <div className="settings-subsection-header">
          <h4 id={`${baseId}-printers`} className="settings-subsection-title">
            {t('printers.title')}
          </h4>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={draft.printers.length >= 10}
            onClick={() =>
              edit({
                printers: [
                  ...draft.printers,
                  newPrinter(
                    crypto.randomUUID(),
                    draft.mode === 'kitchen-station' ? 'kitchen' : 'receipt',
                  ),
                ],
              })
            }
          >
            {t('printers.add')}
          </button>
        </div>
        {fieldError('config.printers')}
        {draft.printers.length === 0 ? (
          <p className="page-card-empty">{t('printers.none')}</p>
        ) : (
          draft.printers.map((printer, index) => (
            <PrinterFields
              key={printer.id}
              printer={printer}
              index={index}
              errors={errors}
              status={printers.data?.find((candidate) => candidate.printerId === printer.id)}
              isSaved={isPrinterSaved(base, printer)}
              onChange={(next) =>
                edit({
                  printers: draft.printers.map((candidate) =>
                    candidate.id === next.id ? next : candidate,
                  ),
                })
              }
              onRemove={() => {
                // Paths name printers by position, so messages are stale once one is removed.
                setErrors({})
                edit({
                  printers: draft.printers.filter((candidate) => candidate.id !== printer.id),
                })
              }}
            />
          ))
        )}
      </section>

      {draft.mode !== 'register' && <StationFields draft={draft} errors={errors} onChange={edit} />}

      {formError && <ErrorAlert message={formError} onDismiss={() => setFormError(null)} />}

      <SaveBar
        label={t('save')}
        savedText={t('saved')}
        isSaving={isSaving}
        isSaved={isSaved}
        isDirty={isDirty}
        testId="settings-save-status"
      />
    </form>
  )
}
