export { DomainError, isDomainError, type DomainErrorCode } from './errors'
export {
  isCents,
  currencyExponent,
  decimalText,
  moneyText,
  formatMoney,
  minusSign,
  parseDecimal,
  parseMoney,
  type Cents,
} from './money'
export { asciiDigits } from './digits'
export { divideRounded, roundToIncrement, isRoundingMode, type RoundingMode } from './rounding'
export { allocateCents } from './allocation'
export { computeOrderTotals } from './totals'
export type {
  PricingRules,
  LineInput,
  OrderInput,
  LineTotals,
  TaxBucket,
  OrderTotals,
} from './pricingTypes'
export { maxTaxRateBasisPoints } from './validation'
export {
  settleTender,
  cashDueCents,
  type TenderMethod,
  type TenderInput,
  type TenderSummary,
} from './tender'
export { discountCents, discountPercentOf, type Discount } from './discount'
export {
  lineUnitPriceCents,
  priceOrder,
  DiscountError,
  type UnitPriceInput,
  type LineToPrice,
  type OrderToPrice,
  type AppliedDiscount,
  type PricedOrder,
} from './linePricing'
export {
  refundLineAmounts,
  splitRefundOverTenders,
  type SoldLine,
  type RefundLineAmounts,
  type PaidTender,
  type RefundTenderShare,
} from './refund'
