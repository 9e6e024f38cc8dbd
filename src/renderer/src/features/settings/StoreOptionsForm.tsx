import { useId, useState } from 'react'
import { SaveBar } from './SaveBar'
import { moneyText } from '../../../../shared/domain'
import { PosError } from '../../../../shared/ipc'
import type { StoreOptions } from '../../../../shared/store/options'
import { useAppInfo } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useDraftForm } from '../../hooks/useDraftForm'
import { useLoad } from '../../hooks/useLoad'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import { actionName } from '../approval/actionNames'
import { useProtected } from '../approval/useProtected'
import type { FieldErrors } from './configForm'
import { BarcodeRuleRows, TenderTable } from './StoreOptionRows'
import {
  checkOptionsDraft,
  fieldPath,
  optionsErrorKey,
  orderedApprovals,
  protectedActions,
  toOptionsDraft,
  type StoreOptionsDraft,
} from './storeOptionsForm'

/** Loads the store's rules and shows the form once they are read. */
export function StoreOptionsSection({ onSaved }: { onSaved: (options: StoreOptions) => void }) {
  const { t } = useTranslation('settings')
  const settings = useLoad(() => pos.invoke('settings:get'), [])
  // A save answers with what was stored, which then stands in for what was read.
  const [saved, setSaved] = useState<StoreOptions | null>(null)
  const options = saved ?? settings.data?.options ?? null
  const error = settings.error

  if (options)
    return (
      <StoreOptionsForm
        options={options}
        onSaved={(next) => {
          setSaved(next)
          onSaved(next)
        }}
      />
    )
  if (error)
    return (
      <ErrorAlert
        message={t('storeOptions.loadFailed', { reason: error })}
        onRetry={settings.reload}
      />
    )
  return <p className="page-loading">{t('storeOptions.loading')}</p>
}

interface StoreOptionsFormProps {
  options: StoreOptions
  onSaved: (options: StoreOptions) => void
}

