import { useId } from 'react'
import { useTranslation } from '../../i18n'
import type { ConfigDraft } from './configForm'

interface CustomerDisplayFieldsProps {
  draft: ConfigDraft
  onChange: (change: Partial<ConfigDraft>) => void
}

/** A till's customer-facing display: its language and, on the desktop, a second screen. */
export function CustomerDisplayFields({ draft, onChange }: CustomerDisplayFieldsProps) {
  const { t } = useTranslation('display')
  const baseId = useId()
  return (
    <section className="settings-subsection" aria-labelledby={`${baseId}-title`}>
      <h4 id={`${baseId}-title`} className="settings-subsection-title">
        {t('settings.customerTitle')}
      </h4>
      <div className="field">
        <label className="field-label" htmlFor={`${baseId}-language`}>
          {t('settings.customerLanguage')}
        </label>
        <select
          id={`${baseId}-language`}
          className="field-input"
          value={draft.customerDisplayLanguage ?? 'store'}
          onChange={(event) => {
            const value = event.target.value
            onChange({ customerDisplayLanguage: value === 'ar' || value === 'en' ? value : null })
          }}
        >
          <option value="store">{t('settings.storeLanguage')}</option>
          <option value="en" lang="en">
            {t('settings.english')}
          </option>
          <option value="ar" lang="ar">
            {t('settings.arabic')}
          </option>
        </select>
      </div>
      <label className="settings-check">
        <input
          type="checkbox"
          checked={draft.hasCustomerDisplay}
          aria-describedby={`${baseId}-screen-hint`}
          onChange={(event) => onChange({ hasCustomerDisplay: event.target.checked })}
        />
        {t('settings.secondScreen')}
      </label>
      <p id={`${baseId}-screen-hint`} className="field-hint">
        {t('settings.secondScreenHint')}
      </p>
    </section>
  )
}

/** A kitchen station's choice: tickets on screen (no printer needed) or printed tickets. */
export function KitchenDisplayField({
  isOn,
  onChange,
}: {
  isOn: boolean
  onChange: (isOn: boolean) => void
}) {
  const { t } = useTranslation('display')
  const hintId = useId()
  return (
    <div className="field">
      <label className="settings-check">
        <input
          type="checkbox"
          checked={isOn}
          aria-describedby={hintId}
          onChange={(event) => onChange(event.target.checked)}
        />
        {t('settings.kitchenDisplay')}
      </label>
      <p id={hintId} className="field-hint">
        {t('settings.kitchenDisplayHint')}
      </p>
    </div>
  )
}
