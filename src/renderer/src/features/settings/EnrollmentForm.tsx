import { useId, useRef, useState, type FormEvent } from 'react'
import { EnrollInput, PosError } from '../../../../shared/ipc'
import { useAppInfo } from '../../appInfo'
import { useTranslation } from '../../i18n'
import { ErrorAlert } from '../../components/ErrorAlert'
import { errorMessage, pos } from '../../pos'
import type { SyncStatusView } from '../../types'

type Field = 'serverUrl' | 'enrollmentCode'
type FieldErrors = Partial<Record<Field, string>>

function isField(path: unknown): path is Field {
  return path === 'serverUrl' || path === 'enrollmentCode'
}

interface EnrollmentFormProps {
  initialServerUrl: string
  onEnrolled: (status: SyncStatusView) => void
}

/** Server address and one-time code from the manager; Enter in either field enrolls. */
export function EnrollmentForm({ initialServerUrl, onEnrolled }: EnrollmentFormProps) {
  const { registerCode } = useAppInfo()
  const { t } = useTranslation('settings')
  const serverUrlRef = useRef<HTMLInputElement>(null)
  const codeRef = useRef<HTMLInputElement>(null)
  const serverUrlId = useId()
  const codeId = useId()
  const [serverUrl, setServerUrl] = useState(initialServerUrl)
  const [enrollmentCode, setEnrollmentCode] = useState('')
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [isSubmitting, setIsSubmitting] = useState(false)
  const isSubmittingRef = useRef(false)

  function showFieldErrors(errors: FieldErrors) {
    setFieldErrors(errors)
    if (errors.serverUrl) serverUrlRef.current?.focus()
    else if (errors.enrollmentCode) codeRef.current?.focus()
  }

  async function enroll(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (isSubmittingRef.current) return
    setFormError(null)
    const input = {
      serverUrl: serverUrl.trim(),
      enrollmentCode: enrollmentCode.trim(),
      deviceName: `Register ${registerCode}`,
    }
    // The same schema main checks against, so a typo is caught before the network is tried.
    const parsed = EnrollInput.safeParse(input)
    if (!parsed.success) {
      const errors: FieldErrors = {}
      for (const issue of parsed.error.issues) {
        const field = issue.path[0]
        // The schema's own words are English; the form says the same in the register's language.
        if (isField(field))
          errors[field] ??= t(field === 'serverUrl' ? 'enroll.badServerUrl' : 'enroll.badCode')
      }
      showFieldErrors(errors)
      return
    }
    setFieldErrors({})
    isSubmittingRef.current = true
    setIsSubmitting(true)
    try {
      const status = await pos.invoke('sync:enroll', input)
      setEnrollmentCode('')
      onEnrolled(status)
    } catch (failure) {
      if (failure instanceof PosError && isField(failure.path)) {
        showFieldErrors({ [failure.path]: failure.message })
      } else {
        setFormError(t('enroll.failed', { reason: errorMessage(failure) }))
      }
    } finally {
      isSubmittingRef.current = false
      setIsSubmitting(false)
    }
  }

  return (
    <form className="enroll-form" onSubmit={(event) => void enroll(event)} noValidate>
      <div className="field">
        <label className="field-label" htmlFor={serverUrlId}>
          {t('enroll.serverUrl')}
        </label>
        <input
          ref={serverUrlRef}
          id={serverUrlId}
          className="field-input"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="http://192.168.1.10:4000"
          dir="ltr"
          value={serverUrl}
          aria-invalid={fieldErrors.serverUrl !== undefined}
          aria-describedby={`${serverUrlId}-hint`}
          readOnly={isSubmitting}
          onChange={(event) => {
            setServerUrl(event.target.value)
            setFieldErrors(({ serverUrl: _cleared, ...rest }) => rest)
          }}
        />
        <p
          id={`${serverUrlId}-hint`}
          className={fieldErrors.serverUrl ? 'field-hint field-hint-error' : 'field-hint'}
          data-testid="enroll-server-url-hint"
        >
          {fieldErrors.serverUrl ?? t('enroll.serverUrlHint')}
        </p>
      </div>

      <div className="field">
        <label className="field-label" htmlFor={codeId}>
          {t('enroll.code')}
        </label>
        <input
          ref={codeRef}
          id={codeId}
          className="field-input enroll-code-input"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={enrollmentCode}
          aria-invalid={fieldErrors.enrollmentCode !== undefined}
          aria-describedby={`${codeId}-hint`}
          readOnly={isSubmitting}
          onChange={(event) => {
            setEnrollmentCode(event.target.value)
            setFieldErrors(({ enrollmentCode: _cleared, ...rest }) => rest)
          }}
        />
        <p
          id={`${codeId}-hint`}
          className={fieldErrors.enrollmentCode ? 'field-hint field-hint-error' : 'field-hint'}
          data-testid="enroll-code-hint"
        >
          {fieldErrors.enrollmentCode ?? t('enroll.codeHint')}
        </p>
      </div>

      {formError && <ErrorAlert message={formError} onDismiss={() => setFormError(null)} />}

      <div className="enroll-actions">
        <button
          type="submit"
          className="button button-primary enroll-submit"
          aria-busy={isSubmitting}
          disabled={isSubmitting}
        >
          {isSubmitting && <span className="spinner" aria-hidden="true" />}
          {t('enroll.submit')}
        </button>
        <span className="enroll-progress" role="status">
          {isSubmitting ? t('enroll.contacting') : ''}
        </span>
      </div>
    </form>
  )
}
