import { PosError } from '../../../../shared/ipc'
import { errorMessage } from '../../pos'
import { itemKey } from './stockItem'

/** Where a refused submit's message goes: beside one line's field, or over the whole form. */
export interface SubmitErrors {
  /** By itemKey of the line the message is about. */
  lines: Record<string, string>
  form: string | null
}

export const noErrors: SubmitErrors = { lines: {}, form: null }

/**
 * Main names the field it refuses by path ("lines.2.counted"): that line's field shows the
 * message. Anything else is a message for the whole form.
 */
export function submitErrors(
  failure: unknown,
  lines: readonly { productId: string; variantId: string | null }[],
): SubmitErrors {
  const message = errorMessage(failure)
  if (failure instanceof PosError && failure.path) {
    const match = /^lines\.(\d+)/.exec(failure.path)
    const line = match ? lines[Number(match[1])] : undefined
    if (line) return { lines: { [itemKey(line)]: message }, form: null }
  }
  return { lines: {}, form: message }
}
