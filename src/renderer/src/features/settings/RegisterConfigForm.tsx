import { useId } from 'react'
import { SaveBar } from './SaveBar'
import { PosError } from '../../../../shared/ipc'
import type { RegisterConfig } from '../../../../shared/store/registerConfig'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useDraftForm } from '../../hooks/useDraftForm'
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
import { CustomerDisplayFields } from './DisplayFields'
import { PrinterFields } from './PrinterFields'
import { StationFields } from './StationFields'

interface RegisterConfigFormProps {
  config: RegisterConfig
  onSaved: (config: RegisterConfig) => void
  /**
   * Which settings section this form shows: the register's language, digits, mode and receipts,
   * or its printers and station subscriptions. Either saves the whole config it was given.
   */
  part: 'register' | 'printing'
}

/** Language, mode, receipts, printers and station subscriptions of this register. */
export function RegisterConfigForm({ config, onSaved, part }: RegisterConfigFormProps) {
  const { t } = useTranslation('settings')
  const protectedCall = useProtected()
  const baseId = useId()
  const printers = usePrinterStatus()
  const form = useDraftForm({
    value: config,
    toDraft,
    check: (draft: ConfigDraft) => {
      const checked = checkDraft(draft)
      if (checked.ok) return { ok: true, value: checked.config }
      const errors: FieldErrors = {}
      for (const issue of checked.issues) errors[issue.path] ??= message(issue.path, issue.message)
      return { ok: false, errors }
    },
    save: (checked) =>
      protectedCall('settings', (approvalId) =>
        pos.invoke('register:saveConfig', { config: checked, approvalId }),
      ),
    describeFailure: (failure) =>
      failure instanceof PosError && failure.path?.startsWith('config.')
        ? { errors: { [failure.path]: failure.message } }
        : { formError: t('saveFailed', { reason: errorMessage(failure) }) },
    onSaved,
  })
  const { draft, edit, errors, setErrors, formError, setFormError, isDirty, isSaving, isSaved } =
    form
  const { base, formRef, submit } = form

  function message(path: string, fallback: string): string {
    const key = errorKey(path)
    return key ? t(key) : fallback
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
      onSubmit={(event) => void submit(event)}
    >
      {part === 'register' && (
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
            <label className="field-label" htmlFor={`${baseId}-digits`}>
              {t('digits')}
            </label>
            <select
              id={`${baseId}-digits`}
              className="field-input"
              value={draft.digits}
              aria-describedby={`${baseId}-digits-hint`}
              onChange={(event) =>
                edit({ digits: event.target.value === 'arab' ? 'arab' : 'latn' })
              }
            >
              {/* Each choice shows its own digits. */}
              <option value="latn">{t('digitChoices.latn')}</option>
              <option value="arab">{t('digitChoices.arab')}</option>
            </select>
            <p id={`${baseId}-digits-hint`} className="field-hint">
              {t('digitsHint')}
            </p>
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
                  mode:
                    mode === 'receipt-station' || mode === 'kitchen-station' ? mode : 'register',
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
      )}

      {part === 'printing' && (
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
      )}

      {part === 'printing' && draft.mode !== 'register' && (
        <StationFields draft={draft} errors={errors} onChange={edit} />
      )}
      {part === 'register' && draft.mode === 'register' && (
        <CustomerDisplayFields draft={draft} onChange={edit} />
      )}

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
