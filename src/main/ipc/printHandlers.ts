import { PosError } from '../../shared/ipc/errors'
import { requiredStationPrinterRole, type RegisterConfig } from '../../shared/store/registerConfig'
import type { HandlerContext, HandlerGroup } from './handlerContext'

type PrintChannels =
  | 'register:getConfig'
  | 'register:saveConfig'
  | 'print:listJobs'
  | 'print:getStatus'
  | 'print:reprint'
  | 'print:retry'
  | 'print:cancel'
  | 'print:markDone'
  | 'printer:testPage'
  | 'receipt:renderHtml'
  | 'receipt:renderPdf'

/** Rules the schema cannot express on its own. */
function checkConfig(config: RegisterConfig): void {
  const seen = new Set<string>()
  config.printers.forEach((printer, index) => {
    if (seen.has(printer.id))
      throw new PosError(
        'VALIDATION_FAILED',
        `Two printers share one id (${printer.name}).`,
        `config.printers.${index}.id`,
      )
    seen.add(printer.id)
  })
  // A printing station with no printer of its role would take orders and show nobody anything.
  const role = requiredStationPrinterRole(config)
  if (role && !config.printers.some((printer) => printer.role === role))
    throw new PosError(
      'VALIDATION_FAILED',
      role === 'receipt'
        ? 'A receipt station needs a receipt printer.'
        : 'A kitchen station needs a kitchen printer, or turn on its kitchen display.',
      'config.printers',
    )
}

/** Printing, receipts and this register's settings, over the core's running print service. */
export function createPrintHandlers(context: HandlerContext): HandlerGroup<PrintChannels> {
  const { store, authority, events, print } = context
  return {
    // Also on the lock screen: it needs the register's language before anyone signs in.
    'register:getConfig': () => store.settings.getRegisterConfig(),
    'register:saveConfig': (input) => {
      const { actor, approvedBy } = authority.authorize('settings', input.approvalId)
      checkConfig(input.config)
      const before = store.settings.getRegisterConfig()
      const saved = store.transaction((repositories) => {
        // The receipt choice is the cashiers' (receipt:choose): a settings form loaded before
        // the last sale must not put an older one back.
        const stored = repositories.settings.saveRegisterConfig(
          { ...input.config, receiptChoice: before.receiptChoice },
          context.now().toISOString(),
        )
        authority.audit(repositories.audit, {
          action: 'register.configChanged',
          actor,
          approvedBy,
          details: {
            before: { mode: before.mode, language: before.language },
            after: {
              mode: stored.mode,
              language: stored.language,
              printers: stored.printers.map((printer) => ({
                name: printer.name,
                kind: printer.kind,
                role: printer.role,
                address:
                  printer.kind === 'network'
                    ? `${printer.host}:${printer.port}`
                    : printer.systemName,
              })),
              autoPrintReceipt: stored.autoPrintReceipt,
              stationRegisterCodes: stored.stationRegisterCodes,
              stationCategoryIds: stored.stationCategoryIds,
              hasKitchenDisplay: stored.hasKitchenDisplay,
              hasCustomerDisplay: stored.hasCustomerDisplay,
              customerDisplayLanguage: stored.customerDisplayLanguage,
            },
          },
        })
        return stored
      })
      events.emit('register:configChanged', saved)
      print.configChanged()
      return saved
    },
    // Read-only and needed by station screens and the printer banner, signed in or not.
    'print:listJobs': (input) => print.jobs(input),
    'print:getStatus': () => print.status(),
    'print:reprint': (input) => {
      const actor = authority.requireSignedIn()
      const job = print.reprint(input.orderId, input.kind, input.printerId)
      // A reprinted receipt can back a false return, so who asked for it is kept.
      store.transaction((repositories) =>
        authority.audit(repositories.audit, {
          action: 'receipt.reprinted',
          actor,
          subjectId: input.orderId,
          details: { kind: input.kind, printerId: job.printerId, orderNumber: job.orderNumber },
        }),
      )
      return job
    },
    'print:retry': (input) => {
      authority.requireSignedIn()
      return print.retry(input.jobId)
    },
    'print:cancel': (input) => {
      authority.requireSignedIn()
      return print.cancel(input.jobId)
    },
    'print:markDone': (input) => {
      // The kitchen taps "done" on its station screen without a PIN; elsewhere someone signs in.
      if (print.config().mode !== 'kitchen-station') authority.requireSignedIn()
      return print.markDone(input.jobId)
    },
    'printer:testPage': (input) => {
      authority.requireSignedIn()
      return print.testPage(input.printerId)
    },
    'receipt:renderHtml': (input) => {
      const receipt = print.receiptHtml(input.orderId, input)
      return {
        html: receipt.html,
        bodyHtml: receipt.bodyHtml,
        paperWidthMm: input.paperWidthMm,
        language: receipt.language,
      }
    },
    'receipt:renderPdf': async (input) => {
      if (!context.renderPdf) throw new PosError('NOT_SUPPORTED', 'PDF needs the desktop app.')
      const receipt = print.receiptHtml(input.orderId, input)
      const pdf = await context.renderPdf(receipt.html, input.paperWidthMm)
      return {
        fileName: `receipt-${receipt.orderNumber}${input.isCopy ? '-copy' : ''}.pdf`,
        base64: Buffer.from(pdf).toString('base64'),
      }
    },
  }
}
