import type { AdminConflict } from '../../../../shared/backoffice/syncHealth'

/** What a person calls the record: a sale's number, else its name, else its id. */
export function conflictLabel(conflict: AdminConflict): string {
  for (const data of [conflict.serverData, conflict.clientData]) {
    if (!data || typeof data !== 'object') continue
    const record = data as { name?: unknown; order?: { orderNumber?: unknown } }
    if (typeof record.order?.orderNumber === 'string') return record.order.orderNumber
    if (typeof record.name === 'string' && record.name) return record.name
  }
  return conflict.id
}
