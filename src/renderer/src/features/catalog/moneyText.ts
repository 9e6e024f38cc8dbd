import { asciiDigits, moneyText, parseMoney, type Cents } from '../../../../shared/domain'
import { i18n } from '../../i18n'

/** An example amount in the currency's own shape, for messages: "3.50" or "350" (JPY). */
export function moneyExample(currency: string): string {
  return moneyText(350, currency)
}

export type MoneyRead = { kind: 'ok'; cents: Cents } | { kind: 'invalid'; message: string }

/** Reads a typed price: required, not negative, no more decimals than the currency has. */
export function readMoney(text: string, currency: string, max = 100_000_000): MoneyRead {
  if (text.trim() === '') return { kind: 'invalid', message: i18n.t('catalog:form.priceRequired') }
  const cents = parseMoney(asciiDigits(text), currency)
  if (cents === null)
    return {
      kind: 'invalid',
      message: i18n.t('catalog:form.priceExample', { example: moneyExample(currency) }),
    }
  if (cents > max) return { kind: 'invalid', message: i18n.t('catalog:form.priceTooLarge') }
  return { kind: 'ok', cents }
}
