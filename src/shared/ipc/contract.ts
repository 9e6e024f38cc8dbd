import { z } from 'zod'
import {
  AppInfo,
  Catalog,
  CatalogQuery,
  OrderDetail,
  OrderGet,
  OrderListQuery,
  OrderSummary,
  Product,
  ProductSearch,
  SaleDraft,
  SaleReceipt,
} from './schemas'
import { DeadRecord, EnrollInput, RetryDeadInput, SyncStatusView } from './syncSchemas'

/**
 * Every request the renderer can make of the main process. Main, preload and renderer all derive
 * their channel names and types from this object; a name written anywhere else is a bug.
 */
export const invokeContract = {
  /** Who and where this register is, and how it prices. */
  'app:info': { input: z.undefined(), output: AppInfo },
  /** Active categories and products, optionally one category's products. */
  'catalog:list': { input: CatalogQuery, output: Catalog },
  /** Products whose name, SKU or barcode match; an exact barcode or SKU comes first. */
  'catalog:search': { input: ProductSearch, output: z.array(Product) },
  /** Prices, taxes and commits a paid sale in one durable transaction. */
  'sale:complete': { input: SaleDraft, output: SaleReceipt },
  /** Recent orders, newest first. */
  'order:list': { input: OrderListQuery, output: z.array(OrderSummary) },
  /** One order with its lines and payments. */
  'order:get': { input: OrderGet, output: OrderDetail },
  /** Where sync stands: enrollment, state, counts, last success and error. */
  'sync:status': { input: z.undefined(), output: SyncStatusView },
  /** Pushes and pulls now ("Sync now"); resolves when that run is over. */
  'sync:runNow': { input: z.undefined(), output: SyncStatusView },
  /** Enrolls this register with a sync server using a one-time code from the manager. */
  'sync:enroll': { input: EnrollInput, output: SyncStatusView },
  /** Records the server refused for good, with the reason. */
  'sync:deadList': { input: z.undefined(), output: z.array(DeadRecord) },
  /** Queues dead records (all, or the given ones) for another try. */
  'sync:retryDead': { input: RetryDeadInput, output: SyncStatusView },
} as const

/** Every message main pushes to the renderer. */
export const eventContract = {
  /** A sale was committed on this register. */
  'order:created': OrderSummary,
  /** Orders arrived from other registers (or changed on the server). */
  'order:synced': z.object({ orderIds: z.array(z.string()) }),
  /** Sync state, counts or progress changed. */
  'sync:statusChanged': SyncStatusView,
} as const

export type InvokeContract = typeof invokeContract
export type InvokeChannel = keyof InvokeContract
export type InvokeInput<C extends InvokeChannel> = z.input<InvokeContract[C]['input']>
export type InvokeParsedInput<C extends InvokeChannel> = z.output<InvokeContract[C]['input']>
export type InvokeOutput<C extends InvokeChannel> = z.output<InvokeContract[C]['output']>
export type EventChannel = keyof typeof eventContract
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>

export const invokeChannels = Object.keys(invokeContract) as InvokeChannel[]
export const eventChannels = Object.keys(eventContract) as EventChannel[]

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.hasOwn(invokeContract, value)
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(eventContract, value)
}
