import { useEffect, useRef, useState } from 'react'
import type { ModifierGroup } from '../../../../shared/ipc/catalogSchemas'
import { TextField } from '../../components/Field'
import { useTranslation } from '../../i18n'
import { amountText, minorUnitsOf } from './money'

/** An option as typed: its extra price in the store's currency. */
export interface OptionDraft {
  id: string
  name: string
  price: string
  /** Preselected at the register. */
  isDefault: boolean
}

/** A group as typed: how many options a customer picks, at least and at most. */
export interface GroupDraft {
  id: string
  name: string
  min: string
  max: string
  options: OptionDraft[]
}

const newOption = (): OptionDraft => ({
  id: crypto.randomUUID(),
  name: '',
  price: '0',
  isDefault: false,
})

/** The stored groups (synced product data) as drafts; unreadable entries are skipped. */
export function groupDrafts(stored: readonly unknown[], currency: string): GroupDraft[] {
  return stored.flatMap((entry) => {
    const group = entry as Partial<ModifierGroup> | null
    if (!group?.id || !Array.isArray(group.options)) return []
    return [
      {
        id: group.id,
        name: group.name ?? '',
        min: String(group.minSelect ?? 0),
        max: String(group.maxSelect ?? 1),
        options: group.options.map((option) => ({
          id: option.id,
          name: option.name,
          price: amountText(option.priceCents, currency),
          isDefault: option.isDefault === true,
        })),
      },
    ]
  })
}

const countOf = (text: string) => (/^\s*\d{1,3}\s*$/.test(text) ? Number(text) : Number.NaN)

/** The drafts as the product body carries them (the shared schema then checks every field). */
export function groupsBody(drafts: readonly GroupDraft[], currency: string) {
  return drafts.map((group) => ({
    id: group.id,
    name: group.name,
    minSelect: countOf(group.min),
    maxSelect: countOf(group.max),
    options: group.options.map((option) => ({
      id: option.id,
      name: option.name,
      priceCents: minorUnitsOf(option.price, currency),
      // Left out unless set, so products saved before defaults existed keep their exact JSON.
      ...(option.isDefault ? { isDefault: true } : {}),
    })),
  }))
}

function moved<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return [...items]
  const copy = [...items]
  const [item] = copy.splice(from, 1)
  copy.splice(to, 0, item!)
  return copy
}

interface ModifierGroupsEditorProps {
  groups: readonly GroupDraft[]
  onChange: (groups: GroupDraft[]) => void
  currency: string
  /** Full issue paths of the last refusal (ours or the server's): the failing fields are marked. */
  issuePaths: readonly string[]
}

/**
 * Modifier groups of a product ("Milk: choose 1", "Extras: up to 3"): each with a name, how many
 * options a customer picks, and options with a name and an extra price. Groups and options are
 * added, removed and moved with buttons (keyboard: the moved item's button keeps the focus).
 */
