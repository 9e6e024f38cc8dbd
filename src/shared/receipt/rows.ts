import type { Emphasis, ReceiptRole, ReceiptRow, RowAlign } from './types'

export function text(
  role: ReceiptRole,
  value: string,
  align: RowAlign = 'start',
  emphasis: Emphasis = 'normal',
): ReceiptRow {
  return { type: 'text', role, text: value, align, emphasis }
}

export function pair(
  role: ReceiptRole,
  label: string,
  amount: string,
  options: { isIndented?: boolean; emphasis?: Emphasis } = {},
): ReceiptRow {
  return {
    type: 'pair',
    role,
    label,
    amount,
    isIndented: options.isIndented ?? false,
    emphasis: options.emphasis ?? 'normal',
  }
}
