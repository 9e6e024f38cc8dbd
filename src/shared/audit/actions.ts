import type { AuditActionKey } from './messages'
import type { Built, Context } from './words'
import { absolute, actionWords, isInteger, itemWords, roleWord } from './words'

/** One builder per known action; every other action is described by `other`. */
export const builders: Record<string, { key: AuditActionKey; build: (context: Context) => Built }> =
  {
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
    'cart.cleared': {
      key: 'cartCleared',
      build: (context) => ({
        sentence: 'cartCleared',
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
