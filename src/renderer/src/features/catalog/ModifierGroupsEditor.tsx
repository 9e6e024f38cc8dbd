import { v4 as uuidv4 } from 'uuid'
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
  function updateGroup(index: number, change: Partial<GroupForm>, changedPath: string) {
    onChange(
      groups.map((group, at) => (at === index ? { ...group, ...change } : group)),
      changedPath,
    )
  }

  return (
    <fieldset className="catalog-fieldset">
      <legend className="field-label">Modifier groups</legend>
      <p className="catalog-fieldset-intro">
        Minimum 0 makes a group optional; minimum 1 and maximum 1 means &ldquo;choose exactly
        one&rdquo;.
      </p>
      {groups.map((group, index) => {
        const path = `modifierGroups.${index}`
        const label = `Group ${index + 1}`
        return (
          <div key={group.id} className="catalog-group" data-testid="modifier-group">
            <div className="catalog-group-fields">
              <div className="catalog-group-name">
                <label className="field">
                  <span className="field-label">Name</span>
                  <input
                    className="field-input"
                    type="text"
                    autoComplete="off"
                    {...errorProps(errors, `${path}.name`, baseId)}
                    aria-label={`${label} name`}
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
                  <span className="field-label">Minimum</span>
                  <input
                    className="field-input"
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    {...errorProps(errors, `${path}.minSelect`, baseId)}
                    aria-label={`${label} minimum`}
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
                  <span className="field-label">Maximum</span>
                  <input
                    className="field-input"
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    {...errorProps(errors, `${path}.maxSelect`, baseId)}
                    aria-label={`${label} maximum`}
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
                Remove group {index + 1}
              </button>
            </div>

            <ul className="catalog-options" aria-label={`${label} options`}>
              {group.options.map((option, optionIndex) => {
                const optionPath = `${path}.options.${optionIndex}`
                const optionLabel = `${label} option ${optionIndex + 1}`
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
                        placeholder="Option name"
                        aria-label={`${optionLabel} name`}
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
                        placeholder="Extra price"
                        aria-label={`${optionLabel} price`}
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
                      aria-label={`Remove ${optionLabel.toLowerCase()}`}
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
              aria-label={`Add option to group ${index + 1}`}
              disabled={group.options.length >= 40}
              onClick={() =>
                updateGroup(index, { options: [...group.options, newOption()] }, `${path}.options`)
              }
            >
              Add option
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
        Add modifier group
      </button>
    </fieldset>
  )
}
