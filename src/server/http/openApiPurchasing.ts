import { z } from 'zod'
import { AdminRecordListReply, AdminSaveReply } from '../../shared/backoffice/catalog'
import {
  AdminSupplierBody,
  AdminSupplierInvoiceBody,
  AdminSupplierProductBody,
  CreatePurchaseOrderBody,
  CsvImportBody,
  CsvImportReply,
  EmailPurchaseOrderBody,
  EmailReply,
  PurchaseOrderListReply,
  PurchaseOrderReply,
  PurchaseOrderTransitionBody,
  PurchaseOrderView,
  ReceivePurchaseOrderBody,
  SupplierInvoiceListReply,
  SupplierInvoiceReply,
  UpdatePurchaseOrderBody,
} from '../../shared/backoffice/purchasing'
import type { OperationsByPath } from './openApiOperation'

const tags = ['admin', 'purchasing']
const store = {
  storeId: 'the store (UUID); optional for a manager of one store; outside your scope: 404',
}

/** The purchasing routes of the OpenAPI document (openApi.ts adds them to its paths). */
export const purchasingOperations: OperationsByPath = {
  '/api/admin/suppliers': {
    get: { summary: "The store's suppliers", tags, response: AdminRecordListReply, query: store },
  },
  '/api/admin/suppliers/{id}': {
    put: {
      summary: 'Create or edit a supplier (isActive false deactivates); stale baseVersion: 409',
      tags,
      body: AdminSupplierBody,
      response: AdminSaveReply,
      query: store,
    },
  },
  '/api/admin/suppliers.csv': {
    get: { summary: 'Suppliers as a CSV download', tags, query: store },
  },
  '/api/admin/suppliers/import': {
    post: {
      summary: 'Import suppliers from CSV: a preview of per-row errors, then all rows or none',
      tags,
      body: CsvImportBody,
      response: CsvImportReply,
      query: store,
    },
  },
  '/api/admin/supplier-products': {
    get: {
      summary: 'What suppliers sell at what cost (optionally of one supplier)',
      tags,
      response: AdminRecordListReply,
      query: { ...store, supplierId: 'one supplier (UUID)' },
    },
  },
  '/api/admin/supplier-products/{id}': {
    put: {
      summary: "Create or edit a supplier's cost of a product; one per supplier and product",
      tags,
      body: AdminSupplierProductBody,
      response: AdminSaveReply,
      query: store,
    },
    delete: {
      summary: "Remove a supplier's cost",
      tags,
      response: AdminSaveReply,
      query: { ...store, baseVersion: 'the version loaded' },
    },
  },
  '/api/admin/supplier-costs.csv': {
    get: {
      summary: 'Supplier costs (supplier, product SKU, cost, supplier SKU) as CSV',
      tags,
      query: store,
    },
  },
  '/api/admin/supplier-costs/import': {
    post: {
      summary: 'Import supplier costs from CSV: a preview, then all rows or none',
      tags,
      body: CsvImportBody,
      response: CsvImportReply,
      query: store,
    },
  },
  '/api/admin/purchase-orders': {
    get: {
      summary:
        'Purchase orders with ordered / received / outstanding per line (received from RECEIPT movements)',
      tags,
      response: PurchaseOrderListReply,
      query: store,
    },
    post: {
      summary: 'Create a DRAFT purchase order; a line without unit cost takes the supplier cost',
      tags,
      body: CreatePurchaseOrderBody,
      response: PurchaseOrderReply,
      query: store,
    },
  },
  '/api/admin/purchase-orders/{id}': {
    get: {
      summary: 'One purchase order with its receipt progress',
      tags,
      response: z.object({ purchaseOrder: PurchaseOrderView }),
      query: store,
    },
    put: {
      summary: 'Edit a DRAFT order (409 PURCHASE_ORDER_NOT_DRAFT once ordered; stale: 409)',
      tags,
      body: UpdatePurchaseOrderBody,
      response: PurchaseOrderReply,
      query: store,
    },
  },
  '/api/admin/purchase-orders/{id}/order': {
    post: {
      summary: 'Mark a DRAFT order ORDERED',
      tags,
      body: PurchaseOrderTransitionBody,
      response: PurchaseOrderReply,
      query: store,
    },
  },
  '/api/admin/purchase-orders/{id}/cancel': {
    post: {
      summary: 'Cancel a draft or ordered purchase order',
      tags,
      body: PurchaseOrderTransitionBody,
      response: PurchaseOrderReply,
      query: store,
    },
  },
  '/api/admin/purchase-orders/{id}/receive': {
    post: {
      summary:
        "Record a receipt: one RECEIPT stock movement into the order's store (idempotent by movementId)",
      tags,
      body: ReceivePurchaseOrderBody,
      response: PurchaseOrderReply,
      query: store,
    },
  },
  '/api/admin/purchase-orders/{id}/pdf': {
    get: { summary: 'The purchase order as a PDF download', tags, query: store },
  },
  '/api/admin/purchase-orders/{id}/email': {
    post: {
      summary:
        "E-mail the order's PDF to the supplier (409 SMTP_NOT_CONFIGURED without mail settings)",
      tags,
      body: EmailPurchaseOrderBody,
      response: EmailReply,
      query: store,
    },
  },
  '/api/admin/supplier-invoices': {
    get: {
      summary: 'Supplier invoices, each matched against the value received on its orders',
      tags,
      response: SupplierInvoiceListReply,
      query: store,
    },
  },
  '/api/admin/supplier-invoices/{id}': {
    put: {
      summary: 'Record or edit a supplier invoice (OPEN, PAID, CANCELLED; MATCHED is derived)',
      tags,
      body: AdminSupplierInvoiceBody,
      response: SupplierInvoiceReply,
      query: store,
    },
  },
}
