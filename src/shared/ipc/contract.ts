import { z } from 'zod'
import {
  BarcodeLookup,
  CategoryInput,
  CsvExport,
  CsvImportInput,
  CsvImportReport,
  TaxRateView,
} from './catalogSchemas'
import {
  AppInfo,
  BarcodeMatch,
  Catalog,
  CatalogQuery,
  Category,
  Customer,
  CustomerInput,
  CustomerSearch,
  DiscountCheck,
  DiscountCheckInput,
  IdInput,
  OrderDetail,
  OrderFind,
  OrderGet,
  OrderListQuery,
  OrderSummary,
  ParkedOrder,
  ParkInput,
  Product,
  ProductSearch,
  RefundDraft,
  SaleDraft,
  SaleReceipt,
  VoidInput,
} from './schemas'
import { ProductInput } from './catalogSchemas'
import {
  Approval,
  ApproveInput,
  AuditEvent,
  AuditListInput,
  CashMovement,
  CashMovementInput,
  DrawerOpenInput,
  Employee,
  EmployeeInput,
  Session,
  SettingsView,
  ShiftCloseInput,
  ShiftOpenInput,
  ShiftReportInput,
  ShiftSummary,
  SignInInput,
  StoreOptionsInput,
  ZReport,
} from './staffSchemas'
import { ConflictView, ResolveConflictInput, SalesToday, StoreHealth } from './managerSchemas'
import {
  JobIdInput,
  PrinterIdInput,
  PrinterStatus,
  PrintJob,
  PrintJobQuery,
  ReceiptHtml,
  ReceiptPdf,
  ReceiptPreviewInput,
  ReprintInput,
  SaveRegisterConfigInput,
} from './printSchemas'
import { RegisterConfig } from '../store/registerConfig'
import {
  EmailReceiptView,
  MailSettingsInput,
  MailSettingsView,
  OrderIdInput,
  ReceiptChooseInput,
  ReceiptChooseResult,
  ReceiptEmailInput,
} from './mailSchemas'
import {
  DisplayPublish,
  DisplayState,
  KitchenTicket,
  KitchenTicketInput,
  KitchenTickets,
} from './displaySchemas'
import {
  NoStockInput,
  OpenCount,
  PurchaseOrdersQuery,
  ReceivingOrder,
  StockAdjustInput,
  StockCountApplyInput,
  StockCountSaved,
  StockCountSaveInput,
  StockHistory,
  StockHistoryQuery,
  StockLevel,
  StockLevelsQuery,
  StockMovementResult,
  StockReceiveInput,
  StockReceiveResult,
  StockTransferReceiveInput,
  StockTransfers,
  StockTransferSendInput,
  TransferDestinations,
} from './stockSchemas'
import { DeadRecord, EnrollInput, RetryDeadInput, SyncStatusView } from './syncSchemas'

/**
 * Every request the renderer can make of the main process. Main, preload and renderer all derive
 * their channel names and types from this object; a name written anywhere else is a bug.
 */
