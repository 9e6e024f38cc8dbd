import { formatMoney } from '../domain/money'
import type { AuditLanguage, AuditMessages, AuditSentenceKey, AuditWordKey } from './messages'
import { auditMessages } from './messages'

/** What the audit sentences are built from: the event, the names its ids stand for, small words. */

/** An audit event as a register writes it (AuditEventData), with the register that wrote it. */
export interface AuditEventInput {
  id: string
  action: string
  employeeId?: string | null
  approvedBy?: string | null
  subjectId?: string | null
  details?: Readonly<Record<string, unknown>>
  createdAt: string
  /** The register (device) that wrote the event. */
  deviceId?: string | null
}

export interface AuditLookups {
  language: AuditLanguage
  /** For numbers and money (e.g. "en-US", "ar-EG"). */
  locale: string
  currency: string
  employees: ReadonlyMap<string, { name: string; role?: string | null }>
  /** Register (device) id → its name. */
  registers: ReadonlyMap<string, string>
  products?: ReadonlyMap<string, string>
  /** Order id → its order number. */
  orders?: ReadonlyMap<string, string>
}

export type Details = Readonly<Record<string, unknown>>

export interface Built {
  sentence: AuditSentenceKey
  params: Record<string, string>
  amountCents?: number | null
}

export interface Context {
  event: AuditEventInput
  details: Details
  lookups: AuditLookups
  words: AuditMessages['words']
  money: (cents: unknown) => string
  number: (value: unknown) => string
  text: (value: unknown) => string
  order: (id: unknown, number?: unknown) => string
}

const UUID_LIKE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi

/** The last six characters of an id, for a name that cannot be found. */
export function shortCode(id: string): string {
  return `#${id.replace(/-/g, '').slice(-6).toUpperCase()}`
}

export const isInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value)

const roleWords: Record<string, AuditWordKey> = {
  cashier: 'roleCashier',
  manager: 'roleManager',
  admin: 'roleAdmin',
}

// Building an Intl.NumberFormat costs far more than formatting; an export describes thousands.
const numberFormats = new Map<string, Intl.NumberFormat>()
function numberFormatFor(locale: string): Intl.NumberFormat {
  const cached = numberFormats.get(locale)
  if (cached) return cached
  const created = new Intl.NumberFormat(locale)
  numberFormats.set(locale, created)
  return created
}

export function makeContext(event: AuditEventInput, lookups: AuditLookups): Context {
  const words = auditMessages[lookups.language].words
  const numberFormat = numberFormatFor(lookups.locale)
  const text = (value: unknown): string => {
    if (typeof value === 'string') return value.trim().replace(UUID_LIKE, (id) => shortCode(id))
    if (isInteger(value) || typeof value === 'number') return numberFormat.format(value)
    if (typeof value === 'boolean') return value ? words.yes : words.no
    return ''
  }
  return {
    event,
    details: event.details ?? {},
    lookups,
    words,
    text,
    number: (value) => (typeof value === 'number' ? numberFormat.format(value) : '0'),
    money: (cents) => {
      if (!isInteger(cents)) return ''
      try {
        return formatMoney(cents, lookups.currency, lookups.locale)
      } catch {
        return `${numberFormat.format(cents / 100)} ${lookups.currency}`
      }
    },
    order: (id, number) => {
      if (typeof number === 'string' && number.trim()) return text(number)
      if (typeof id !== 'string' || !id) return words.unknownOrder
      const known = lookups.orders?.get(id)
      return known ? text(known) : `${words.unknownOrder} ${shortCode(id)}`
    },
  }
}

export function roleWord(context: Context, role: unknown): string {
  if (typeof role !== 'string' || !role) return ''
  const key = roleWords[role]
  return key ? context.words[key] : context.text(role)
}

/** An employee's name, "(role)" after it when asked; "unknown employee #…" for an unknown id. */
export function employeeWords(context: Context, id: unknown, withRole = false): string {
  if (typeof id !== 'string' || !id) return ''
  const employee = context.lookups.employees.get(id)
  if (!employee) return `${context.words.unknownEmployee} ${shortCode(id)}`
  const role = withRole ? roleWord(context, employee.role) : ''
  return role ? `${employee.name} (${role})` : employee.name
}

export function registerWords(context: Context): string {
  const id = context.event.deviceId
  if (!id) return ''
  return context.lookups.registers.get(id) ?? `${context.words.unknownRegister} ${shortCode(id)}`
}

export function itemWords(context: Context, lines: unknown): string {
  if (!Array.isArray(lines)) return ''
  const names = lines.slice(0, 5).map((line: unknown) => {
    const productId =
      line && typeof line === 'object' ? (line as Record<string, unknown>).productId : null
    if (typeof productId !== 'string') return context.words.unknownProduct
    return context.lookups.products?.get(productId) ?? context.words.unknownProduct
  })
  const list = names.join(context.words.listSeparator)
  return lines.length > 5 ? `${list}${context.words.listSeparator}…` : list
}

/** An unknown action's words: "loyalty.pointsAdjusted" → "loyalty points adjusted". */
export function actionWords(action: string): string {
  return action
    .split(/[._\-\s]+/)
    .flatMap((part) => part.split(/(?<=[a-z0-9])(?=[A-Z])/))
    .filter((part) => part.length > 0)
    .map((part) => part.toLowerCase())
    .join(' ')
}

/** The simple fields of unknown details ("reason: broken, count: 2"); nested values left out. */
export function simpleDetails(context: Context): string {
  return Object.entries(context.details)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => `${actionWords(key)}: ${context.text(value)}`)
    .filter((part) => !part.endsWith(': '))
    .slice(0, 6)
    .join(context.words.listSeparator)
}

export const absolute = (value: unknown) => (isInteger(value) ? Math.abs(value) : null)
