import { PosError } from '../../shared/ipc/errors'
import { OrderSummary } from '../../shared/ipc/schemas'
import { approveCartDiscounts, discountsAsked } from '../services/discountApproval'
import { createRefund } from '../services/refundService'
import { completeSale } from '../services/saleService'
import { pricingRulesOf } from '../services/pricing'
import { priceCart } from '../services/salePricing'
import { auditActions } from '../store/auditRepository'
import type { HandlerContext, HandlerGroup } from './handlerContext'

type SaleChannels =
  | 'sale:complete'
  | 'sale:approveDiscount'
  | 'sale:void'
  | 'park:save'
  | 'park:list'
  | 'park:recall'
  | 'order:list'
  | 'order:get'
  | 'order:find'
  | 'refund:create'
  | 'customer:search'
  | 'customer:create'

const twoDigits = (value: number) => String(value).padStart(2, '0')

export function createSaleHandlers(context: HandlerContext): HandlerGroup<SaleChannels> {
  const { store, sync, events, authority } = context
  const orderDetail = (id: string) => {
    const order = store.orders.getOrderDetail(id)
    if (!order) throw new PosError('NOT_FOUND', 'No order with that id on this register.', 'id')
    return order
  }
  /** The stored order, announced to the renderer (and the sync worker) when it is new. */
  const announced = (result: { orderId: string; isNew: boolean }) => {
    const order = orderDetail(result.orderId)
    if (result.isNew) events.emit('order:created', OrderSummary.parse(order))
    return order
  }
  /** What a cart would cost now, for the void log; null when it no longer prices. */
  const cartTotalCents = (cart: Parameters<typeof priceCart>[1]) => {
    try {
      const rules = pricingRulesOf(store.settings.getStoreSettings())
      return priceCart(store, cart, rules, context.storeOptions()).totals.totalCents
    } catch (error) {
      if (error instanceof PosError) return null
      throw error
    }
  }
  return {
    'sale:complete': (draft) => {
      authority.requireSignedIn()
      const order = announced(
        completeSale(store, sync.device, draft, context.now().toISOString(), {
          authority,
          storeOptions: context.storeOptions(),
        }),
      )
      // From the stored payments, so a replayed request reports the change of the sale it stored.
      return {
        order,
        changeCents: order.payments.reduce((sum, payment) => sum + payment.changeCents, 0),
      }
    },
    'sale:approveDiscount': (input) => {
      authority.requireSignedIn()
      const storeOptions = context.storeOptions()
      const settings = store.settings.getStoreSettings()
      const priced = priceCart(store, input, pricingRulesOf(settings), storeOptions)
      return approveCartDiscounts(
        authority,
        discountsAsked(input, priced, settings.currency),
        input.discountApprovalIds,
        input.approvalId,
      )
    },
    // Clearing an unpaid cart is the cashier's own call (nothing was paid, nothing is stored),
    // so no manager is asked; the log keeps what was in it.
    'sale:void': (input) => {
      const actor = authority.requireSignedIn()
      const { cart } = input
      const details = {
        reason: input.reason || null,
        itemCount: cart.lines.reduce((count, line) => count + line.quantity, 0),
        totalCents: cartTotalCents(cart),
        display: cart.display,
        lines: cart.lines,
        orderDiscount: cart.orderDiscount ?? null,
        customerId: cart.customerId ?? null,
      }
      const auditEventId = store.transaction((repositories) =>
        authority.audit(repositories.audit, { action: auditActions.cartCleared, actor, details }),
      )
      return { auditEventId }
    },
    'park:save': (input) => {
      const actor = authority.requireSignedIn()
      const now = context.now()
      const customer = input.cart.customerId
        ? store.customers.findCustomer(input.cart.customerId)
        : null
      const label =
        input.label ||
        customer?.name ||
        `Parked ${twoDigits(now.getHours())}:${twoDigits(now.getMinutes())}`
      return store.park.parkOrder({
        label,
        cart: input.cart,
        employeeId: actor.employeeId,
        now: now.toISOString(),
      })
    },
    'park:list': () => {
      authority.requireSignedIn()
      return store.park.listParked()
    },
    'park:recall': (input) => {
      authority.requireSignedIn()
      const parked = store.park.recallParked(input.id)
      if (!parked) throw new PosError('NOT_FOUND', 'That parked sale was already taken back.', 'id')
      return parked
    },
    'order:list': (input) => {
      const { limit, beforeId, from, to, ...filter } = input
      // Orders store UTC ISO text; a bound with an offset is compared in the same form.
      const rows = store.orders.listOrders(limit, beforeId, {
        ...filter,
        from: from === undefined ? undefined : new Date(from).toISOString(),
        to: to === undefined ? undefined : new Date(to).toISOString(),
      })
      if (rows === null)
        throw new PosError('NOT_FOUND', 'The order to page back from does not exist.', 'beforeId')
      return rows
    },
    'order:get': (input) => orderDetail(input.id),
    'order:find': (input) => {
      const id = store.orders.findOrderByNumber(input.orderNumber)
      if (!id)
        throw new PosError(
          'NOT_FOUND',
          `No order ${input.orderNumber} on this register.`,
          'orderNumber',
        )
      return orderDetail(id)
    },
    'refund:create': (draft) => {
      authority.requireSignedIn()
      return announced(
        createRefund(store, draft, {
          authority,
          storeOptions: context.storeOptions(),
          device: sync.device,
          now: context.now().toISOString(),
        }),
      )
    },
    'customer:search': (input) => {
      authority.requireSignedIn()
      return store.customers.searchCustomers(input.query, input.limit)
    },
    'customer:create': (input) => {
      authority.requireSignedIn()
      return store.customers.createCustomer(
        sync.device.deviceId,
        input,
        context.now().toISOString(),
      )
    },
  }
}
