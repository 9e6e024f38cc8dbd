import { useEffect, useRef, useState } from 'react'
import type { OrderTotals } from '../../../../shared/domain'
import { useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'
import { itemCount, lineDisplayName, type CartState } from './cartModel'

/** What a screen reader needs to know of a line to say what changed. */
export interface LineSeen {
  lineId: string
  name: string
  quantity: number
  /** Options, discount and note, as one comparable string. */
  detail: string
}

export type CartChange =
  | { type: 'added' | 'removed' | 'changed'; name: string }
  | { type: 'quantity'; name: string; quantity: number }
  | { type: 'cleared' }

export function seenLines(state: Pick<CartState, 'lines'>): LineSeen[] {
  return state.lines.map((line) => ({
    lineId: line.lineId,
    name: lineDisplayName(line),
    quantity: line.quantity,
    detail: JSON.stringify([line.variantId, line.modifierOptionIds, line.discount, line.note]),
  }))
}

/**
 * The one change worth saying between two looks at the cart: a line rung up (or rung up again),
 * taken off, its quantity typed, its options changed, or the cart emptied. Null when nothing a
 * cashier would notice changed. `wasRungUp` is true when the change came from ringing an item up.
 */
export function describeCartChange(
  before: readonly LineSeen[],
  after: readonly LineSeen[],
  wasRungUp: boolean,
): CartChange | null {
  if (after.length === 0) return before.length > 0 ? { type: 'cleared' } : null
  const previous = new Map(before.map((line) => [line.lineId, line]))
  const current = new Set(after.map((line) => line.lineId))
  for (const line of after) {
    const was = previous.get(line.lineId)
    if (!was) return { type: 'added', name: line.name }
    if (was.quantity !== line.quantity)
      return wasRungUp && line.quantity > was.quantity
        ? { type: 'added', name: line.name }
        : { type: 'quantity', name: line.name, quantity: line.quantity }
    if (was.detail !== line.detail) return { type: 'changed', name: line.name }
  }
  const removed = before.find((line) => !current.has(line.lineId))
  return removed ? { type: 'removed', name: removed.name } : null
}

/**
 * "Latte added, 3 items, total $12.40": the polite live region's text, updated as the cart
 * changes (not on the first render, and not for a change nobody made, such as a recalled sale's
 * totals being priced). `isSaleDone`: the cart emptied because a sale completed, which the sale's
 * confirmation announces itself.
 */
export function useCartAnnouncement(
  cart: CartState,
  totals: OrderTotals | null,
  isSaleDone: boolean,
): string {
  const { t } = useTranslation('cart')
  const { t: tc } = useTranslation('common')
  const money = useMoney()
  const [text, setText] = useState('')
  const seen = useRef<LineSeen[]>(seenLines(cart))
  const lastSequence = useRef(cart.lastAdded?.sequence ?? 0)

  useEffect(() => {
    const after = seenLines(cart)
    const sequence = cart.lastAdded?.sequence ?? 0
    const change = describeCartChange(seen.current, after, sequence !== lastSequence.current)
    seen.current = after
    lastSequence.current = sequence
    if (!change) return
    if (change.type === 'cleared') {
      setText(isSaleDone ? '' : t('announce.cleared'))
      return
    }
    const what =
      change.type === 'quantity'
        ? t('announce.quantity', { name: change.name, quantity: change.quantity })
        : t(`announce.${change.type}`, { name: change.name })
    setText(
      t('announce.summary', {
        change: what,
        items: tc('items', { count: itemCount(cart.lines) }),
        total: money(totals?.totalCents ?? 0),
      }),
    )
  }, [cart, totals, isSaleDone, t, tc, money])

  return text
}
