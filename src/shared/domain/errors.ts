/** Codes thrown by this module, so callers can map them to messages without parsing text. */
export type DomainErrorCode =
  | 'INVALID_AMOUNT'
  | 'AMOUNT_OUT_OF_RANGE'
  | 'INVALID_QUANTITY'
  | 'INVALID_TAX_RATE'
  | 'DISCOUNT_EXCEEDS_PRICE'
  | 'INVALID_RULES'
  | 'INVALID_CURRENCY'
  | 'INVALID_TENDER_METHOD'
  | 'TENDER_EXCEEDS_DUE'
  | 'DIVISION_BY_ZERO'

/**
 * A rule of money or pricing was broken by the input. `code` is stable (see DomainErrorCode);
 * `message` is for logs. `code` stays a plain string so other modules may throw their own codes.
 */
export class DomainError extends Error {
  readonly code: string

  constructor(code: string, message: string) {
    super(message)
    this.name = 'DomainError'
    this.code = code
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError
}
