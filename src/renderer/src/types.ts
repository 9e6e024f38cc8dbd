import type { EventPayload, InvokeOutput } from '../../shared/ipc'

export type Catalog = InvokeOutput<'catalog:list'>
export type Product = Catalog['products'][number]
export type Category = Catalog['categories'][number]
export type OrderSummary = EventPayload<'order:created'>
export type OrderDetail = InvokeOutput<'order:get'>
export type SaleReceipt = InvokeOutput<'sale:complete'>
export type SyncStatusView = InvokeOutput<'sync:status'>
export type SyncCounts = SyncStatusView['counts']
export type DeadRecord = InvokeOutput<'sync:deadList'>[number]
