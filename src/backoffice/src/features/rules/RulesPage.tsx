import { useEffect, useId, useState, type FormEvent } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import { AdminStoreRulesBody, type AdminStoreRulesReply } from '../../../../shared/backoffice/rules'
import { ProtectedAction } from '../../../../shared/store/options'
import { ApiError, zodIssues } from '../../api/errors'
import { TextField } from '../../components/Field'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { errorSentence } from '../../forms/errorText'
import { useTranslation } from '../../i18n'
import { CheckField, useStoreChoice } from '../catalog/storeChoice'
import { useSignedIn } from '../session/sessionContext'
import { BarcodeList, DenominationList, TenderList } from './RuleLists'
import { bodyOf, draftOf, errorsByPath, type RulesDraft } from './rulesForm'

/** A store's rules, one synced record its registers pull: pick the store, edit, save. */
export function RulesPage() {
  const { t } = useTranslation('rules')
  const { store, picker } = useStoreChoice()
  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('title')}</h1>
      </div>
      <p className="bo-muted">{t('intro')}</p>
      {picker}
      {store ? <StoreRules key={store.id} store={store} /> : null}
    </div>
  )
}

function StoreRules({ store }: { store: StoreDetail }) {
  const { t } = useTranslation('rules')
  const { api } = useSignedIn()
  const { load, reload } = useLoad(() => api.storeRules(store.id), store.id)
  if (load.state === 'loading') return <p className="page-loading">{t('common:loading')}</p>
  if (load.state === 'failed') return <ErrorMessage>{load.error}</ErrorMessage>
  return (
    <RulesForm key={`${load.value.version}`} store={store} loaded={load.value} onReload={reload} />
  )
}

interface RulesFormProps {
  store: StoreDetail
  loaded: AdminStoreRulesReply
  onReload: () => void
}

function RulesForm({ store, loaded, onReload }: RulesFormProps) {
  const { t } = useTranslation('rules')
  const { api } = useSignedIn()
  const formId = useId()
  const [version, setVersion] = useState(loaded.version)
  const [draft, setDraft] = useState<RulesDraft>(() => draftOf(loaded.rules, store.currency))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [isStale, setIsStale] = useState(false)
  const [status, setStatus] = useState('')
  const [isSaving, setIsSaving] = useState(false)
  const [focusRequest, setFocusRequest] = useState(0)
  const set =
    <K extends keyof RulesDraft>(key: K) =>
    (value: RulesDraft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }))

  useEffect(() => {
    if (focusRequest === 0) return
    document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [focusRequest, formId])

  function showErrors(byPath: Record<string, string>, sentence: string) {
    setErrors(byPath)
    setFormError(sentence)
    setFocusRequest((count) => count + 1)
  }

  async function save(event: FormEvent) {
    event.preventDefault()
    if (isSaving) return
    setStatus('')
    setIsStale(false)
    const parsed = AdminStoreRulesBody.safeParse(bodyOf(draft, version, store.currency))
    if (!parsed.success) {
      showErrors(errorsByPath(zodIssues(parsed.error), t), t('common:errors.formHasErrors'))
      return
    }
    setIsSaving(true)
    try {
      const reply = await api.saveStoreRules(store.id, parsed.data)
      setVersion(reply.version)
      setDraft(draftOf(reply.rules, store.currency))
      setErrors({})
      setFormError(null)
      setStatus(reply.isChanged === false ? t('unchanged') : t('saved'))
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.issues.length > 0)
        showErrors(errorsByPath(error.issues, t), t('common:errors.formHasErrors'))
      else if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        setErrors({})
        setFormError(t('errors.stale'))
        setIsStale(true)
      } else {
        setErrors({})
        setFormError(errorSentence(error, t))
      }
    } finally {
      setIsSaving(false)
    }
  }

  const numberField = (name: keyof RulesDraft & string, label: string, hint?: string) => (
    <TextField
      name={name}
      label={label}
      hint={hint}
      value={draft[name] as string}
      onChange={set(name) as (value: string) => void}
      error={errors[name]}
      dir="ltr"
    />
  )

  return (
    <form id={formId} className="bo-form" noValidate onSubmit={(event) => void save(event)}>
      <p className="bo-muted" data-testid="rules-version">
        {version === 0 ? t('defaults') : t('version', { version })}
      </p>
      <ErrorMessage>{formError}</ErrorMessage>
      {isStale ? (
        <button type="button" className="button button-secondary" onClick={onReload}>
          {t('errors.reload')}
        </button>
      ) : null}
      <fieldset className="bo-fieldset">
        <legend>{t('approvals.title')}</legend>
        <p className="field-hint">{t('approvals.hint')}</p>
        <div className="bo-checkbox-group">
          {ProtectedAction.options.map((action) => (
            <CheckField
              key={action}
              name={`approvals.${action}`}
              label={t(`approvals.${action}`)}
              isChecked={draft.approvals.includes(action)}
              onChange={(isChecked) =>
                set('approvals')(
                  ProtectedAction.options.filter((candidate) =>
                    candidate === action ? isChecked : draft.approvals.includes(candidate),
                  ),
                )
              }
            />
          ))}
        </div>
      </fieldset>
      {numberField('discountLimitPercent', t('discountLimit'), t('discountLimitHint'))}
      <TenderList rows={draft.tenderMethods} onChange={set('tenderMethods')} errors={errors} />
      {numberField('idleLockSeconds', t('idleLock'), t('idleLockHint'))}
      {numberField('pinAttempts', t('pinAttempts'))}
      {numberField('pinLockoutSeconds', t('pinLockout'))}
      <BarcodeList
        rows={draft.embeddedBarcodes}
        onChange={set('embeddedBarcodes')}
        errors={errors}
      />
      <DenominationList
        rows={draft.denominations}
        onChange={set('denominations')}
        errors={errors}
        currency={store.currency}
      />
      <CheckField
        name="requireOpenShift"
        label={t('requireOpenShift')}
        isChecked={draft.requireOpenShift}
        onChange={set('requireOpenShift')}
      />
      <TextField
        name="closeShiftVarianceCents"
        label={t('closeShiftVariance')}
        hint={t('closeShiftVarianceHint')}
        value={draft.closeShiftVariance}
        onChange={set('closeShiftVariance')}
        error={errors['closeShiftVarianceCents']}
        dir="ltr"
      />
      <div className="bo-form-actions">
        <button type="submit" className="button button-primary" disabled={isSaving}>
          {isSaving ? t('common:saving') : t('save')}
        </button>
      </div>
      <StatusMessage>{status}</StatusMessage>
    </form>
  )
}
