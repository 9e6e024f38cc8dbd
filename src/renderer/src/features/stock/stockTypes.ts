import type { InvokeOutput } from '../../../../shared/ipc'

export type StockLevel = InvokeOutput<'stock:levels'>[number]
export type StockMovementResult = InvokeOutput<'stock:adjust'>
export type ReceivingOrder = InvokeOutput<'stock:purchaseOrders'>[number]
export type ReceiveResult = InvokeOutput<'stock:receive'>
export type TransferView = InvokeOutput<'stock:transfers'>['incoming'][number]
export type TransferDestinations = InvokeOutput<'stock:transferDestinations'>
export type OpenCount = InvokeOutput<'stock:counts'>[number]
export type StockHistory = InvokeOutput<'stock:history'>
