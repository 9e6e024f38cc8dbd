import { useRef } from 'react'
import { v4 as uuidv4 } from 'uuid'
import type { StoreOptions } from '../../../../shared/store/options'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import type { Product } from '../../types'
import type { Cart } from './cart'
import { fromSnapshot, toSnapshot } from './cartModel'
import type { Customer, ParkedOrder } from './saleTypes'
import type { ParkedOrdersState } from './useParkedOrders'
import type { RegisterNoticesState } from './useRegisterNotices'

interface SaleActionsOptions {
  cart: Cart
  /** Null while the catalog is still loading: nothing can be recalled until it is there. */
  productsById: Map<string, Product> | null
  embeddedBarcodes: StoreOptions['embeddedBarcodes']
  parked: ParkedOrdersState
  notices: Pick<RegisterNoticesState, 'clearMessages' | 'setNotice'>
  closeDialog: () => void
  clearLastSale: () => void
}

export interface SaleActions {
  /** Clears the unpaid cart (logged by main; a cashier's own call). */
  clearSale: (reason: string) => Promise<void>
  park: (label: string) => Promise<void>
  recall: (order: ParkedOrder, parkCurrentFirst: boolean) => Promise<void>
  /** Remembers a customer attached this session, so a recalled sale can show their name. */
  rememberCustomer: (customer: Customer) => void
}

/** Clearing the sale on screen, parking it, and recalling a parked one. */
export function useSaleActions(options: SaleActionsOptions): SaleActions {
  const { t } = useTranslation('register')
  const { t: tc } = useTranslation('cart')
  const { cart, parked, notices, closeDialog } = options
  const customers = useRef(new Map<string, Customer>())

  async function clearSale(reason: string) {
    await pos.invoke('sale:void', { cart: toSnapshot(cart), reason })
    cart.clear()
    closeDialog()
    notices.setNotice(tc('clear.cleared'))
  }

  async function park(label: string) {
    await pos.invoke(
      'park:save',
      label ? { label, cart: toSnapshot(cart) } : { cart: toSnapshot(cart) },
    )
    cart.clear()
    closeDialog()
    notices.clearMessages()
    notices.setNotice(label ? t('notices.parkedAs', { label }) : t('notices.parked'))
    parked.reload()
  }

  async function recall(order: ParkedOrder, parkCurrentFirst: boolean) {
    const { productsById } = options
    if (productsById === null) throw new Error(t('notices.catalogLoading'))
    if (parkCurrentFirst) {
      await pos.invoke('park:save', { cart: toSnapshot(cart) })
      // Parked now: should the recall fail, the sale is safe in the list, not on screen twice.
      cart.clear()
      parked.reload()
    }
    const recalled = await pos.invoke('park:recall', { id: order.id })
    const customerId = recalled.cart.customerId
    const customer = customerId
      ? (customers.current.get(customerId) ?? {
          id: customerId,
          name: t('notices.parkedCustomer'),
          phone: null,
          email: null,
          note: null,
        })
      : null
    const restored = fromSnapshot(
      recalled.cart,
      productsById,
      options.embeddedBarcodes,
      customer,
      uuidv4,
    )
    cart.restore(restored.state)
    options.clearLastSale()
    closeDialog()
    parked.reload()
    notices.clearMessages()
    if (restored.dropped.length > 0) {
      const names = restored.dropped.join(', ')
      notices.setNotice(t('notices.dropped', { names, count: restored.dropped.length }))
    } else notices.setNotice(t('notices.recalled', { label: recalled.label }))
  }

  function rememberCustomer(customer: Customer) {
    customers.current.set(customer.id, customer)
  }

  return { clearSale, park, recall, rememberCustomer }
}