export const invokeContract = {
  /** Who and where this register is, and how it prices. */
  'app:getInfo': { input: z.undefined(), output: AppInfo },
  /** Active categories and products, optionally one category's products. */
  'catalog:list': { input: CatalogQuery, output: Catalog },
  /** Products whose name, SKU or barcode match; an exact barcode or SKU comes first. */
  'catalog:search': { input: ProductSearch, output: z.array(Product) },
  /** Resolves a scanned code (product, variant or in-store weight/price EAN-13); null if unknown. */
  'catalog:lookupBarcode': { input: BarcodeLookup, output: BarcodeMatch.nullable() },
  /** Every product, inactive ones too, for the manager's catalog editor. */
  'catalog:listAll': { input: z.undefined(), output: z.array(Product) },
  'catalog:listTaxRates': { input: z.undefined(), output: z.array(TaxRateView) },
  /** Creates or edits a product (catalogEdit); the change syncs to every register. */
  'catalog:saveProduct': { input: ProductInput, output: Product },
  'catalog:saveCategory': { input: CategoryInput, output: Category },
  /** Imports products from CSV: valid rows in one transaction, bad rows reported by line. */
  'catalog:importCsv': { input: CsvImportInput, output: CsvImportReport },
  'catalog:exportCsv': { input: z.undefined(), output: CsvExport },
  /** Prices, taxes and commits a paid sale in one durable transaction. */
  'sale:complete': { input: SaleDraft, output: SaleReceipt },
  /**
   * Checks a cart's discounts as they are applied: APPROVAL_REQUIRED (in words) for one above the
   * limit, and with a manager's approvalId an approval of those discounts for sale:complete.
   */
  'sale:approveDiscount': { input: DiscountCheckInput, output: DiscountCheck },
  /** Records that an unpaid cart with items was cleared (a cashier may), with its contents. */
  'sale:void': { input: VoidInput, output: z.object({ auditEventId: z.string() }) },
  /** Puts the cart aside on this register. */
  'park:save': { input: ParkInput, output: ParkedOrder },
  /** Parked carts, oldest first. */
  'park:list': { input: z.undefined(), output: z.array(ParkedOrder) },
  /** Takes a parked cart back (and removes it from the list). */
  'park:recall': { input: IdInput, output: ParkedOrder },
  /** Finds an order by its number (typed, or scanned from the receipt). */
  'order:find': { input: OrderFind, output: OrderDetail },
  /** Gives back some or all of a sale: a new refund record; never more than was sold. */
  'refund:create': { input: RefundDraft, output: OrderDetail },
  /** On hand of these products (each variant that stock ever moved), low-stock and negative flags. */
  'stock:levels': { input: StockLevelsQuery, output: z.array(StockLevel) },
  /** One ADJUSTMENT movement with a reason (stockAdjust approval); syncs like a sale. */
  'stock:adjust': { input: StockAdjustInput, output: StockMovementResult },
  /**
   * Applies counted quantities as one COUNT movement of counted − expected (stockAdjust approval);
   * with a countId, marks that count session APPLIED in the same transaction.
   */
  'stock:countApply': { input: StockCountApplyInput, output: StockMovementResult },
  /**
   * Purchase orders of this store to receive (stored ORDERED or later, not DRAFT or CANCELLED),
   * each line with ordered and received so far; progress derived from the RECEIPT movements.
   */
  'stock:purchaseOrders': { input: PurchaseOrdersQuery, output: z.array(ReceivingOrder) },
  /**
   * Receives lines of a purchase order (signed-in employee, no approval): one RECEIPT movement at
   * the order's unit costs. Partial and over-receipts are fine; a product not on the order is
   * VALIDATION_FAILED at lines.N.productId. A replayed movementId returns the stored result.
   */
  'stock:receive': { input: StockReceiveInput, output: StockReceiveResult },
  /**
   * The tenant's other stores to send stock to: from the server when online (and kept), else the
   * list kept from the last time (isCached), else none (fetchedAt null).
   */
  'stock:transferDestinations': { input: NoStockInput, output: TransferDestinations },
  /**
   * Sends stock to another store of the tenant (signed-in employee): a SENT stockTransfer record
   * and one TRANSFER_OUT movement, in one transaction; both sync up and reach the other store.
   */
  'stock:transferSend': { input: StockTransferSendInput, output: StockMovementResult },
  /** Transfers to and from this store, with each line's sent and received-so-far quantities. */
  'stock:transfers': { input: NoStockInput, output: StockTransfers },
  /**
   * Receives lines of a transfer addressed to this store: one TRANSFER_IN movement (partial is
   * fine). A transfer to another store is FORBIDDEN; an unknown one NOT_FOUND.
   */
  'stock:transferReceive': { input: StockTransferReceiveInput, output: StockMovementResult },
  /**
   * Saves a count session's lines as an OPEN stockCount record (synced), so it survives a restart
   * and the store's other registers see it. stock:countApply with its countId closes it.
   */
  'stock:countSave': { input: StockCountSaveInput, output: StockCountSaved },
  /** Open count sessions, each line with what was counted and what is on hand now. */
  'stock:counts': { input: NoStockInput, output: z.array(OpenCount) },
  /** A product's (or variant's) movements, newest first, and its on hand now. */
  'stock:history': { input: StockHistoryQuery, output: StockHistory },
  'customer:search': { input: CustomerSearch, output: z.array(Customer) },
  'customer:create': { input: CustomerInput, output: Customer },
  /** Who is signed in, this register's shift, what needs approval. */
  'session:get': { input: z.undefined(), output: Session },
  'session:signIn': { input: SignInInput, output: Session },
  /** Signs out (the idle lock does this too); the cart stays in the renderer. */
  'session:signOut': { input: z.undefined(), output: Session },
  /** A manager's PIN approves one protected action; pass the approvalId to that call. */
  'session:approve': { input: ApproveInput, output: Approval },
  'employee:list': { input: z.undefined(), output: z.array(Employee) },
  /** Admins add staff, change a role or PIN, or deactivate someone; the change syncs. */
  'employee:save': { input: EmployeeInput, output: Employee },
  /** Everyone, inactive people too, for the admin's staff screen. */
  'employee:listAll': { input: z.undefined(), output: z.array(Employee) },
  'shift:open': { input: ShiftOpenInput, output: ShiftSummary },
  'shift:recordCashMovement': { input: CashMovementInput, output: CashMovement },
  /** Opens the drawer without a sale ("no sale"); always logged. */
  'drawer:open': { input: DrawerOpenInput, output: z.object({ auditEventId: z.string() }) },
  /** What the drawer should hold now, and the report so far (an X report). */
  'shift:preview': { input: z.undefined(), output: ZReport },
  /** Counts the drawer out and closes the shift; returns the Z report. */
  'shift:close': { input: ShiftCloseInput, output: ZReport },
  'shift:getReport': { input: ShiftReportInput, output: ZReport },
  /** Recent shifts on this register, newest first. */
  'shift:list': { input: z.undefined(), output: z.array(ShiftSummary) },
  'audit:list': { input: AuditListInput, output: z.array(AuditEvent) },
  'settings:get': { input: z.undefined(), output: SettingsView },
  /**
   * Changes the store's rules (approvals, discount limit, tenders, idle lock): applied here at once
   * and synced to the store's other registers and the back office (entity storeRules).
   */
  'settings:update': { input: StoreOptionsInput, output: SettingsView },
  /** This register's mode, language, printers and station subscriptions. */
  'register:getConfig': { input: z.undefined(), output: RegisterConfig },
  'register:saveConfig': { input: SaveRegisterConfigInput, output: RegisterConfig },
  /** Print jobs, newest first (the station screen and the print banner). */
  'print:listJobs': { input: PrintJobQuery, output: z.array(PrintJob) },
  /** Each configured printer: reachable or not, last error, jobs waiting. */
  'print:getStatus': { input: z.undefined(), output: z.array(PrinterStatus) },
  /** Prints an order again, marked COPY. */
  'print:reprint': { input: ReprintInput, output: PrintJob },
  /** Tries a failed or uncertain job again now (an uncertain one may print twice: asked first). */
  'print:retry': { input: JobIdInput, output: PrintJob },
  'print:cancel': { input: JobIdInput, output: PrintJob },
  /** Kitchen: the order is done (the ticket leaves the open list). */
  'print:markDone': { input: JobIdInput, output: PrintJob },
  'printer:testPage': { input: PrinterIdInput, output: PrintJob },
  /** The receipt as HTML (preview, e-mail). */
  'receipt:renderHtml': { input: ReceiptPreviewInput, output: ReceiptHtml },
  /** The receipt as PDF (Electron printToPDF; NOT_SUPPORTED in the web host). */
  'receipt:renderPdf': { input: ReceiptPreviewInput, output: ReceiptPdf },
  /**
   * The customer's receipt after a sale: print it, e-mail it (queued, never blocking) or none.
   * The choice is remembered on this register and preselected for the next sale.
   */
  'receipt:choose': { input: ReceiptChooseInput, output: ReceiptChooseResult },
  /** E-mails an order's receipt (again) through the register's queue; Orders' resend. */
  'receipt:email': { input: ReceiptEmailInput, output: EmailReceiptView },
  /** The latest e-mailed receipt of an order and how it went (null if none was asked for). */
  'receipt:emailStatus': { input: OrderIdInput, output: EmailReceiptView.nullable() },
  /** This register's SMTP settings, without the password. */
  'mail:getSettings': { input: z.undefined(), output: MailSettingsView },
  /** Saves the SMTP settings (a manager's change); the password goes to the secret store. */
  'mail:saveSettings': { input: MailSettingsInput, output: MailSettingsView },
  /** The register's cart, totals or paid sale as the customer should see it now. */
  'display:publish': { input: DisplayPublish, output: DisplayState },
  /** The latest customer display state (the display's first read; then display:stateChanged). */
  'display:getState': { input: z.undefined(), output: DisplayState },
  /** Kitchen display: open tickets and the recently bumped ones. */
  'kitchen:listTickets': { input: z.undefined(), output: KitchenTickets },
  /** Kitchen display: the order is made; its ticket leaves the screen (kept for Recall). */
  'kitchen:bump': { input: KitchenTicketInput, output: KitchenTicket },
  /** Kitchen display: brings a bumped ticket back, with its original timer. */
  'kitchen:recall': { input: KitchenTicketInput, output: KitchenTicket },
  /** Store-wide sync health for the manager console (server stats + this register live). */
  'manager:getHealth': { input: z.undefined(), output: StoreHealth },
  'manager:listConflicts': { input: z.undefined(), output: z.array(ConflictView) },
  'manager:resolveConflict': { input: ResolveConflictInput, output: z.array(ConflictView) },
  /** Today's sales on this register's copy of the store's orders. */
  'manager:getSalesToday': { input: z.undefined(), output: SalesToday },
  /** Recent orders, newest first. */
  'order:list': { input: OrderListQuery, output: z.array(OrderSummary) },
  /** One order with its lines and payments. */
  'order:get': { input: OrderGet, output: OrderDetail },
  /** Where sync stands: enrollment, state, counts, last success and error. */
  'sync:getStatus': { input: z.undefined(), output: SyncStatusView },
  /** Pushes and pulls now ("Sync now"); resolves when that run is over. */
  'sync:runNow': { input: z.undefined(), output: SyncStatusView },
  /** Enrolls this register with a sync server using a one-time code from the manager. */
  'sync:enroll': { input: EnrollInput, output: SyncStatusView },
  /** Records the server refused for good, with the reason. */
  'sync:listDead': { input: z.undefined(), output: z.array(DeadRecord) },
  /** Queues dead records (all, or the given ones) for another try. */
  'sync:retryDead': { input: RetryDeadInput, output: SyncStatusView },
} as const

