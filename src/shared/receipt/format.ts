import { formatMoney } from '../domain/money'
import type { Language } from '../store/registerConfig'
import type { RenderStore } from './types'

/** Number, date and money formatting in the receipt's language (Arabic always uses 'ar'). */
export interface ReceiptFormat {
  locale: string
  money(cents: number): string
  /** 825 -> "8.25%". */
  rate(basisPoints: number): string
  /** "0.452 kg". */
  kilograms(grams: number): string
  /** "0.452 kg @ $1.99/kg" (the price per kg is worked back from the line's price). */
  weight(grams: number, lineCents: number): string
  dateTime(iso: string): string
  time(iso: string): string
}

export function receiptFormat(language: Language, store: RenderStore): ReceiptFormat {
  const locale = language === 'ar' ? 'ar' : store.locale
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 })
  const kilograms = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'kilogram',
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
  })
  const perKilogram = language === 'ar' ? 'كغ' : 'kg'
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' })
  const money = (cents: number) => formatMoney(cents, store.currency, locale)
  return {
    locale,
    money,
    rate: (basisPoints) => percent.format(basisPoints / 10_000),
    kilograms: (grams) => kilograms.format(grams / 1000),
    weight: (grams, lineCents) => {
      // OrderItem keeps the weighed line's price, not the shelf price per kg: work it back.
      const perKgCents = grams > 0 ? Math.round((Math.abs(lineCents) * 1000) / grams) : 0
      return `${kilograms.format(grams / 1000)} @ ${money(perKgCents)}/${perKilogram}`
    },
    dateTime: (iso) => dateTime.format(new Date(iso)),
    time: (iso) => time.format(new Date(iso)),
  }
}
