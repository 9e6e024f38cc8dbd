import type { PricingRules } from '../../shared/domain'
import type { StoreSettings } from '../store/identityRepository'

export function pricingRulesOf(settings: StoreSettings): PricingRules {
  return {
    pricesIncludeTax: settings.pricesIncludeTax,
    taxRounding: settings.taxRounding,
    roundingMode: settings.roundingMode,
    cashRoundingIncrementCents: settings.cashRoundingIncrementCents,
  }
}
