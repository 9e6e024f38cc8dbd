import { i18n } from '../../i18n'
import { tenderName } from '../../i18n/tenderName'
import type { OrderSummary } from '../../types'

type SyncStatus = OrderSummary['syncStatus']

export function syncLabel(status: SyncStatus): string {
  return i18n.t(`orders:sync.${status}`)
}

export function paymentLabel(method: 'cash' | 'card' | 'other'): string {
  return i18n.t(`orders:payment.${method}`)
}

/** The tender as the store named it ("Voucher"), else the kind of payment. */
export function tenderLabel(payment: { method: 'cash' | 'card' | 'other'; label: string | null }) {
  return tenderName(payment.label, payment.method)
}

/** Grams as kilograms with three decimals ("0.482 kg"), the way scales print them. */
export function formatWeight(grams: number, locale: string): string {
  const kilograms = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
  }).format(grams / 1000)
  return i18n.t('orders:weight', { kg: kilograms })
}

/**
 * A refund's total shown as money going out. Main stores refunds as negative totals; the sign is
 * forced here so a refund can never read like a sale.
 */
export function signedTotalCents(order: { kind: 'SALE' | 'REFUND'; totalCents: number }): number {
  return order.kind === 'REFUND' ? -Math.abs(order.totalCents) : order.totalCents
}

const formatters = new Map<string, Intl.DateTimeFormat>()

type TimeStyle = 'time' | 'short' | 'long'

const timeOptions: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  time: { hour: 'numeric', minute: '2-digit' },
  short: { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  long: { dateStyle: 'full', timeStyle: 'medium' },
}

function formatterFor(locale: string, style: TimeStyle): Intl.DateTimeFormat {
  const key = `${locale}|${style}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, timeOptions[style])
    formatters.set(key, format)
  }
  return format
}

/**
 * When an order was taken, in the store's locale: just the time for today's orders in the list
 * ("11:52 PM"), with the date otherwise ("Nov 20, 11:52 PM"); the full date for `isLong`.
 * Falls back to the stored text if it is not a date.
 */
export function formatOrderTime(iso: string, locale: string, isLong = false): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  if (isLong) return formatterFor(locale, 'long').format(date)
  const isToday = date.toDateString() === new Date().toDateString()
  return formatterFor(locale, isToday ? 'time' : 'short').format(date)
}
