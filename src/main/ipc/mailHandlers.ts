import { PosError } from '../../shared/ipc/errors'
import type { HandlerContext, HandlerGroup } from './handlerContext'

type MailChannels =
  | 'receipt:choose'
  | 'receipt:email'
  | 'receipt:emailStatus'
  | 'mail:getSettings'
  | 'mail:saveSettings'

/** The customer's receipt after a sale, e-mailed receipts, and this register's SMTP settings. */
export function createMailHandlers(context: HandlerContext): HandlerGroup<MailChannels> {
  const { store, authority, mail, print } = context
  return {
    'receipt:choose': (input) => {
      authority.requireSignedIn()
      if (input.choice === 'email' && input.to === undefined)
        throw new PosError('VALIDATION_FAILED', 'Enter the e-mail address for the receipt.', 'to')
      if (!store.orders.getOrderDetail(input.orderId))
        throw new PosError('NOT_FOUND', 'No order with that id on this register.', 'orderId')
      const email =
        input.choice === 'email' && input.to ? mail.queue(input.orderId, input.to) : null
      const printJobsQueued = input.choice === 'print' ? print.printReceipt(input.orderId) : 0
      mail.rememberChoice(input.choice)
      return {
        choice: input.choice,
        email,
        printJobsQueued,
        hasReceiptPrinter: print.config().printers.some((printer) => printer.role === 'receipt'),
      }
    },
    'receipt:email': (input) => {
      const actor = authority.requireSignedIn()
      const email = mail.queue(input.orderId, input.to)
      // A receipt sent to an address can back a false return, like a reprint: who asked is kept.
      store.transaction((repositories) =>
        authority.audit(repositories.audit, {
          action: 'receipt.emailed',
          actor,
          subjectId: input.orderId,
          details: { orderNumber: email.orderNumber },
        }),
      )
      return email
    },
    'receipt:emailStatus': (input) => mail.latestFor(input.orderId),
    'mail:getSettings': () => mail.settings(),
    'mail:saveSettings': (input) => {
      const { actor, approvedBy } = authority.authorize('settings', input.approvalId)
      const { approvalId: _approvalId, ...settings } = input
      const saved = mail.saveSettings(settings)
      store.transaction((repositories) =>
        authority.audit(repositories.audit, {
          action: 'register.mailSettingsChanged',
          actor,
          approvedBy,
          // Never the password: only whether it changed.
          details: {
            host: saved.host,
            port: saved.port,
            security: saved.security,
            user: saved.user,
            from: saved.from,
            passwordChanged: input.password !== undefined,
          },
        }),
      )
      return saved
    },
  }
}
