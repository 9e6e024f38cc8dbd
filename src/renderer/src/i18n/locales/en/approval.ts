/** approval strings (en): the manager approval dialog. Keys are shared with the other language's file. */
const approval = {
  title: 'Manager approval',
  pin: 'Manager PIN',
  hint: 'A manager types their PIN to approve this once.',
  approve: 'Approve',
  actions: {
    discount: 'Give a discount above the limit',
    refund: 'Give a refund',
    void: 'Void a sale',
    cashMovement: 'Put cash in or take cash out of the drawer',
    noSale: 'Open the drawer without a sale',
    closeShift: 'Close the shift',
    catalogEdit: 'Change the catalog',
    settings: 'Change the settings (store rules, printers, mode or language)',
    stockAdjust: 'Adjust stock or apply a count',
  },
} satisfies Record<string, unknown>

export default approval
