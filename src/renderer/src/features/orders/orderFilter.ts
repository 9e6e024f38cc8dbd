import type { InvokeInput } from '../../../../shared/ipc'

export type PaymentMethodFilter = '' | 'cash' | 'card' | 'other'

/** The orders filter as the form holds it: dates as the date inputs give them (YYYY-MM-DD). */
export interface OrderFilterDraft {
  fromDate: string
  toDate: string
  employeeId: string
  paymentMethod: PaymentMethodFilter
  customer: string
}

export const noFilter: OrderFilterDraft = {
  fromDate: '',
  toDate: '',
  employeeId: '',
  paymentMethod: '',
  customer: '',
}

export type OrderListInput = NonNullable<InvokeInput<'order:list'>>

/** Midnight at the start of a YYYY-MM-DD day in this register's time zone; null if not a day. */
function startOfDay(day: string, addDays = 0): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return null
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays)
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * The order:list query for a filter: the chosen days are whole local days (the "to" day
 * included), blanks are left out.
 */
export function toListQuery(filter: OrderFilterDraft, limit: number): OrderListInput {
  const from = startOfDay(filter.fromDate)
  const to = startOfDay(filter.toDate, 1)
  const customer = filter.customer.trim()
  return {
    limit,
    ...(from ? { from: from.toISOString() } : {}),
    ...(to ? { to: to.toISOString() } : {}),
    ...(filter.employeeId ? { employeeId: filter.employeeId } : {}),
    ...(filter.paymentMethod ? { paymentMethod: filter.paymentMethod } : {}),
    ...(customer ? { customer } : {}),
  }
}

/** How many filters narrow the list (shown on the Filters button). */
export function activeFilterCount(filter: OrderFilterDraft): number {
  return [
    filter.fromDate,
    filter.toDate,
    filter.employeeId,
    filter.paymentMethod,
    filter.customer.trim(),
  ].filter((value) => value !== '').length
}
