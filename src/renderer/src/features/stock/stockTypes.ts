import type { InvokeOutput } from '../../../../shared/ipc'

export type StockLevel = InvokeOutput<'stock:levels'>[number]
export type StockMovementResult = InvokeOutput<'stock:adjust'>
