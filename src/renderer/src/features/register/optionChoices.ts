import type { Product } from '../../types'
import type { LineChoice } from './cartModel'

type ModifierGroup = Product['modifierGroups'][number]

/** A group the cashier picks exactly one option from, or none: shown as radio buttons. */
export function isChooseOne(group: ModifierGroup): boolean {
  return group.maxSelect === 1
}

/** The options a group preselects, never more than the group allows. */
export function groupDefaults(group: ModifierGroup): string[] {
  return group.options
    .filter((option) => option.isDefault === true)
    .slice(0, group.maxSelect)
    .map((option) => option.id)
}

/** Every group's preselected options, in the catalog's order. */
export function defaultOptionIds(product: Product): string[] {
  return product.modifierGroups.flatMap(groupDefaults)
}

/**
 * The choice with the product's defaults filled in where nothing was chosen yet, and the only
 * variant taken when there is just one.
 */
export function withDefaults(choice: LineChoice): LineChoice {
  const { product } = choice
  const onlyVariant = product.variants.length === 1 ? product.variants[0]?.id : undefined
  return {
    ...choice,
    variantId: choice.variantId ?? onlyVariant ?? null,
    modifierOptionIds:
      choice.modifierOptionIds && choice.modifierOptionIds.length > 0
        ? choice.modifierOptionIds
        : defaultOptionIds(product),
  }
}

/** The groups whose chosen options fall short of the group's minimum. */
export function unmetGroups(product: Product, optionIds: readonly string[]): ModifierGroup[] {
  const chosen = new Set(optionIds)
  return product.modifierGroups.filter(
    (group) => group.options.filter((option) => chosen.has(option.id)).length < group.minSelect,
  )
}

/** Whether the product offers anything to choose (a variant or a modifier group). */
export function hasOptions(product: Product): boolean {
  return product.variants.length > 0 || product.modifierGroups.length > 0
}

/**
 * Ringing up a product: straight into the cart with its defaults when nothing is left to decide
 * (optional extras, a choose-one group with a default), the options dialog only when a variant or
 * a required group is still open. Extras stay reachable from the line (Options) or a long press.
 */
export function ringUpPlan(
  choice: LineChoice,
): { type: 'add'; choice: LineChoice } | { type: 'ask'; choice: LineChoice } {
  const filled = withDefaults(choice)
  const needsVariant = filled.product.variants.length > 0 && !filled.variantId
  const isUnmet = unmetGroups(filled.product, filled.modifierOptionIds ?? []).length > 0
  return needsVariant || isUnmet ? { type: 'ask', choice: filled } : { type: 'add', choice: filled }
}

/**
 * A tap on an option: a choose-one group swaps its pick (and an optional one lets it go with
 * "None"); a larger group adds up to its maximum. Returns the next selection (the same set when
 * the group is already full).
 */
export function toggleOption(
  group: ModifierGroup,
  selected: ReadonlySet<string>,
  optionId: string | null,
): ReadonlySet<string> {
  const next = new Set(selected)
  if (isChooseOne(group)) {
    for (const option of group.options) next.delete(option.id)
    if (optionId !== null) next.add(optionId)
    return next
  }
  if (optionId === null) return selected
  if (next.has(optionId)) {
    next.delete(optionId)
    return next
  }
  const count = group.options.filter((option) => next.has(option.id)).length
  if (count >= group.maxSelect) return selected
  next.add(optionId)
  return next
}
