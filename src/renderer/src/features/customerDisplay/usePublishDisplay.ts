import { useEffect, useMemo } from 'react'
import type { OrderTotals } from '../../../../shared/domain'
import type { DisplayLine, DisplayPublish } from '../../../../shared/ipc/displaySchemas'
import { pos } from '../../pos'
import type { CartLine } from '../register/cartModel'

/** What the end of a sale tells the customer (the register's CompletedSale has these). */
export interface PaidSale {
  orderNumber: string
  totalCents: number
  tenderedCents: number
  changeCents: number
}

function lineDetail(line: CartLine): string {
  const variant = line.product.variants.find((candidate) => candidate.id === line.variantId)
  const options = line.product.modifierGroups.flatMap((group) =>
    group.options.filter((option) => line.modifierOptionIds.includes(option.id)),
  )
  return [variant?.name, ...options.map((option) => option.name)]
    .filter((part): part is string => !!part)
    .join(' · ')
}

/** The customer's view of the register: the cart while selling, the change once paid. */
export function displayStateOf(
  lines: readonly CartLine[],
  totals: OrderTotals | null,
  lastSale: PaidSale | null,
): DisplayPublish {
  const empty = {
    lines: [],
    subtotalCents: 0,
    discountCents: 0,
    taxCents: 0,
    totalCents: 0,
    tenderedCents: 0,
    changeCents: 0,
    orderNumber: null,
  }
  if (lines.length === 0 && lastSale)
    return {
      ...empty,
      phase: 'paid',
      totalCents: lastSale.totalCents,
      tenderedCents: lastSale.tenderedCents,
      changeCents: lastSale.changeCents,
      orderNumber: lastSale.orderNumber,
    }
  if (lines.length === 0) return { ...empty, phase: 'idle' }
  const shown: DisplayLine[] = lines.map((line, index) => ({
    name: line.product.name,
    detail: lineDetail(line),
    quantity: line.quantity,
    totalCents: totals?.lines[index]?.totalCents ?? 0,
  }))
  return {
    ...empty,
    phase: 'cart',
    lines: shown,
    subtotalCents: totals?.subtotalCents ?? 0,
    discountCents: totals?.discountCents ?? 0,
    taxCents: totals?.taxCents ?? 0,
    totalCents: totals?.totalCents ?? 0,
  }
}

/**
 * Publishes the customer display's state whenever the cart, its totals or the last sale change.
 * A failed publish is dropped: the customer's screen must never get in the cashier's way.
 */
export function usePublishDisplay(
  lines: readonly CartLine[],
  totals: OrderTotals | null,
  lastSale: PaidSale | null,
): void {
  const state = useMemo(() => displayStateOf(lines, totals, lastSale), [lines, totals, lastSale])
  // Compared as text, so a re-render that builds an equal state publishes nothing.
  const text = JSON.stringify(state)
  useEffect(() => {
    pos.invoke('display:publish', JSON.parse(text) as DisplayPublish).catch(() => undefined)
  }, [text])
}
