import { applyCount, openCounts, saveCount } from '../services/stockCounts'
import { stockHistory } from '../services/stockHistory'
import { purchaseOrdersToReceive, receivePurchaseOrder } from '../services/stockReceiving'
import { adjustStock, stockLevels, type StockServiceContext } from '../services/stockService'
import { listTransfers, receiveTransfer, sendTransfer } from '../services/stockTransfers'
import { transferDestinations } from '../services/transferDestinations'
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

/** A manager's screen asks the server for the other stores; one that does not answer soon is down. */
const storesTimeoutMs = 3_000

export function createStockHandlers(context: HandlerContext): HandlerGroup<StockChannels> {
  const { store, sync, events, authority } = context
  const stock: StockServiceContext = {
    store,
    authority,
    deviceId: () => sync.device.deviceId,
    now: context.now,
    storeId: () => store.syncState.get()?.storeId ?? null,
  }
  /** A movement goes up with the next push; tiles showing on hand read it anew. */
  const moved = <T extends { isNew: boolean }>(result: T): T => {
    if (result.isNew) {
      sync.notifyLocalCommit()
      events.emit('catalog:changed', { count: 1 })
    }
    return result
  }
  return {
    'stock:levels': (input) => stockLevels(store, input.productIds),
    'stock:adjust': (input) => moved(adjustStock(stock, input)),
    'stock:countApply': (input) => moved(applyCount(stock, input)),
    'stock:purchaseOrders': (input) => purchaseOrdersToReceive(store, input.includeReceived),
    'stock:receive': (input) => moved(receivePurchaseOrder(stock, input)),
    'stock:transferDestinations': () =>
      transferDestinations(
        store,
        () => sync.withServer((client, token) => client.stores(token, storesTimeoutMs)),
        context.now,
      ),
    'stock:transferSend': (input) => moved(sendTransfer(stock, input)),
    'stock:transfers': () => listTransfers(stock, store),
    'stock:transferReceive': (input) => moved(receiveTransfer(stock, input)),
    'stock:countSave': (input) => {
      const saved = saveCount(stock, input)
      sync.notifyLocalCommit()
      return saved
    },
    'stock:counts': () => openCounts(store),
    'stock:history': (input) => stockHistory(store, input),
  }
}
