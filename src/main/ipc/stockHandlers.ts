import {
  adjustStock,
  applyCount,
  stockLevels,
  type StockServiceContext,
} from '../services/stockService'
import { PosError } from '../../shared/ipc/errors'
import type { HandlerContext, HandlerGroup } from './handlerContext'

type StockChannels =
  | 'stock:levels'
  | 'stock:adjust'
  | 'stock:countApply'
  | 'stock:purchaseOrders'
  | 'stock:receive'
  | 'stock:transferDestinations'
  | 'stock:transferSend'
  | 'stock:transfers'
  | 'stock:transferReceive'
  | 'stock:countSave'
  | 'stock:counts'
  | 'stock:history'

const notYet = (): never => {
  throw new PosError('NOT_SUPPORTED', 'Not implemented yet.')
}

export function createStockHandlers(context: HandlerContext): HandlerGroup<StockChannels> {
  const { store, sync, events, authority } = context
  const stock: StockServiceContext = {
    store,
    authority,
    deviceId: () => sync.device.deviceId,
    now: context.now,
  }
  /** A movement goes up with the next push; tiles showing on hand read it anew. */
  const moved = () => {
    sync.notifyLocalCommit()
    events.emit('catalog:changed', { count: 1 })
  }
  return {
    'stock:levels': (input) => stockLevels(store, input.productIds),
    'stock:adjust': (input) => {
      const result = adjustStock(stock, input)
      if (result.isNew) moved()
      return result
    },
    'stock:countApply': (input) => {
      const result = applyCount(stock, input)
      if (result.isNew) moved()
      return result
    },
    'stock:purchaseOrders': notYet,
    'stock:receive': notYet,
    'stock:transferDestinations': notYet,
    'stock:transferSend': notYet,
    'stock:transfers': notYet,
    'stock:transferReceive': notYet,
    'stock:countSave': notYet,
    'stock:counts': notYet,
    'stock:history': notYet,
  }
}
