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
} satisfies Record<string, unknown>

export default common