export function ModifierGroupsEditor({
  groups,
  onChange,
  currency,
  issuePaths,
}: ModifierGroupsEditorProps) {
  const { t } = useTranslation('catalog')
  // After a move the moved item's button keeps the focus (the item was re-rendered elsewhere).
  const focusTarget = useRef<string | null>(null)
  const [focusRequest, setFocusRequest] = useState(0)
  useEffect(() => {
    if (focusTarget.current) document.getElementById(focusTarget.current)?.focus()
  }, [focusRequest])
  const setFocusId = (id: string) => {
    focusTarget.current = id
    setFocusRequest((count) => count + 1)
  }
  const errorAt = (path: string, message: string) =>
    issuePaths.includes(path) ? message : undefined
  const setGroup = (index: number, change: Partial<GroupDraft>) =>
    onChange(groups.map((group, at) => (at === index ? { ...group, ...change } : group)))
  const setOption = (index: number, optionIndex: number, change: Partial<OptionDraft>) =>
    setGroup(index, {
      options: groups[index]!.options.map((option, at) =>
        at === optionIndex ? { ...option, ...change } : option,
      ),
    })
  const moveButtons = (
    label: string,
    id: string,
    index: number,
    count: number,
    move: (to: number) => void,
  ) => (
    <>
      <button
        type="button"
        id={`${id}-up`}
        className="button button-secondary button-small"
        disabled={index === 0}
        onClick={() => {
          move(index - 1)
          setFocusId(index - 1 === 0 ? `${id}-down` : `${id}-up`)
        }}
      >
        {t('modifiers.moveUp', { name: label })}
      </button>
      <button
        type="button"
        id={`${id}-down`}
        className="button button-secondary button-small"
        disabled={index === count - 1}
        onClick={() => {
          move(index + 1)
          setFocusId(index + 1 === count - 1 ? `${id}-up` : `${id}-down`)
        }}
      >
        {t('modifiers.moveDown', { name: label })}
      </button>
    </>
  )
  return (
    <fieldset className="field bo-checkbox-group" aria-describedby="modifier-groups-hint">
      <legend className="field-label">{t('modifiers.title')}</legend>
      <p id="modifier-groups-hint" className="field-hint">
        {t('modifiers.hint')}
      </p>
      {groups.map((group, index) => {
        const at = `modifierGroups.${index}`
        const label = group.name || t('modifiers.groupNumber', { number: index + 1 })
        const min = countOf(group.min)
        const max = countOf(group.max)
        return (
          <fieldset key={group.id} className="bo-fieldset" data-testid="modifier-group">
            <legend className="field-label">{label}</legend>
            <div className="bo-form-grid">
              <TextField
                name={index === 0 ? 'modifierGroups' : `${at}.name`}
                label={t('modifiers.groupName', { number: index + 1 })}
                value={group.name}
                onChange={(name) => setGroup(index, { name })}
                error={errorAt(`${at}.name`, t('modifiers.errors.name'))}
                dir="auto"
              />
              <TextField
                name={`${at}.minSelect`}
                label={t('modifiers.min', { number: index + 1 })}
                value={group.min}
                onChange={(value) => setGroup(index, { min: value })}
                error={errorAt(`${at}.minSelect`, t('modifiers.errors.min'))}
                dir="ltr"
              />
              <TextField
                name={`${at}.maxSelect`}
                label={t('modifiers.max', { number: index + 1 })}
                value={group.max}
                onChange={(value) => setGroup(index, { max: value })}
                error={errorAt(`${at}.maxSelect`, t('modifiers.errors.max'))}
                dir="ltr"
              />
            </div>
            <p className="field-hint">
              {Number.isNaN(min) || Number.isNaN(max)
                ? null
                : min === max
                  ? t('modifiers.ruleExactly', { count: min })
                  : min === 0
                    ? t('modifiers.ruleUpTo', { count: max })
                    : t('modifiers.ruleBetween', { min, max })}
            </p>
            {group.options.map((option, optionIndex) => {
              const optionAt = `${at}.options.${optionIndex}`
              const optionLabel =
                option.name || t('modifiers.optionNumber', { number: optionIndex + 1 })
              return (
                <div key={option.id} className="bo-form-grid" data-testid="modifier-option">
                  <TextField
                    name={`${optionAt}.name`}
                    label={t('modifiers.optionName', { group: label, number: optionIndex + 1 })}
                    value={option.name}
                    onChange={(name) => setOption(index, optionIndex, { name })}
                    error={errorAt(`${optionAt}.name`, t('modifiers.errors.name'))}
                    dir="auto"
                  />
                  <TextField
                    name={`${optionAt}.priceCents`}
                    label={t('modifiers.optionPrice', {
                      group: label,
                      number: optionIndex + 1,
                      currency,
                    })}
                    value={option.price}
                    onChange={(price) => setOption(index, optionIndex, { price })}
                    error={errorAt(`${optionAt}.priceCents`, t('modifiers.errors.price'))}
                    dir="ltr"
                  />
                  <label className="bo-checkbox">
                    <input
                      type="checkbox"
                      name={`${optionAt}.isDefault`}
                      checked={option.isDefault}
                      onChange={(event) =>
                        setOption(index, optionIndex, { isDefault: event.target.checked })
                      }
                    />
                    {t('modifiers.optionDefault', { name: optionLabel })}
                  </label>
                  <div className="bo-row-actions">
                    {moveButtons(optionLabel, option.id, optionIndex, group.options.length, (to) =>
                      setGroup(index, { options: moved(group.options, optionIndex, to) }),
                    )}
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() =>
                        setGroup(index, {
                          options: group.options.filter((_, at2) => at2 !== optionIndex),
                        })
                      }
                    >
                      {t('modifiers.removeOption', { name: optionLabel })}
                    </button>
                  </div>
                </div>
              )
            })}
            {issuePaths.includes(`${at}.options`) ? (
              <p className="field-hint field-hint-error">{t('modifiers.errors.options')}</p>
            ) : null}
            <div className="bo-row-actions">
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setGroup(index, { options: [...group.options, newOption()] })}
              >
                {t('modifiers.addOption', { name: label })}
              </button>
              {moveButtons(label, group.id, index, groups.length, (to) =>
                onChange(moved(groups, index, to)),
              )}
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => onChange(groups.filter((_, at2) => at2 !== index))}
              >
                {t('modifiers.removeGroup', { name: label })}
              </button>
            </div>
          </fieldset>
        )
      })}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() =>
          onChange([
            ...groups,
            { id: crypto.randomUUID(), name: '', min: '0', max: '1', options: [newOption()] },
          ])
        }
      >
        {t('modifiers.addGroup')}
      </button>
    </fieldset>
  )
}
