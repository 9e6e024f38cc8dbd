import type { PurchaseOrderView } from '../../../../shared/backoffice/purchasing'

/** How an order is named on screen: its reference, else the start of its id. */
export const orderName = (order: PurchaseOrderView) => order.reference ?? order.id.slice(0, 8)
