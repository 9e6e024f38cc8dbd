import type { TFunction } from 'i18next'
import { inUseCount } from '../../../../shared/backoffice/catalog'
import { ApiError } from '../../api/errors'

/** A delete refused because products still use the record: the reason in the user's language. */
export function inUseReason(error: unknown, t: TFunction, key: string): string | null {
  if (!(error instanceof ApiError) || error.code !== 'IN_USE') return null
  const count = inUseCount(error.message)
  return count === null ? error.message : t(key, { count })
}
