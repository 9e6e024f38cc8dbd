import type { FastifyInstance } from 'fastify'
import { registerAdminPurchaseOrderRoutes } from './adminPurchaseOrders'
import { registerAdminPurchasingCsvRoutes } from './adminPurchasingCsv'
import { registerAdminSupplierInvoiceRoutes } from './adminSupplierInvoices'
import { registerAdminSupplierRoutes } from './adminSuppliers'
import type { RouteContext } from './context'

/** The back office's purchasing: suppliers and costs, purchase orders, invoices, CSV files. */
export function registerAdminPurchasingRoutes(app: FastifyInstance, context: RouteContext): void {
  registerAdminSupplierRoutes(app, context)
  registerAdminPurchasingCsvRoutes(app, context)
  registerAdminPurchaseOrderRoutes(app, context)
  registerAdminSupplierInvoiceRoutes(app, context)
}
