import type { RenderInput } from '../../shared/receipt/types'

/**
 * The drawer opens for a first print of a sale's receipt that took cash — never for a card-only
 * sale, a refund, a kitchen ticket, a test page or a reprint (COPY), and only on a printer wired to
 * a drawer.
 */
export function shouldOpenDrawer(input: RenderInput, opensDrawer: boolean): boolean {
  const { order } = input
  return (
    opensDrawer &&
    input.kind === 'receipt' &&
    !input.isCopy &&
    order !== null &&
    order.kind === 'SALE' &&
    order.payments.some((payment) => payment.method === 'cash' && payment.amountCents > 0)
  )
}
