import type { AuditEventInput, AuditLookups } from '../../shared/audit/describe'
import { auditActionLabel, auditSentence, describeAuditEvent } from '../../shared/audit/describe'
import type { AuditLanguage } from '../../shared/audit/messages'
import type { AuditQuery, AuditReply, AuditRow } from '../../shared/backoffice/audit'
import { AUDIT_EXPORT_MAX, encodeAuditCursor } from '../../shared/backoffice/audit'
import type { Executor } from '../db/connection'
import type { AuditNames, AuditRecord } from '../db/auditRepository'
import { selectAuditNames, selectAuditPage } from '../db/auditRepository'
import type { ReportStore } from '../db/reportRepository'
import { currencyDigits, moneyText, toCsv } from './csv'

/** The audit log in words: a page of records, the names behind their ids, the shared describer. */

const LOCALES: Record<AuditLanguage, string> = { en: 'en-US', ar: 'ar-EG' }

const text = (value: unknown) => (typeof value === 'string' && value ? value : null)

/** Every id a page's sentences may name: people, registers, products and orders. */
function idsOf(records: AuditRecord[]) {
  const employees = new Set<string>()
  const registers = new Set<string>()
  const others = new Set<string>()
  for (const record of records) {
    const data = record.data
    for (const id of [data.employeeId, data.approvedBy]) if (text(id)) employees.add(id as string)
    if (record.deviceId) registers.add(record.deviceId)
    if (text(data.subjectId)) others.add(data.subjectId as string)
    const details = (data.details ?? {}) as Record<string, unknown>
    for (const key of ['saleId', 'orderId'])
      if (text(details[key])) others.add(details[key] as string)
    if (Array.isArray(details.lines))
      for (const line of details.lines as unknown[]) {
        const productId =
          line && typeof line === 'object' ? (line as { productId?: unknown }).productId : null
        if (text(productId)) others.add(productId as string)
      }
  }
  return {
    storeIds: [...new Set(records.map((record) => record.storeId))],
    employees: [...employees].slice(0, 2000),
    registers: [...registers].slice(0, 2000),
    records: [...others].slice(0, 5000),
  }
}

function lookupsByStore(
  stores: ReportStore[],
  names: AuditNames,
  language: AuditLanguage,
): Map<string, AuditLookups> {
  const registers = new Map(names.registers.map((register) => [register.id, register.name]))
  const employees = new Map<string, Map<string, { name: string; role: string | null }>>()
  const products = new Map<string, Map<string, string>>()
  const orders = new Map<string, Map<string, string>>()
  const inStore = <V>(maps: Map<string, Map<string, V>>, storeId: string) => {
    const existing = maps.get(storeId)
    if (existing) return existing
    const created = new Map<string, V>()
    maps.set(storeId, created)
    return created
  }
  for (const row of names.employees)
    inStore(employees, row.storeId).set(row.id, { name: row.name, role: row.role })
  for (const row of names.products) inStore(products, row.storeId).set(row.id, row.name)
  for (const row of names.orders) inStore(orders, row.storeId).set(row.id, row.orderNumber)
  return new Map(
    stores.map((store) => [
      store.id,
      {
        language,
        locale: LOCALES[language],
        currency: store.currency,
        registers,
        employees: inStore(employees, store.id),
        products: inStore(products, store.id),
        orders: inStore(orders, store.id),
      },
    ]),
  )
}

function eventOf(record: AuditRecord): AuditEventInput {
  const data = record.data
  const details = data.details
  return {
    id: record.id,
    action: text(data.action) ?? 'unknown',
    employeeId: text(data.employeeId),
    approvedBy: text(data.approvedBy),
    subjectId: text(data.subjectId),
    details:
      details && typeof details === 'object' && !Array.isArray(details)
        ? (details as Record<string, unknown>)
        : {},
    createdAt: record.at,
    deviceId: record.deviceId,
  }
}

export async function auditPage(
  db: Executor,
  stores: ReportStore[],
  query: AuditQuery,
  limit = query.limit,
): Promise<AuditReply> {
  const records = await selectAuditPage(db, {
    stores,
    from: query.from,
    to: query.to,
    limit,
    ...(query.action ? { action: query.action } : {}),
    ...(query.employeeId ? { employeeId: query.employeeId } : {}),
    ...(query.registerId ? { registerId: query.registerId } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  })
  const page = records.slice(0, limit)
  const last = page.at(-1)
  const names = await selectAuditNames(db, idsOf(page))
  const lookups = lookupsByStore(stores, names, query.lang)
  const storesById = new Map(stores.map((store) => [store.id, store]))
  const rows = page.map((record): AuditRow => {
    const store = storesById.get(record.storeId)!
    const description = describeAuditEvent(eventOf(record), lookups.get(record.storeId)!)
    return {
      id: record.id,
      storeId: record.storeId,
      storeName: store.name,
      registerId: record.deviceId,
      register: description.params.register ?? '',
      when: record.at,
      whenLocal: record.local,
      action: description.action,
      actionLabel: auditActionLabel(description, query.lang),
      description: auditSentence(description, query.lang, { withRegister: false }),
      who: description.params.who ?? '',
      employeeId: text(record.data.employeeId),
      approvedBy: description.params.approvedBy ?? '',
      amountCents: description.amountCents,
      amount: description.amountCents === null ? '' : (description.params.amount ?? ''),
      currency: store.currency,
    }
  })
  return {
    from: query.from,
    to: query.to,
    storeIds: stores.map((store) => store.id),
    rows,
    nextCursor:
      records.length > limit && last
        ? encodeAuditCursor({ at: last.at, storeId: last.storeId, id: last.id })
        : null,
  }
}

const CSV_HEADER: Record<AuditLanguage, string[]> = {
  en: [
    'When (store time)',
    'Store',
    'Register',
    'Who',
    'Action',
    'Description',
    'Approved by',
    'Amount',
    'Currency',
  ],
  ar: [
    'الوقت (بتوقيت المتجر)',
    'المتجر',
    'نقطة البيع',
    'من',
    'الإجراء',
    'الوصف',
    'بموافقة',
    'المبلغ',
    'العملة',
  ],
}

/** The filtered log (up to AUDIT_EXPORT_MAX rows) as CSV in words; the amount as an exact decimal. */
export async function auditCsv(
  db: Executor,
  stores: ReportStore[],
  query: AuditQuery,
): Promise<string> {
  const reply = await auditPage(db, stores, query, AUDIT_EXPORT_MAX)
  return toCsv(
    CSV_HEADER[query.lang],
    reply.rows.map((row) => [
      row.whenLocal,
      row.storeName,
      row.register,
      row.who,
      row.actionLabel,
      row.description,
      row.approvedBy,
      row.amountCents === null ? null : moneyText(row.amountCents, currencyDigits(row.currency)),
      row.currency,
    ]),
  )
}
