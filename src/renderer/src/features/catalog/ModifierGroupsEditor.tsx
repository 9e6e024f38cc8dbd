import { v4 as uuidv4 } from 'uuid'
import { useDisplayLocale } from '../../appInfo'
import { useTranslation } from '../../i18n'
import { errorProps, FieldMessage } from './fieldErrors'
import type { FieldErrors, GroupForm, OptionForm } from './productForm'

interface ModifierGroupsEditorProps {
  groups: readonly GroupForm[]
  onChange: (groups: GroupForm[], changedPath: string) => void
  errors: FieldErrors
  baseId: string
}

function newOption(): OptionForm {
  return { id: uuidv4(), name: '', price: '0' }
}

/** Choices added to a line, e.g. "Milk" (choose exactly 1) or "Extras" (up to 3). */
export function ModifierGroupsEditor({
  groups,
  onChange,
  errors,
  baseId,
}: ModifierGroupsEditorProps) {
  const { t } = useTranslation('catalog')
  const locale = useDisplayLocale()
  const number = (value: number) => value.toLocaleString(locale)
  function updateGroup(index: number, change: Partial<GroupForm>, changedPath: string) {
    onChange(
      groups.map((group, at) => (at === index ? { ...group, ...change } : group)),
      changedPath,
    )
  }

  return (
    <fieldset className="catalog-fieldset">
      <legend className="field-label">{t('modifiers.title')}</legend>
      <p className="catalog-fieldset-intro">{t('modifiers.intro')}</p>
      {groups.map((group, index) => {
        const path = `modifierGroups.${index}`
        const groupNumber = number(index + 1)
        return (
          <div key={group.id} className="catalog-group" data-testid="modifier-group">
            <div className="catalog-group-fields">
              <div className="catalog-group-name">
                <label className="field">
                  <span className="field-label">{t('modifiers.name')}</span>
                  <input
                    className="field-input"
                    type="text"
                    autoComplete="off"
                    {...errorProps(errors, `${path}.name`, baseId)}
                    aria-label={t('modifiers.groupName', { group: groupNumber })}
                    value={group.name}
                    onChange={(event) =>
                      updateGroup(index, { name: event.target.value }, `${path}.name`)
                    }
                  />
                </label>
                <FieldMessage errors={errors} path={`${path}.name`} baseId={baseId} />
              </div>
              <div className="catalog-group-count">
                <label className="field">
                  <span className="field-label">{t('modifiers.minimum')}</span>
                  <input
                    className="field-input"
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    {...errorProps(errors, `${path}.minSelect`, baseId)}
                    aria-label={t('modifiers.groupMinimum', { group: groupNumber })}
                    value={group.min}
                    onChange={(event) =>
                      updateGroup(index, { min: event.target.value }, `${path}.minSelect`)
                    }
                  />
                </label>
                <FieldMessage errors={errors} path={`${path}.minSelect`} baseId={baseId} />
              </div>
              <div className="catalog-group-count">
                <label className="field">
                  <span className="field-label">{t('modifiers.maximum')}</span>
                  <input
                    className="field-input"
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    {...errorProps(errors, `${path}.maxSelect`, baseId)}
                    aria-label={t('modifiers.groupMaximum', { group: groupNumber })}
                    value={group.max}
                    onChange={(event) =>
                      updateGroup(index, { max: event.target.value }, `${path}.maxSelect`)
                    }
                  />
                </label>
                <FieldMessage errors={errors} path={`${path}.maxSelect`} baseId={baseId} />
              </div>
              <button
                type="button"
                className="button button-ghost button-small catalog-remove-group"
                onClick={() =>
                  onChange(
                    groups.filter((_, at) => at !== index),
                    'modifierGroups',
                  )
                }
              >
                {t('modifiers.removeGroup', { group: groupNumber })}
              </button>
            </div>

            <ul
              className="catalog-options"
              aria-label={t('modifiers.options', { group: groupNumber })}
            >
              {group.options.map((option, optionIndex) => {
                const optionPath = `${path}.options.${optionIndex}`
                const optionNumber = number(optionIndex + 1)
                const setOption = (change: Partial<OptionForm>, changedPath: string) =>
                  updateGroup(
                    index,
                    {
                      options: group.options.map((old, at) =>
                        at === optionIndex ? { ...old, ...change } : old,
                      ),
                    },
                    changedPath,
                  )
                return (
                  <li key={option.id} className="catalog-option">
                    <div className="catalog-grid-cell">
                      <input
                        className="field-input"
                        type="text"
                        autoComplete="off"
                        placeholder={t('modifiers.optionPlaceholder')}
                        aria-label={t('modifiers.optionName', {
                          group: groupNumber,
                          option: optionNumber,
                        })}
                        {...errorProps(errors, `${optionPath}.name`, baseId)}
                        value={option.name}
                        onChange={(event) =>
                          setOption({ name: event.target.value }, `${optionPath}.name`)
                        }
                      />
                      <FieldMessage errors={errors} path={`${optionPath}.name`} baseId={baseId} />
                    </div>
                    <div className="catalog-grid-cell">
                      <input
                        className="field-input catalog-money-input"
                        type="text"
                        inputMode="decimal"
                        autoComplete="off"
                        placeholder={t('modifiers.pricePlaceholder')}
                        aria-label={t('modifiers.optionPrice', {
                          group: groupNumber,
                          option: optionNumber,
                        })}
                        {...errorProps(errors, `${optionPath}.priceCents`, baseId)}
                        value={option.price}
                        onChange={(event) =>
                          setOption({ price: event.target.value }, `${optionPath}.priceCents`)
                        }
                      />
                      <FieldMessage
                        errors={errors}
                        path={`${optionPath}.priceCents`}
                        baseId={baseId}
                      />
                    </div>
                    <button
                      type="button"
                      className="icon-button icon-button-danger"
                      aria-label={t('modifiers.removeOption', {
                        group: groupNumber,
                        option: optionNumber,
                      })}
                      onClick={() =>
                        updateGroup(
                          index,
                          { options: group.options.filter((_, at) => at !== optionIndex) },
                          `${path}.options`,
                        )
                      }
                    >
                      ✕
                    </button>
                  </li>
                )
              })}
            </ul>
            <FieldMessage errors={errors} path={`${path}.options`} baseId={baseId} />
            <button
              type="button"
              className="button button-secondary button-small catalog-add"
              aria-label={t('modifiers.addOptionTo', { group: groupNumber })}
              disabled={group.options.length >= 40}
              onClick={() =>
                updateGroup(index, { options: [...group.options, newOption()] }, `${path}.options`)
              }
            >
              {t('modifiers.addOption')}
            </button>
          </div>
        )
      })}
      <button
        type="button"
        className="button button-secondary button-small catalog-add"
        disabled={groups.length >= 20}
        onClick={() =>
          onChange(
            [...groups, { id: uuidv4(), name: '', min: '0', max: '1', options: [newOption()] }],
            'modifierGroups',
          )
        }
      >
        {t('modifiers.addGroup')}
      </button>
    </fieldset>
  )
}