/** Discount limit, approvals, payment methods, locking, scale labels and the cash count. */
export function StoreOptionsForm({ options, onSaved }: StoreOptionsFormProps) {
  const { t } = useTranslation('settings')
  const { currency } = useAppInfo()
  const protectedCall = useProtected()
  const baseId = useId()
  const form = useDraftForm({
    value: options,
    toDraft: (value: StoreOptions) => toOptionsDraft(value, currency),
    check: (draft: StoreOptionsDraft) => {
      const checked = checkOptionsDraft(draft, currency)
      if (checked.ok) return { ok: true, value: checked.options }
      const errors: FieldErrors = {}
      for (const issue of checked.issues)
        errors[issue.path] ??= message(issue.path, issue.key, issue.message)
      return { ok: false, errors }
    },
    save: async (checked) => {
      const saved = await protectedCall('settings', (approvalId) =>
        pos.invoke('settings:update', { options: checked, approvalId }),
      )
      return saved === null ? null : saved.options
    },
    // A path main names a field for goes next to it; 'options' alone is a form-wide problem.
    describeFailure: (failure) => {
      if (failure instanceof PosError && failure.path?.startsWith('options.')) {
        const path = fieldPath(failure.path)
        return { errors: { [path]: message(path, undefined, failure.message) } }
      }
      return { formError: t('storeOptions.saveFailed', { reason: errorMessage(failure) }) }
    },
    onSaved,
  })
  const { draft, edit, errors, setErrors, formError, setFormError, isDirty, isSaving, isSaved } =
    form
  const { formRef, submit } = form
  const denominationExample = [10_000, 2_000, 500, 25]
    .map((cents) => moneyText(cents, currency))
    .join(', ')

  // Paths name rows by position, so messages are stale once a row is removed.
  function editRows(change: Partial<StoreOptionsDraft>) {
    setErrors({})
    edit(change)
  }

  function message(path: string, key: string | undefined, fallback: string): string {
    const found = key ?? optionsErrorKey(path)
    return found ? t(found) : fallback
  }

  const invalid = (path: string) => ({
    'aria-invalid': errors[path] !== undefined,
    'aria-describedby': `${baseId}-${path}-hint`,
  })
  const hint = (path: string, text?: string) => (
    <p
      id={`${baseId}-${path}-hint`}
      className={errors[path] === undefined ? 'field-hint' : 'field-hint field-hint-error'}
      data-testid={errors[path] === undefined ? undefined : `error-${path}`}
    >
      {errors[path] ?? text}
    </p>
  )

  function numberField(
    field: 'discountLimitPercent' | 'idleLockSeconds' | 'pinAttempts' | 'pinLockoutSeconds',
    label: string,
    hintText?: string,
  ) {
    const path = `options.${field}`
    return (
      <div className="field">
        <label className="field-label" htmlFor={`${baseId}-${field}`}>
          {label}
        </label>
        <input
          {...invalid(path)}
          id={`${baseId}-${field}`}
          className="field-input store-number"
          value={draft[field]}
          inputMode={field === 'discountLimitPercent' ? 'decimal' : 'numeric'}
          dir="ltr"
          onChange={(event) => edit({ [field]: event.target.value })}
        />
        {hint(path, hintText)}
      </div>
    )
  }

  return (
    <form
      ref={formRef}
      className="store-options-form"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <div className="settings-grid">
        {numberField(
          'discountLimitPercent',
          t('storeOptions.discountLimit'),
          t('storeOptions.discountLimitHint'),
        )}
        {numberField('idleLockSeconds', t('storeOptions.idleLock'), t('storeOptions.idleLockHint'))}
        {numberField('pinAttempts', t('storeOptions.pinAttempts'))}
        {numberField('pinLockoutSeconds', t('storeOptions.pinLockout'))}
      </div>

      <fieldset className="settings-categories" aria-describedby={`${baseId}-approvals-hint`}>
        <legend className="field-label">{t('storeOptions.approvals')}</legend>
        <p id={`${baseId}-approvals-hint`} className="field-hint">
          {t('storeOptions.approvalsHint')}
        </p>
        <div className="store-approval-list">
          {protectedActions.map((action) => (
            <label key={action} className="settings-check">
              <input
                type="checkbox"
                checked={draft.approvals.includes(action)}
                onChange={(event) =>
                  edit({
                    approvals: orderedApprovals(
                      event.target.checked
                        ? [...draft.approvals, action]
                        : draft.approvals.filter((candidate) => candidate !== action),
                    ),
                  })
                }
              />
              {actionName(action)}
            </label>
          ))}
        </div>
      </fieldset>

      <TenderTable
        tenders={draft.tenderMethods}
        errors={errors}
        onChange={(tenderMethods) => edit({ tenderMethods })}
        onAdd={() =>
          editRows({
            tenderMethods: [
              ...draft.tenderMethods,
              {
                key: crypto.randomUUID(),
                id: null,
                label: '',
                kind: 'other',
                requiresReference: false,
              },
            ],
          })
        }
        onRemove={(key) =>
          editRows({ tenderMethods: draft.tenderMethods.filter((tender) => tender.key !== key) })
        }
      />

      <BarcodeRuleRows
        rules={draft.embeddedBarcodes}
        errors={errors}
        onChange={(embeddedBarcodes) => edit({ embeddedBarcodes })}
        onAdd={() => {
          // Offer the first prefix no rule uses yet.
          const used = new Set(draft.embeddedBarcodes.map((rule) => rule.prefix.trim()))
          const free = Array.from({ length: 10 }, (_, digit) => `2${digit}`).find(
            (prefix) => !used.has(prefix),
          )
          editRows({
            embeddedBarcodes: [
              ...draft.embeddedBarcodes,
              { key: crypto.randomUUID(), prefix: free ?? '', kind: 'weight' },
            ],
          })
        }}
        onRemove={(key) =>
          editRows({
            embeddedBarcodes: draft.embeddedBarcodes.filter((rule) => rule.key !== key),
          })
        }
      />

      <div className="settings-subsection">
        <div className="field">
          <label className="field-label" htmlFor={`${baseId}-denominations`}>
            {t('storeOptions.denominations')}
          </label>
          <input
            {...invalid('options.denominationsCents')}
            id={`${baseId}-denominations`}
            className="field-input"
            value={draft.denominations}
            inputMode="decimal"
            dir="ltr"
            onChange={(event) => edit({ denominations: event.target.value })}
          />
          {hint(
            'options.denominationsCents',
            t('storeOptions.denominationsHint', { example: denominationExample }),
          )}
        </div>

        <label className="settings-check">
          <input
            type="checkbox"
            checked={draft.requireOpenShift}
            onChange={(event) => edit({ requireOpenShift: event.target.checked })}
          />
          {t('storeOptions.requireOpenShift')}
        </label>

        <div className="field">
          <label className="field-label" htmlFor={`${baseId}-closeShiftVariance`}>
            {t('storeOptions.closeShiftVariance')}
          </label>
          <input
            {...invalid('options.closeShiftVarianceCents')}
            id={`${baseId}-closeShiftVariance`}
            className="field-input store-number"
            value={draft.closeShiftVariance}
            inputMode="decimal"
            dir="ltr"
            onChange={(event) => edit({ closeShiftVariance: event.target.value })}
          />
          {hint('options.closeShiftVarianceCents', t('storeOptions.closeShiftVarianceHint'))}
        </div>
      </div>

      {formError && <ErrorAlert message={formError} onDismiss={() => setFormError(null)} />}

      <SaveBar
        label={t('storeOptions.save')}
        savedText={t('storeOptions.saved')}
        isSaving={isSaving}
        isSaved={isSaved}
        isDirty={isDirty}
        testId="store-options-status"
      />
    </form>
  )
}
