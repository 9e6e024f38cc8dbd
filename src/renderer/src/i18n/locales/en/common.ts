/** common strings (en): shared buttons, generic errors. Keys are shared with the other language's file. */
const common = {
  appName: 'AuraFlow POS',
  actions: {
    cancel: 'Cancel',
    close: 'Close',
    dismiss: 'Dismiss',
    retry: 'Retry',
    back: 'Back',
    reload: 'Reload',
    save: 'Save',
  },
  errors: {
    /** Main's error codes, for a UI not in English (main writes its messages in English). */
    codes: {
      UNKNOWN_CHANNEL: 'This screen asked the register for something it does not know.',
      VALIDATION_FAILED: 'Some of what was entered is not valid.',
      FORBIDDEN: 'You are not allowed to do that.',
      NOT_FOUND: 'That was not found on this register.',
      PRODUCT_UNAVAILABLE: 'A product in this sale is no longer for sale.',
      PAYMENT_INSUFFICIENT: 'The sale is not fully paid yet.',
      PAYMENT_INVALID: 'That payment cannot be taken.',
      DISCOUNT_INVALID: 'That discount is not possible.',
      MODIFIERS_INVALID: 'Check the options chosen for this item.',
      SIGN_IN_REQUIRED: 'Sign in with your PIN first.',
      PIN_INVALID: 'That PIN does not match an active employee.',
      PIN_LOCKED: 'Too many wrong PINs. Wait a moment and try again.',
      APPROVAL_REQUIRED: 'A manager must approve this.',
      SHIFT_REQUIRED: 'Open a shift first (Shift page).',
      SHIFT_OPEN: 'A shift is already open on this register.',
      REFUND_EXCEEDS_SOLD: 'That is more than is left to refund.',
      CSV_INVALID: 'The file is not a product CSV this register can read.',
      CONFLICT: 'That clashes with something that already exists.',
      NOT_SUPPORTED: 'This is not available here.',
      SYNC_UNREACHABLE: 'The sync server cannot be reached.',
      SYNC_REFUSED: 'The sync server refused the request.',
      UNSYNCED_WORK:
        'This register has sales or changes its store has not received yet. Sync them before moving it to another store.',
      INTERNAL: 'Something went wrong. Try again.',
    },
    generic: 'Something went wrong. Try again.',
    notConnected: 'This screen is not connected to a register. Open it from AuraFlow POS.',
    callFailed: '{{channel}} failed.',
    unreadableReply: 'The register sent an unreadable reply to {{channel}}.',
    unexpectedReply: 'The register sent an unexpected reply to {{channel}}.',
    screenCrashed: 'The screen hit a problem: {{error}} Sales already completed are safe.',
  },
  items_one: '{{count}} item',
  items_other: '{{count}} items',
  none: '—',
  /** The store's built-in payment methods, shown in the register's language. */
  tenders: {
    cash: 'Cash',
    card: 'Card',
    voucher: 'Voucher',
    other: 'Other',
  },
} satisfies Record<string, unknown>

export default common
