import { useId, useState, type FormEvent } from 'react'
import { MailSettingsInput, PosError, type InvokeOutput } from '../../../../shared/ipc'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useLoad } from '../../hooks/useLoad'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import { useProtected } from '../approval/useProtected'
import { SaveBar } from './SaveBar'

type MailSettings = InvokeOutput<'mail:getSettings'>
type Security = MailSettings['security']

interface Draft {
  host: string
  port: string
  security: Security
  user: string
  /** Blank keeps the stored password. */
  password: string
  isPasswordRemoved: boolean
  from: string
}

const toDraft = (settings: MailSettings): Draft => ({
  host: settings.host,
  port: String(settings.port),
  security: settings.security,
  user: settings.user,
  password: '',
  isPasswordRemoved: false,
  from: settings.from,
})

/** The register's SMTP server for e-mailed receipts (a manager's setting; approval if needed). */
export function EmailSettingsSection() {
  const { t } = useTranslation('receipts')
  const loaded = useLoad(() => pos.invoke('mail:getSettings'), [], {
    describeError: (error) => t('settings.loadFailed', { error }),
  })
  if (loaded.error) return <ErrorAlert message={loaded.error} onRetry={loaded.reload} />
  if (!loaded.data) return null
  return <EmailSettingsForm settings={loaded.data} />
}

function EmailSettingsForm({ settings }: { settings: MailSettings }) {
  const { t } = useTranslation('receipts')
  const protectedCall = useProtected()
  const id = useId()
  const [saved, setSaved] = useState(settings)
  const [draft, setDraft] = useState(() => toDraft(settings))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [isSaving, setIsSaving] = useState(false)
  const [isSaved, setIsSaved] = useState(false)
  const isDirty = JSON.stringify(draft) !== JSON.stringify(toDraft(saved))

  function edit(patch: Partial<Draft>) {
    setDraft((current) => ({ ...current, ...patch }))
    setIsSaved(false)
    setErrors({})
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const password = draft.isPasswordRemoved ? '' : draft.password || undefined
    const parsed = MailSettingsInput.safeParse({
      host: draft.host,
      port: Number(draft.port),
      security: draft.security,
      user: draft.user,
      from: draft.from,
      ...(password === undefined ? {} : { password }),
    })
    if (!parsed.success) {
      const found: Record<string, string> = {}
      for (const issue of parsed.error.issues) {
        const path = String(issue.path[0] ?? '')
        found[path] ??=
          path === 'port'
            ? t('settings.badPort')
            : path === 'from'
              ? t('settings.badFrom')
              : issue.message
      }
      setErrors(found)
      return
    }
    setIsSaving(true)
    setFormError(null)
    try {
      const result = await protectedCall('settings', (approvalId) =>
        pos.invoke('mail:saveSettings', approvalId ? { ...parsed.data, approvalId } : parsed.data),
      )
      if (result === null) setFormError(t('settings.needsManager'))
      else {
        setSaved(result)
        setDraft(toDraft(result))
        setIsSaved(true)
      }
    } catch (failure) {
      if (failure instanceof PosError && failure.path)
        setErrors({ [failure.path]: failure.message })
      else setFormError(t('settings.saveFailed', { error: errorMessage(failure) }))
    } finally {
      setIsSaving(false)
    }
  }

  const fieldError = (path: string) =>
    errors[path] === undefined ? null : (
      <p id={`${id}-${path}-error`} className="field-hint field-hint-error">
        {errors[path]}
      </p>
    )
  const describedBy = (path: string) => (errors[path] ? `${id}-${path}-error` : undefined)

  return (
    <form className="email-settings-form" noValidate onSubmit={(event) => void submit(event)}>
      {formError && <ErrorAlert message={formError} />}
      <div className="settings-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-host`}>
            {t('settings.host')}
          </label>
          <input
            id={`${id}-host`}
            className="field-input"
            value={draft.host}
            autoComplete="off"
            placeholder="smtp.example.com"
            onChange={(event) => edit({ host: event.target.value })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-port`}>
            {t('settings.port')}
          </label>
          <input
            id={`${id}-port`}
            className="field-input"
            inputMode="numeric"
            value={draft.port}
            aria-invalid={errors.port !== undefined}
            aria-describedby={describedBy('port')}
            onChange={(event) => edit({ port: event.target.value })}
          />
          {fieldError('port')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-security`}>
            {t('settings.security')}
          </label>
          <select
            id={`${id}-security`}
            className="field-input"
            value={draft.security}
            onChange={(event) => {
              const security = event.target.value
              edit({ security: security === 'tls' || security === 'none' ? security : 'starttls' })
            }}
          >
            <option value="starttls">{t('settings.securityStarttls')}</option>
            <option value="tls">{t('settings.securityTls')}</option>
            <option value="none">{t('settings.securityNone')}</option>
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-from`}>
            {t('settings.from')}
          </label>
          <input
            id={`${id}-from`}
            className="field-input"
            type="email"
            value={draft.from}
            placeholder="receipts@example.com"
            aria-invalid={errors.from !== undefined}
            aria-describedby={describedBy('from')}
            onChange={(event) => edit({ from: event.target.value })}
          />
          {fieldError('from')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-user`}>
            {t('settings.user')}
          </label>
          <input
            id={`${id}-user`}
            className="field-input"
            value={draft.user}
            autoComplete="off"
            onChange={(event) => edit({ user: event.target.value })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-password`}>
            {t('settings.password')}
          </label>
          <input
            id={`${id}-password`}
            className="field-input"
            type="password"
            autoComplete="new-password"
            value={draft.password}
            disabled={draft.isPasswordRemoved}
            aria-describedby={`${id}-password-hint`}
            onChange={(event) => edit({ password: event.target.value })}
          />
          <p id={`${id}-password-hint`} className="field-hint">
            {saved.hasPassword ? t('settings.passwordKept') : t('settings.passwordNone')}
          </p>
          {saved.hasPassword && (
            <label className="settings-check">
              <input
                type="checkbox"
                checked={draft.isPasswordRemoved}
                onChange={(event) => edit({ isPasswordRemoved: event.target.checked })}
              />
              {t('settings.removePassword')}
            </label>
          )}
        </div>
      </div>
      <SaveBar
        label={t('settings.save')}
        savedText={t('settings.saved')}
        isSaving={isSaving}
        isSaved={isSaved}
        isDirty={isDirty}
        testId="email-settings-status"
      />
    </form>
  )
}
