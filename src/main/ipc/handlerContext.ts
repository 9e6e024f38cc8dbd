import type { StoreOptions } from '../../shared/store/options'
import type { RegisterEvents } from '../events'
import type { MailService } from '../mail/mailService'
import type { KitchenDisplay } from '../printing/kitchenDisplay'
import type { PrintService } from '../printing/printService'
import type { Authority } from '../services/authority'
import type { RegisterStore } from '../store/repositories'
import type { SyncWorker } from '../sync/syncWorker'
import type { Handlers } from './registry'

// Its own module so each *Handlers.ts reads the context without importing handlers.ts, which
// imports them all (a cycle).
export interface HandlerContext {
  /** The register's repositories; `store.transaction` for writes that commit together. */
  store: RegisterStore
  sync: SyncWorker
  events: RegisterEvents
  authority: Authority
  storeOptions: () => StoreOptions
  appVersion: string
  host: 'electron' | 'web'
  now: () => Date
  /** The core's running print queue, worker and station subscriptions. */
  print: PrintService
  /** E-mailed receipts: SMTP settings and the send queue. */
  mail: MailService
  /** A kitchen station's on-screen tickets. */
  kitchen: KitchenDisplay
  /** Renders HTML to PDF where the host can (Electron's printToPDF); absent in the web host. */
  renderPdf?: ((html: string, paperWidthMm: number) => Promise<Uint8Array>) | undefined
}

/** The handlers of one area of the contract. */
export type HandlerGroup<C extends keyof Handlers> = Pick<Handlers, C>
