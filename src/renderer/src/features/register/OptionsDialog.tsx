import { useRef, useState, type FormEvent } from 'react'
import { useMoney } from '../../appInfo'
import { Modal } from '../../components/Modal'
import { ModalActions } from '../../components/ModalActions'
import { i18n, useTranslation } from '../../i18n'
import type { Product } from '../../types'
import { unitPriceCents, type LineChoice } from './cartModel'
import {
  defaultOptionIds,
  isChooseOne,
  toggleOption,
  unmetGroups as groupsShort,
} from './optionChoices'

type ModifierGroup = Product['modifierGroups'][number]

/** "Milk — choose 1", "Extras — up to 3", "Sauces — choose 1 to 2". */
export function groupRule(group: ModifierGroup): string {
  const { minSelect, maxSelect } = group
  if (minSelect === 0) return i18n.t('register:options.upTo', { max: maxSelect })
  if (minSelect === maxSelect) return i18n.t('register:options.choose', { count: minSelect })
  return i18n.t('register:options.chooseRange', { min: minSelect, max: maxSelect })
}

interface OptionsDialogProps {
  /** The product with anything already known (a scanned variant, a weighed label). */
  choice: LineChoice
  onAdd: (choice: LineChoice) => void
  onClose: () => void
  /** "Update line" when a cart line's options are being changed; "Add to sale" otherwise. */
  submitText?: string
}

/** "Choose options": a variant and the modifier groups' options, priced as they are picked. */
export function OptionsDialog({ choice, onAdd, onClose, submitText }: OptionsDialogProps) {
  const { product } = choice
  const money = useMoney()
  const { t } = useTranslation('register')
  const { t: tc } = useTranslation('cart')
  const firstChoiceRef = useRef<HTMLInputElement>(null)
  const [variantId, setVariantId] = useState<string | null>(
    choice.variantId ?? (product.variants.length === 1 ? (product.variants[0]?.id ?? null) : null),
  )
  const [selected, setSelected] = useState<ReadonlySet<string>>(
    // Nothing chosen yet: the groups' default options are preselected.
    () => new Set(choice.modifierOptionIds ?? defaultOptionIds(product)),
  )

  const countIn = (group: ModifierGroup) =>
    group.options.filter((option) => selected.has(option.id)).length
  const isVariantMissing = product.variants.length > 0 && variantId === null
  const unmetGroups = groupsShort(product, [...selected])
  const canAdd = !isVariantMissing && unmetGroups.length === 0
  const modifierOptionIds = product.modifierGroups.flatMap((group) =>
    group.options.filter((option) => selected.has(option.id)).map((option) => option.id),
  )
  const priceCents = unitPriceCents({
    product,
    variantId,
    modifierOptionIds,
    weightGrams: choice.weightGrams ?? null,
    embeddedPriceCents: choice.embeddedPriceCents ?? null,
  })

  function toggle(group: ModifierGroup, optionId: string | null) {
    setSelected((previous) => toggleOption(group, previous, optionId))
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    if (canAdd) onAdd({ ...choice, variantId, modifierOptionIds })
  }

  let missing = ''
  if (isVariantMissing) missing = t('options.chooseVariant')
  else if (unmetGroups[0])
    missing = t('options.missing', { group: unmetGroups[0].name, rule: groupRule(unmetGroups[0]) })

  return (
    <Modal
      title={t('options.title')}
      onClose={onClose}
      isCloseable
      initialFocusRef={firstChoiceRef}
      className="options-dialog"
    >
      <form className="options-form" onSubmit={submit} noValidate>
        <p className="options-product">{product.name}</p>
        <div className="options-groups">
          {product.variants.length > 0 && (
            <fieldset className="options-group">
              <legend className="options-legend">{t('options.variantLegend')}</legend>
              {product.variants.map((variant, index) => (
                <label key={variant.id} className="option-choice">
                  <input
                    ref={index === 0 ? firstChoiceRef : undefined}
                    type="radio"
                    name="variant"
                    checked={variantId === variant.id}
                    onChange={() => setVariantId(variant.id)}
                  />
                  <span className="option-name">{variant.name}</span>
                  <span className="option-price">{money(variant.priceCents)}</span>
                </label>
              ))}
            </fieldset>
          )}
          {product.modifierGroups.map((group, groupIndex) => {
            const count = countIn(group)
            return (
              <fieldset key={group.id} className="options-group">
                <legend className="options-legend">
                  {t('options.groupLegend', { group: group.name, rule: groupRule(group) })}
                </legend>
                {isChooseOne(group) && group.minSelect === 0 && (
                  <label className="option-choice">
                    <input
                      type="radio"
                      name={`group-${group.id}`}
                      checked={count === 0}
                      onChange={() => toggle(group, null)}
                    />
                    <span className="option-name">{tc('options.none')}</span>
                    <span className="option-price" />
                  </label>
                )}
                {group.options.map((option, optionIndex) => {
                  const isFirst =
                    product.variants.length === 0 && groupIndex === 0 && optionIndex === 0
                  const isChecked = selected.has(option.id)
                  const isFull = !isChooseOne(group) && count >= group.maxSelect && !isChecked
                  return (
                    <label key={option.id} className="option-choice">
                      <input
                        ref={isFirst ? firstChoiceRef : undefined}
                        type={isChooseOne(group) ? 'radio' : 'checkbox'}
                        name={isChooseOne(group) ? `group-${group.id}` : undefined}
                        checked={isChecked}
                        disabled={isFull}
                        onChange={() => toggle(group, option.id)}
                      />
                      <span className="option-name">{option.name}</span>
                      <span className="option-price">
                        {option.priceCents > 0 ? `+${money(option.priceCents)}` : ''}
                      </span>
                    </label>
                  )
                })}
              </fieldset>
            )
          })}
        </div>
        <p className="field-hint" role="status">
          {missing}
        </p>
        <ModalActions
          submitLabel={
            <>
              {submitText ?? t('options.addToSale')}
              <span className="options-price" data-testid="options-price">
                {money(priceCents)}
              </span>
            </>
          }
          onCancel={onClose}
          isSubmitDisabled={!canAdd}
        />
      </form>
    </Modal>
  )
}