/** Every message main pushes to the renderer. */
export const eventContract = {
  /** A sale was committed on this register. */
  'order:created': OrderSummary,
  /** Orders arrived from other registers (or changed on the server). */
  'order:synced': z.object({ orderIds: z.array(z.string()) }),
  /** Sync state, counts or progress changed. */
  'sync:statusChanged': SyncStatusView,
  /** Catalog rows changed (an edit here, an import, or a pull): reload the grid. */
  'catalog:changed': z.object({ count: z.number().int() }),
  /** Sign-in, sign-out, shift open/close. */
  'session:changed': Session,
  /** Print jobs or printer states changed. */
  'print:changed': z.object({ printerIds: z.array(z.string()) }),
  'register:configChanged': RegisterConfig,
  /** An e-mailed receipt was queued, sent, or failed and waits to be tried again. */
  'receipt:emailChanged': EmailReceiptView,
  /** The store's rules changed from a pull (another register or the back office): read them anew. */
  'settings:changed': z.object({}),
  /** The customer display should show this (sent to display clients too). */
  'display:stateChanged': DisplayState,
  /** Kitchen tickets arrived, were bumped or recalled. */
  'kitchen:changed': z.object({ orderIds: z.array(z.string()) }),
  /** Progress of a long import: rows read of rows total. */
  'catalog:importProgress': z.object({ done: z.number().int(), total: z.number().int() }),
} as const

export type InvokeContract = typeof invokeContract
export type InvokeChannel = keyof InvokeContract
export type InvokeInput<C extends InvokeChannel> = z.input<InvokeContract[C]['input']>
export type InvokeParsedInput<C extends InvokeChannel> = z.output<InvokeContract[C]['input']>
export type InvokeOutput<C extends InvokeChannel> = z.output<InvokeContract[C]['output']>
export type EventChannel = keyof typeof eventContract
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>

export const invokeChannels = Object.keys(invokeContract) as InvokeChannel[]
export const eventChannels = Object.keys(eventContract) as EventChannel[]

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.hasOwn(invokeContract, value)
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(eventContract, value)
}
