import type { InvokeInput, InvokeOutput } from '../../../../shared/ipc'
import type { TenderMethod } from '../../../../shared/store/options'

/** Shapes of the selling channels, named once for the register feature. */
export type SaleDraft = InvokeInput<'sale:complete'>
export type SaleLineDraft = SaleDraft['lines'][number]
export type PaymentDraft = SaleDraft['payments'][number]
export type DiscountInput = NonNullable<SaleDraft['orderDiscount']>
export type CartSnapshot = InvokeInput<'park:save'>['cart']
export type ParkedOrder = InvokeOutput<'park:list'>[number]
export type Customer = InvokeOutput<'customer:create'>
export type BarcodeMatch = NonNullable<InvokeOutput<'catalog:lookupBarcode'>>
export type { TenderMethod }
