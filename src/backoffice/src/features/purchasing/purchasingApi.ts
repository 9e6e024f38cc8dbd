import { AdminRecordListReply, AdminSaveReply } from '../../../../shared/backoffice/catalog'
import {
  CsvImportReply,
  EmailReply,
  PurchaseOrderListReply,
  PurchaseOrderReply,
  SupplierInvoiceListReply,
  SupplierInvoiceReply,
  purchasingPaths as paths,
  type AdminSupplierBody,
  type AdminSupplierInvoiceBody,
  type AdminSupplierProductBody,
  type CreatePurchaseOrderBody,
  type ReceivePurchaseOrderBody,
  type UpdatePurchaseOrderBody,
} from '../../../../shared/backoffice/purchasing'
import type { BackofficeApi } from '../../api/backoffice'

/** The purchasing calls of one store (src/shared/backoffice/purchasing.ts), over the session. */
export function purchasingApi(api: BackofficeApi, storeId: string) {
  const { http } = api
  return {
    async suppliers() {
      return (await http.request('GET', paths.suppliers(storeId), AdminRecordListReply)).records
    },
    saveSupplier(id: string, body: AdminSupplierBody) {
      return http.request('PUT', paths.supplier(storeId, id), AdminSaveReply, { body })
    },
    async supplierProducts(supplierId?: string) {
      return (
        await http.request('GET', paths.supplierProducts(storeId, supplierId), AdminRecordListReply)
      ).records
    },
    saveSupplierProduct(id: string, body: AdminSupplierProductBody) {
      return http.request('PUT', paths.supplierProduct(storeId, id), AdminSaveReply, { body })
    },
    deleteSupplierProduct(id: string, baseVersion: number) {
      return http.request(
        'DELETE',
        paths.deleteSupplierProduct(storeId, id, baseVersion),
        AdminSaveReply,
      )
    },
    importCsv(kind: 'suppliers' | 'costs', csv: string, isApplied: boolean) {
      const path =
        kind === 'suppliers' ? paths.suppliersImport(storeId) : paths.supplierCostsImport(storeId)
      return http.request('POST', path, CsvImportReply, { body: { csv, isApplied } })
    },
    csvHref(kind: 'suppliers' | 'costs') {
      return kind === 'suppliers' ? paths.suppliersCsv(storeId) : paths.supplierCostsCsv(storeId)
    },
    async purchaseOrders() {
      return (await http.request('GET', paths.purchaseOrders(storeId), PurchaseOrderListReply))
        .purchaseOrders
    },
    createPurchaseOrder(body: CreatePurchaseOrderBody) {
      return http.request('POST', paths.purchaseOrders(storeId), PurchaseOrderReply, { body })
    },
    updatePurchaseOrder(id: string, body: UpdatePurchaseOrderBody) {
      return http.request('PUT', paths.purchaseOrder(storeId, id), PurchaseOrderReply, { body })
    },
    transition(id: string, action: 'order' | 'cancel', baseVersion: number) {
      return http.request(
        'POST',
        paths.purchaseOrderAction(storeId, id, action),
        PurchaseOrderReply,
        { body: { baseVersion } },
      )
    },
    receive(id: string, body: ReceivePurchaseOrderBody) {
      return http.request(
        'POST',
        paths.purchaseOrderAction(storeId, id, 'receive'),
        PurchaseOrderReply,
        { body },
      )
    },
    email(id: string) {
      return http.request('POST', paths.purchaseOrderAction(storeId, id, 'email'), EmailReply, {
        body: {},
      })
    },
    pdfHref(id: string) {
      return paths.purchaseOrderAction(storeId, id, 'pdf')
    },
    async invoices() {
      return (await http.request('GET', paths.supplierInvoices(storeId), SupplierInvoiceListReply))
        .invoices
    },
    saveInvoice(id: string, body: AdminSupplierInvoiceBody) {
      return http.request('PUT', paths.supplierInvoice(storeId, id), SupplierInvoiceReply, {
        body,
      })
    },
  }
}

export type PurchasingApi = ReturnType<typeof purchasingApi>
