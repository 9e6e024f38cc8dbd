import { PosError } from '../../shared/ipc/errors'
import { OrderSummary } from '../../shared/ipc/schemas'
import type { RegisterEvents } from '../events'
import { pricingRulesOf } from '../services/pricing'
import { completeSale } from '../services/saleService'
import { listCategories, listProducts, searchProducts } from '../store/catalogRepository'
import type { RegisterDb } from '../store/database'
import { getStoreSettings } from '../store/identityRepository'
import type { SyncWorker } from '../sync/syncWorker'
import { getOrderDetail, listOrders } from '../store/orderRepository'
import type { Handlers } from './registry'

export interface HandlerContext {
  db: RegisterDb
  sync: SyncWorker
  events: RegisterEvents
  appVersion: string
  host: 'electron' | 'web'
  now: () => Date
}

export function createHandlers(context: HandlerContext): Handlers {
  const { db, sync, events } = context
  const orderDetail = (id: string) => {
    const order = getOrderDetail(db, id)
    if (!order) throw new PosError('NOT_FOUND', 'No order with that id on this register.', 'id')
    return order
  }
  return {
    'app:info': () => {
      const settings = getStoreSettings(db)
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
    'catalog:list': (input) => ({
      categories: listCategories(db),
      products: listProducts(db, input?.categoryId),
    }),
    'catalog:search': (input) => searchProducts(db, input.query, input.limit),
    'sale:complete': (draft) => {
      const result = completeSale(db, sync.device, draft, context.now().toISOString())
      const order = orderDetail(result.orderId)
      if (result.isNew) events.emit('order:created', OrderSummary.parse(order))
      // From the stored payments, so a replayed request reports the change of the sale it stored.
      return {
        order,
        changeCents: order.payments.reduce((sum, payment) => sum + payment.changeCents, 0),
      }
    },
    'order:list': (input) => {
      const rows = listOrders(db, input.limit, input.beforeId)
      if (rows === null)
        throw new PosError('NOT_FOUND', 'The order to page back from does not exist.', 'beforeId')
      return rows
    },
    'order:get': (input) => orderDetail(input.id),
    'sync:status': () => sync.status(),
    'sync:runNow': () => sync.runNow(),
    'sync:enroll': (input) => sync.enroll(input),
    'sync:deadList': () => sync.deadList(),
    'sync:retryDead': (input) => sync.retryDead(input.outboxIds),
  }
}
