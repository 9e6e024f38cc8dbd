/** stores strings (en): the store list and form. Keys match ar/stores.ts. */
const stores = {
  title: 'Stores',
  add: 'New store',
  empty: 'No stores yet.',
  columns: {
    code: 'Code',
    name: 'Name',
    currency: 'Currency',
    timeZone: 'Time zone',
    registers: 'Registers',
    actions: 'Actions',
  },
  editStore: 'Edit {{name}}',
  showRegisters: 'Registers of {{name}}',
  form: {
    createTitle: 'New store',
    editTitle: 'Edit store {{code}}',
    code: 'Store code',
    codeHint: 'Starts every order number; cannot change later.',
    name: 'Name',
    address: 'Address',
    phone: 'Phone',
    taxId: 'Tax id',
    currency: 'Currency',
    timeZone: 'Time zone',
    locale: 'Receipt language',
    create: 'Create store',
    save: 'Save store',
  },
  created: 'Store {{code}} created.',
  updated: 'Store {{code}} saved.',
  delete: 'Delete',
  deleteLabel: 'Delete {{name}}',
  deleteTitle: 'Delete store {{code}}?',
  deleteText:
    'The store and its settings are removed. A store with registers or synced sales cannot be deleted.',
  deleteConfirm: 'Delete store',
  deleted: 'Store {{code}} deleted.',
  inUse: 'Refused: {{reason}}',
  codeTaken: 'Another store already uses this code.',
} satisfies Record<string, unknown>

export default stores
