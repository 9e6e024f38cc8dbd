/** cart strings (en): the dense cart, its line editor, announcements and the register's guards. Keys are shared with the other language's file. */
const cart = {
  skipToCart: 'Skip to cart',
  announce: {
    summary: '{{change}}, {{items}}, total {{total}}',
    added: '{{name}} added',
    removed: '{{name}} removed',
    quantity: '{{name}} quantity {{quantity}}',
    changed: '{{name}} changed',
    cleared: 'Cart cleared',
  },
  line: {
    summary: '{{name}}, quantity {{quantity}}, {{total}}',
    discountMarker: 'Discount: {{discount}}',
    noteMarker: 'Note: {{note}}',
  },
  editor: {
    quantity: 'Quantity',
    decrease: 'One less',
    increase: 'One more',
    badQuantity: 'Enter a quantity from 1 to 9999.',
    note: 'Note for the kitchen or receipt (optional)',
    discount: 'Discount',
    noDiscount: 'No discount',
    addDiscount: 'Add discount',
    changeDiscount: 'Change discount',
    options: 'Options',
    remove: 'Remove from sale',
    done: 'Done',
    unitPrice: 'Price',
    lineTotal: 'Line total',
  },
  approval: {
    lineDiscount: 'Discount over your limit: {{discount}} on {{name}}',
    orderDiscount: 'Discount over your limit: {{discount}} on the order',
    notApproved: 'Not applied: a manager has to approve this discount.',
    failed: 'The discount was not applied: {{error}}',
  },
  shift: {
    required: 'No shift is open on this register: open one to take payment.',
    open: 'Open a shift',
  },
  clear: {
    title: 'Clear this sale?',
    intro_one: 'Nothing has been paid. The {{count}} item is taken off and the clearing is logged.',
    intro_other:
      'Nothing has been paid. The {{count}} items are taken off and the clearing is logged.',
    reason: 'Reason (optional)',
    confirm: 'Clear sale',
    cleared: 'Sale cleared.',
    failed: 'The sale was not cleared: {{error}}',
  },
  options: {
    none: 'None',
    update: 'Update line',
    forProduct: 'Options for {{name}}',
  },
} satisfies Record<string, unknown>

export default cart
