import { pricingRulesOf } from '../services/pricing'
import { createCatalogHandlers } from './catalogHandlers'
import { createDisplayHandlers } from './displayHandlers'
import { enrollRegister } from './enrollment'
import type { HandlerContext } from './handlerContext'
import { createMailHandlers } from './mailHandlers'
import { createManagerHandlers } from './managerHandlers'
import { createPrintHandlers } from './printHandlers'
import type { Handlers } from './registry'
import { createSaleHandlers } from './saleHandlers'
import { createStaffHandlers } from './staffHandlers'
import { createStockHandlers } from './stockHandlers'

export function createHandlers(context: HandlerContext): Handlers {
  const { store, sync } = context
  return {
    ...createCatalogHandlers(context),
    ...createSaleHandlers(context),
    ...createStaffHandlers(context),
    ...createPrintHandlers(context),
    ...createManagerHandlers(context),
    ...createMailHandlers(context),
    ...createDisplayHandlers(context),
    ...createStockHandlers(context),
    'app:getInfo': () => {
      const settings = store.settings.getStoreSettings()
      return {
        appName: 'AuraFlow POS',
        version: context.appVersion,
        host: context.host,
        deviceId: sync.device.deviceId,
        storeName: settings.storeName,
        storeCode: settings.storeCode,
        registerCode: sync.device.registerCode,
        currency: settings.currency,
        locale: settings.locale,
        pricingRules: pricingRulesOf(settings),
      }
    },
    'sync:getStatus': () => sync.status(),
    'sync:runNow': () => sync.runNow(),
    'sync:enroll': (input) => enrollRegister(context, input),
    'sync:listDead': () => sync.deadList(),
    'sync:retryDead': (input) => sync.retryDead(input.outboxIds),
  }
}
