import type { ProtectedAction } from '../../../../shared/store/options'

const actionNames: Record<ProtectedAction, string> = {
  discount: 'Give a discount above the limit',
  refund: 'Give a refund',
  void: 'Void a sale',
  cashMovement: 'Put cash in or take cash out of the drawer',
  noSale: 'Open the drawer without a sale',
  closeShift: 'Close the shift',
  catalogEdit: 'Change the catalog',
  settings: "Change this register's printers, mode or language",
}

/** The protected action in words a manager reads before typing a PIN. */
export function actionName(action: ProtectedAction): string {
  return actionNames[action]
}
