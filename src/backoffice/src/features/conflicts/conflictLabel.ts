import type { AdminConflict } from '../../../../shared/backoffice/syncHealth'

/**
 * What a person calls the record: a sale's number, else its name, else a purchase order's
 * reference or an invoice's number, else its id.
 */
export function conflictLabel(conflict: AdminConflict): string {
  for (const data of [conflict.serverData, conflict.clientData]) {
    if (!data || typeof data !== 'object') continue
    const record = data as {
      name?: unknown
      order?: { orderNumber?: unknown }
      reference?: unknown
      invoiceNumber?: unknown
    }
    if (typeof record.order?.orderNumber === 'string') return record.order.orderNumber
    if (typeof record.name === 'string' && record.name) return record.name
    if (typeof record.reference === 'string' && record.reference) return record.reference
    if (typeof record.invoiceNumber === 'string' && record.invoiceNumber)
      return record.invoiceNumber
  }
  return conflict.id
}
