import { formatMoney } from '../domain/money'
import type {
  AuditActionKey,
  AuditLanguage,
  AuditMessages,
  AuditSentenceKey,
  AuditWordKey,
} from './messages'
import { auditMessages, fillTemplate } from './messages'

/**
 * The audit log in words, for the register and the back office alike: an event and the names
 * its ids stand for become an action label and a sentence ("Sam refunded $12.50 on order
 * R1-0042, approved by Dana (manager), register Front 1"). Never raw JSON, never a bare id: an
 * id without a name shows as "unknown employee #1A2B3C".
 */

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

export interface AuditDescription {
  action: string
  actionLabelKey: AuditActionKey
  sentenceKey: AuditSentenceKey
  params: Record<string, string>
  /** The amount the sentence names (absolute), for an amount column; null when none. */
  amountCents: number | null
  when: string
}

type Details = Readonly<Record<string, unknown>>

interface Built {
  sentence: AuditSentenceKey
  params: Record<string, string>
  amountCents?: number | null
}

interface Context {
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

const isInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value)

const roleWords: Record<string, AuditWordKey> = {
  cashier: 'roleCashier',
  manager: 'roleManager',
  admin: 'roleAdmin',
}

function makeContext(event: AuditEventInput, lookups: AuditLookups): Context {
  const words = auditMessages[lookups.language].words
  const numberFormat = new Intl.NumberFormat(lookups.locale)
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

function roleWord(context: Context, role: unknown): string {
  if (typeof role !== 'string' || !role) return ''
  const key = roleWords[role]
  return key ? context.words[key] : context.text(role)
}

/** An employee's name, "(role)" after it when asked; "unknown employee #…" for an unknown id. */
function employeeWords(context: Context, id: unknown, withRole = false): string {
  if (typeof id !== 'string' || !id) return ''
  const employee = context.lookups.employees.get(id)
  if (!employee) return `${context.words.unknownEmployee} ${shortCode(id)}`
  const role = withRole ? roleWord(context, employee.role) : ''
  return role ? `${employee.name} (${role})` : employee.name
}

function registerWords(context: Context): string {
  const id = context.event.deviceId
  if (!id) return ''
  return context.lookups.registers.get(id) ?? `${context.words.unknownRegister} ${shortCode(id)}`
}

function itemWords(context: Context, lines: unknown): string {
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
function simpleDetails(context: Context): string {
  return Object.entries(context.details)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => `${actionWords(key)}: ${context.text(value)}`)
    .filter((part) => !part.endsWith(': '))
    .slice(0, 6)
    .join(context.words.listSeparator)
}

const absolute = (value: unknown) => (isInteger(value) ? Math.abs(value) : null)

/** One builder per known action; every other action is described by `other`. */
const builders: Record<string, { key: AuditActionKey; build: (context: Context) => Built }> = {
  'sale.discountApproved': {
    key: 'discountApproved',
    build: ({ details, event, money, order, lookups }) => ({
      sentence: 'discountApproved',
      params: {
        limit: isInteger(details.limitPercent)
          ? new Intl.NumberFormat(lookups.locale, { style: 'percent' }).format(
              details.limitPercent / 100,
            )
          : '',
        order: order(event.subjectId),
        amount: money(details.totalCents),
      },
      amountCents: absolute(details.totalCents),
    }),
  },
  'sale.voided': {
    key: 'saleVoided',
    build: (context) => ({
      sentence: 'saleVoided',
      params: {
        count: context.number(context.details.itemCount),
        items: itemWords(context, context.details.lines),
        amount: context.money(absolute(context.details.totalCents)),
        reason: context.text(context.details.reason),
      },
      amountCents: absolute(context.details.totalCents),
    }),
  },
  'refund.created': {
    key: 'refundCreated',
    build: ({ details, words, money, order, text }) => ({
      sentence: 'refundCreated',
      params: {
        amount: money(absolute(details.totalCents)),
        order: order(details.saleId, details.saleOrderNumber),
        refundTo: details.refundTo === 'cash' ? words.refundToCash : words.refundToOriginal,
        reason: text(details.reason),
      },
      amountCents: absolute(details.totalCents),
    }),
  },
  'employee.saved': {
    key: 'employeeSaved',
    build: (context) => ({
      sentence: context.details.pinChanged === true ? 'employeeSavedWithPin' : 'employeeSaved',
      params: {
        name: context.text(context.details.name),
        role: roleWord(context, context.details.role),
        state: context.details.isActive === false ? context.words.inactive : context.words.active,
      },
    }),
  },
  'catalog.imported': {
    key: 'catalogImported',
    build: ({ details, number }) => ({
      sentence: 'catalogImported',
      params: {
        created: number(details.created),
        updated: number(details.updated),
        unchanged: number(details.unchanged),
        rejected: number(details.rejected),
      },
    }),
  },
  'catalog.productSaved': {
    key: 'productSaved',
    build: ({ details, text, money }) => ({
      sentence: details.isNew === true ? 'productCreated' : 'productSaved',
      params: {
        name: text(details.name),
        sku: text(details.sku),
        amount: money(details.priceCents),
      },
      amountCents: absolute(details.priceCents),
    }),
  },
  'catalog.categorySaved': {
    key: 'categorySaved',
    build: ({ details, text }) => ({
      sentence: details.isNew === true ? 'categoryCreated' : 'categorySaved',
      params: { name: text(details.name) },
    }),
  },
  'receipt.reprinted': {
    key: 'receiptReprinted',
    build: ({ details, event, order }) => ({
      sentence: details.kind === 'kitchen' ? 'kitchenReprinted' : 'receiptReprinted',
      params: { order: order(event.subjectId, details.orderNumber) },
    }),
  },
  'register.configChanged': {
    key: 'registerConfigChanged',
    build: ({ details, words, number }) => {
      const after = (details.after ?? {}) as Record<string, unknown>
      return {
        sentence: 'registerConfigChanged',
        params: {
          language: after.language === 'ar' ? words.languageAr : words.languageEn,
          printers: number(Array.isArray(after.printers) ? after.printers.length : 0),
        },
      }
    },
  },
  'store.optionsChanged': {
    key: 'storeOptionsChanged',
    build: ({ details, number, words }) => {
      const before = (details.before ?? {}) as Record<string, unknown>
      const after = (details.after ?? {}) as Record<string, unknown>
      const changed = Object.keys(after).filter(
        (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
      )
      return {
        sentence: 'storeOptionsChanged',
        params: {
          count: number(changed.length),
          changes: changed.map(actionWords).join(words.listSeparator),
        },
      }
    },
  },
  'sync.reenrolled': {
    key: 'syncReenrolled',
    build: ({ details, text }) => ({
      sentence: 'syncReenrolled',
      params: { server: text(details.serverUrl) },
    }),
  },
  'shift.opened': {
    key: 'shiftOpened',
    build: ({ details, money }) => ({
      sentence: 'shiftOpened',
      params: { amount: money(details.openingCashCents) },
      amountCents: absolute(details.openingCashCents),
    }),
  },
  'shift.closed': {
    key: 'shiftClosed',
    build: ({ details, money }) => ({
      sentence: 'shiftClosed',
      params: {
        counted: money(details.countedCashCents),
        expected: money(details.expectedCashCents),
        amount: money(details.differenceCents),
      },
      amountCents: isInteger(details.differenceCents) ? details.differenceCents : null,
    }),
  },
  'cash.movement': {
    key: 'cashMovement',
    build: ({ details, money, text }) => ({
      sentence: details.kind === 'OUT' ? 'cashOut' : 'cashIn',
      params: { amount: money(absolute(details.amountCents)), reason: text(details.reason) },
      amountCents: absolute(details.amountCents),
    }),
  },
  'drawer.noSale': {
    key: 'noSale',
    build: ({ details, text }) => ({
      sentence: 'noSale',
      params: { reason: text(details.reason) },
    }),
  },
  'drawer.opened': {
    key: 'drawerOpened',
    build: ({ details, event, order }) => ({
      sentence: 'drawerOpened',
      params: { order: order(details.orderId ?? event.subjectId) },
    }),
  },
  'conflict.resolved': {
    key: 'conflictResolved',
    build: ({ details, words, text }) => ({
      sentence: 'conflictResolved',
      params: {
        resolution:
          details.resolution === 'keep-server'
            ? words.resolutionKeepServer
            : details.resolution === 'take-client'
              ? words.resolutionTakeClient
              : details.resolution === 'merge'
                ? words.resolutionMerge
                : text(details.resolution),
      },
    }),
  },
}

/** Every action the registers write today, for filters and tests. */
export const knownAuditActions = Object.keys(builders)

export function auditActionKeyOf(action: string): AuditActionKey {
  return builders[action]?.key ?? 'other'
}

export function describeAuditEvent(
  event: AuditEventInput,
  lookups: AuditLookups,
): AuditDescription {
  const context = makeContext(event, lookups)
  const builder = builders[event.action]
  const built: Built = builder
    ? builder.build(context)
    : {
        sentence: 'other',
        params: { actionWords: actionWords(event.action), details: simpleDetails(context) },
      }
  return {
    action: event.action,
    actionLabelKey: builder?.key ?? 'other',
    sentenceKey: built.sentence,
    params: {
      ...built.params,
      who: employeeWords(context, event.employeeId) || context.words.someone,
      approvedBy: employeeWords(context, event.approvedBy, true),
      register: registerWords(context),
    },
    amountCents: built.amountCents ?? null,
    when: event.createdAt,
  }
}

/** The action's label ("Refund") in a language. */
export function auditActionLabel(description: AuditDescription, language: AuditLanguage): string {
  return auditMessages[language].actions[description.actionLabelKey]
}

/** The whole sentence; `withRegister: false` where the register is shown in its own column. */
export function auditSentence(
  description: AuditDescription,
  language: AuditLanguage,
  options: { withApprover?: boolean; withRegister?: boolean } = {},
): string {
  const messages = auditMessages[language]
  const { params } = description
  let text = fillTemplate(messages.sentences[description.sentenceKey], params)
  if (options.withApprover !== false && params.approvedBy)
    text += fillTemplate(messages.words.approvedBy, params)
  if (options.withRegister !== false && params.register)
    text += fillTemplate(messages.words.onRegister, params)
  return text
}
