import { i18n } from './index'

type TenderKind = 'cash' | 'card' | 'other'

// The names a new store's tenders start with (StoreOptions' defaults): a store that kept them gets
// them in the register's language; a name the store chose itself ("Gift card") is shown as typed.
const builtInNames: Record<string, 'cash' | 'card' | 'voucher'> = {
  Cash: 'cash',
  Card: 'card',
  Voucher: 'voucher',
}

/** A payment method's name as the cashier should read it ("نقدًا" for the store's "Cash"). */
export function tenderName(label: string | null, kind: TenderKind): string {
  if (!label) return i18n.t(`common:tenders.${kind}`)
  const builtIn = builtInNames[label]
  return builtIn ? i18n.t(`common:tenders.${builtIn}`) : label
}
