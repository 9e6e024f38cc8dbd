import type { DisplayPublish, DisplayState } from '../../shared/ipc/displaySchemas'
import { storeLanguage } from '../../shared/store/registerConfig'
import { isKitchenDisplay } from '../printing/kitchenDisplay'
import type { HandlerContext, HandlerGroup } from './handlerContext'

type DisplayChannels =
  'display:publish' | 'display:getState' | 'kitchen:listTickets' | 'kitchen:bump' | 'kitchen:recall'

const idle: DisplayPublish = {
  phase: 'idle',
  lines: [],
  subtotalCents: 0,
  discountCents: 0,
  taxCents: 0,
  totalCents: 0,
  tenderedCents: 0,
  changeCents: 0,
  orderNumber: null,
}

/**
 * The customer display's feed and the kitchen display. Main keeps only the latest published
 * state (in memory: after a restart the display shows a welcome until the cart changes) and
 * pushes it as display:stateChanged, which is all a customer display ever receives.
 */
export function createDisplayHandlers(context: HandlerContext): HandlerGroup<DisplayChannels> {
  const { store, events, authority, kitchen } = context
  let latest: { published: DisplayPublish; updatedAt: string } = {
    published: idle,
    updatedAt: context.now().toISOString(),
  }

  function state(): DisplayState {
    const settings = store.settings.getStoreSettings()
    const config = store.settings.getRegisterConfig()
    return {
      ...latest.published,
      language: config.customerDisplayLanguage ?? storeLanguage(settings.locale),
      currency: settings.currency,
      locale: settings.locale,
      storeName: settings.storeName,
      updatedAt: latest.updatedAt,
    }
  }

  // A new customer display language shows at once, not at the next cart change.
  events.onAny((event) => {
    if (event === 'register:configChanged') events.emit('display:stateChanged', state())
  })

  /** The kitchen bumps without a PIN on its own station; elsewhere someone signs in. */
  function requireKitchenOrSignedIn() {
    if (!isKitchenDisplay(store.settings.getRegisterConfig())) authority.requireSignedIn()
  }

  return {
    'display:publish': (input) => {
      latest = { published: input, updatedAt: context.now().toISOString() }
      const current = state()
      events.emit('display:stateChanged', current)
      return current
    },
    'display:getState': () => state(),
    'kitchen:listTickets': () => kitchen.tickets(),
    'kitchen:bump': (input) => {
      requireKitchenOrSignedIn()
      return kitchen.bump(input.orderId)
    },
    'kitchen:recall': (input) => {
      requireKitchenOrSignedIn()
      return kitchen.recall(input.orderId)
    },
  }
}
