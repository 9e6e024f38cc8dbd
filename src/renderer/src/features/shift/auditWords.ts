import type { AuditLookups } from '../../../../shared/audit/describe'
import {
  auditActionLabel,
  auditSentence,
  describeAuditEvent,
} from '../../../../shared/audit/describe'
import type { AuditLanguage } from '../../../../shared/audit/messages'
import type { AuditEvent } from '../../types'

/** One audit row in words, as the register's audit view shows it. */
export interface AuditRowWords {
  id: string
  action: string
  createdAt: string
  label: string
  who: string
  approvedBy: string
  register: string
  description: string
}

/**
 * Turns the register's audit events into words with the shared describer (the same words as the
 * back office): names from the event, this store's currency, the UI's language.
 */
export function auditRowsInWords(
  events: readonly AuditEvent[],
  options: {
    language: AuditLanguage
    locale: string
    currency: string
    registerName: (code: string) => string
  },
): AuditRowWords[] {
  return events.map((event) => {
    const employees = new Map<string, { name: string; role: string | null }>()
    if (event.employeeId && event.employeeName)
      employees.set(event.employeeId, { name: event.employeeName, role: event.employeeRole })
    if (event.approvedBy && event.approvedByName)
      employees.set(event.approvedBy, { name: event.approvedByName, role: event.approvedByRole })
    const lookups: AuditLookups = {
      language: options.language,
      locale: options.locale,
      currency: options.currency,
      employees,
      registers: new Map(
        event.registerCode ? [[event.deviceId, options.registerName(event.registerCode)]] : [],
      ),
      products: new Map(Object.entries(event.names.products)),
      orders: new Map(Object.entries(event.names.orders)),
    }
    const description = describeAuditEvent(event, lookups)
    return {
      id: event.id,
      action: event.action,
      createdAt: event.createdAt,
      label: auditActionLabel(description, options.language),
      who: description.params.who ?? '',
      approvedBy: description.params.approvedBy ?? '',
      register: description.params.register ?? '',
      description: auditSentence(description, options.language, {
        withApprover: false,
        withRegister: false,
      }),
    }
  })
}
