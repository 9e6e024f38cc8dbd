import type { KitchenTicket, KitchenTickets } from '../../shared/ipc/displaySchemas'
import { PosError } from '../../shared/ipc/errors'
import type { RegisterConfig } from '../../shared/store/registerConfig'
import type { RegisterEvents } from '../events'
import type { KitchenTicketStore } from '../store/kitchenRepository'
import { recentlyBumpedLimit } from '../store/kitchenRepository'
import type { PrintStore } from '../store/printStore'
import type { StationOrder } from '../store/stationRepository'
import {
  registerCodeOf,
  stationCatchUpOrders,
  stationServedOrders,
  stationWindowMs,
  type StationStore,
} from './station'

/** What the kitchen display reads and writes: the station rules' reads and its ticket table. */
export type KitchenStore = StationStore &
  Pick<PrintStore, 'registerConfig' | 'storeSettings'> &
  KitchenTicketStore

export interface KitchenDisplayOptions {
  store: KitchenStore
  events: RegisterEvents
  now: () => Date
  device: () => { registerCode: string }
  log: (message: string, error?: unknown) => void
}

export interface KitchenDisplay {
  /** Follows pulls and settings saves; returns the function that stops it. */
  start(): () => void
  tickets(): KitchenTickets
  bump(orderId: string): KitchenTicket
  recall(orderId: string): KitchenTicket
}

/** A kitchen station showing tickets on screen (with or without a kitchen printer). */
export function isKitchenDisplay(config: RegisterConfig): boolean {
  return config.mode === 'kitchen-station' && config.hasKitchenDisplay
}

/**
 * The kitchen display: a ticket for each order the station serves (stationServedOrders: its
 * registers, its categories, the last 12 hours), opened when a pull brings the order and kept in
 * the station's SQLite, so bumps survive a restart and a replayed pull changes nothing.
 */
export function createKitchenDisplay(options: KitchenDisplayOptions): KitchenDisplay {
  const { store, events } = options
  const storeCode = () => store.storeSettings().storeCode

  function open(found: StationOrder[]) {
    if (found.length === 0) return
    const added = store.addKitchenTickets(
      found.map((order) => order.id),
      options.now().toISOString(),
    )
    if (added.length > 0) events.emit('kitchen:changed', { orderIds: added })
  }

  /** Orders a pull committed while nobody listened, or since the station became a display. */
  function catchUp() {
    const config = store.registerConfig()
    if (!isKitchenDisplay(config)) return
    open(
      stationCatchUpOrders(store, config, {
        now: options.now(),
        storeCode: storeCode(),
        registerCode: options.device().registerCode,
      }),
    )
  }

  function view(ticket: Omit<KitchenTicket, 'registerCode'>): KitchenTicket {
    return { ...ticket, registerCode: registerCodeOf(ticket.orderNumber, storeCode()) }
  }

  function list(state: 'open' | 'bumped', limit: number): KitchenTicket[] {
    return store
      .listKitchenTickets({
        categoryIds: store.registerConfig().stationCategoryIds,
        state,
        since: new Date(options.now().getTime() - stationWindowMs).toISOString(),
        limit,
      })
      .map(view)
  }

  function one(orderId: string): KitchenTicket {
    const [ticket] = store.listKitchenTickets({
      categoryIds: store.registerConfig().stationCategoryIds,
      state: 'any',
      orderId,
      since: '',
      limit: 1,
    })
    if (!ticket)
      throw new PosError('NOT_FOUND', 'That order is not on this kitchen display.', 'orderId')
    return view(ticket)
  }

  return {
    start() {
      try {
        catchUp()
      } catch (error) {
        options.log('could not catch up on kitchen tickets', error)
      }
      return events.onAny((event, payload) => {
        try {
          if (event === 'order:synced') {
            const config = store.registerConfig()
            if (!isKitchenDisplay(config)) return
            const { orderIds } = payload as { orderIds: string[] }
            if (orderIds.length === 0) return
            open(
              stationServedOrders(store, config, store.stationOrdersByIds(orderIds), {
                now: options.now(),
                storeCode: storeCode(),
              }),
            )
          } else if (event === 'register:configChanged') {
            catchUp()
          }
        } catch (error) {
          // The pull that brought the orders is committed; a ticket must never undo it.
          options.log('could not open kitchen tickets', error)
        }
      })
    },
    tickets: () => ({ open: list('open', 500), bumped: list('bumped', recentlyBumpedLimit) }),
    bump(orderId) {
      store.bumpKitchenTicket(orderId, options.now().toISOString())
      events.emit('kitchen:changed', { orderIds: [orderId] })
      return one(orderId)
    },
    recall(orderId) {
      store.recallKitchenTicket(orderId)
      events.emit('kitchen:changed', { orderIds: [orderId] })
      return one(orderId)
    },
  }
}
