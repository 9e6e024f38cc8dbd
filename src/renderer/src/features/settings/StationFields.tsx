import { useId } from 'react'
import { useTranslation } from '../../i18n'
import { useCategories } from '../station/useCategories'
import { KitchenDisplayField } from './DisplayFields'
import type { ConfigDraft, FieldErrors } from './configForm'

interface StationFieldsProps {
  draft: ConfigDraft
  errors: FieldErrors
  onChange: (change: Partial<ConfigDraft>) => void
}

/** What a station prints: orders from which registers and, in a kitchen, which categories. */
export function StationFields({ draft, errors, onChange }: StationFieldsProps) {
  const { t } = useTranslation('settings')
  const baseId = useId()
  const { categories, error } = useCategories()
  const codesError = Object.entries(errors).find(([path]) =>
    path.startsWith('config.stationRegisterCodes'),
  )?.[1]
  const selected = new Set(draft.stationCategoryIds)
  const printerError = errors['config.stationPrinter'] ?? errors['config.stationReceiptPrinter']

  function toggleCategory(id: string, isOn: boolean) {
    const next = new Set(selected)
    if (isOn) next.add(id)
    else next.delete(id)
    onChange({ stationCategoryIds: [...next] })
  }

  return (
    <section className="settings-subsection" aria-labelledby={`${baseId}-title`}>
      <h4 id={`${baseId}-title`} className="settings-subsection-title">
        {t('station.title')}
      </h4>
      {printerError && (
        <p className="field-hint field-hint-error" role="alert">
          {printerError}
        </p>
      )}
      {draft.mode === 'kitchen-station' && (
        <KitchenDisplayField
          isOn={draft.hasKitchenDisplay}
          onChange={(hasKitchenDisplay) => onChange({ hasKitchenDisplay })}
        />
      )}
      <div className="field">
        <label className="field-label" htmlFor={`${baseId}-codes`}>
          {t('station.registerCodes')}
        </label>
        <input
          id={`${baseId}-codes`}
          className="field-input"
          value={draft.stationRegisterCodes}
          autoComplete="off"
          spellCheck={false}
          placeholder="A, B"
          aria-invalid={codesError !== undefined}
          aria-describedby={`${baseId}-codes-hint`}
          onChange={(event) => onChange({ stationRegisterCodes: event.target.value })}
        />
        <p
          id={`${baseId}-codes-hint`}
          className={codesError ? 'field-hint field-hint-error' : 'field-hint'}
        >
          {codesError ?? t('station.registerCodesHint')}
        </p>
      </div>

      {draft.mode === 'kitchen-station' && (
        <fieldset className="settings-categories">
          <legend className="field-label">{t('station.categories')}</legend>
          <p className="field-hint">{t('station.categoriesHint')}</p>
          {error && (
            <p className="field-hint field-hint-error">
              {t('station.categoriesFailed', { reason: error })}
            </p>
          )}
          {categories && categories.length === 0 && (
            <p className="field-hint">{t('station.noCategories')}</p>
          )}
          <div className="settings-category-list">
            {categories?.map((category) => (
              <label key={category.id} className="settings-check">
                <input
                  type="checkbox"
                  checked={selected.has(category.id)}
                  onChange={(event) => toggleCategory(category.id, event.target.checked)}
                />
                {category.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </section>
  )
}
