import type { StoreOptions } from '../../shared/store/options'
import type { RegisterEvents } from '../events'
import { pricingRulesOf } from '../services/pricing'
import type { RegisterDb } from '../store/database'
import { getStoreSettings } from '../store/identityRepository'
import type { SyncWorker } from '../sync/syncWorker'
import type { PrintService } from '../printing/printService'
import type { Authority } from '../services/authority'
import { createCatalogHandlers } from './catalogHandlers'
import { enrollRegister } from './enrollment'
import { createManagerHandlers } from './managerHandlers'
import { createPrintHandlers } from './printHandlers'
import type { Handlers } from './registry'
import { createSaleHandlers } from './saleHandlers'
import { createStaffHandlers } from './staffHandlers'

export interface HandlerContext {
  db: RegisterDb
  sync: SyncWorker
  events: RegisterEvents
  authority: Authority
  storeOptions: () => StoreOptions
  appVersion: string
  host: 'electron' | 'web'
  now: () => Date
  /** The core's running print queue, worker and station subscriptions. */
  print: PrintService
  /** Renders HTML to PDF where the host can (Electron's printToPDF); absent in the web host. */
  renderPdf?: ((html: string, paperWidthMm: number) => Promise<Uint8Array>) | undefined
}

/** The handlers of one area of the contract. */
export type HandlerGroup<C extends keyof Handlers> = Pick<Handlers, C>

export function createHandlers(context: HandlerContext): Handlers {
  const { db, sync } = context
  return {
    ...createCatalogHandlers(context),
    ...createSaleHandlers(context),
    ...createStaffHandlers(context),
    ...createPrintHandlers(context),
    ...createManagerHandlers(context),
    'app:getInfo': () => {
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
    'sync:getStatus': () => sync.status(),
    'sync:runNow': () => sync.runNow(),
    'sync:enroll': (input) => enrollRegister(context, input),
    'sync:listDead': () => sync.deadList(),
    'sync:retryDead': (input) => sync.retryDead(input.outboxIds),
  }
}
