import type { TFunction } from 'i18next'
import { ApiError, NetworkError, type FieldIssue } from '../api/errors'

/** The form field an issue belongs to: `storeIds.0` is the storeIds field. */
export function fieldOf(path: string): string {
  return path.split('.')[0] ?? path
}

/**
 * One message per field, in the order given. A field with a known rule reads in the user's
 * language; anything else shows the server's own words.
 */
export function fieldMessages(issues: readonly FieldIssue[], t: TFunction): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    const field = fieldOf(issue.path)
    fields[field] ??= t(`common:fieldErrors.${field}`, { defaultValue: issue.message })
  }
  return fields
}

/** A refused or failed call as one sentence for the form's alert. */
export function errorSentence(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t('common:errors.network')
  if (error instanceof ApiError) {
    if (error.status === 403) return t('common:errors.forbidden')
    if (error.status === 404) return t('common:errors.notFound')
    if (error.status === 409) return t('common:errors.conflict', { message: error.message })
    if (error.status === 400 && error.issues.length > 0) return t('common:errors.formHasErrors')
    return t('common:errors.unexpected', { message: error.message })
  }
  return t('common:errors.unexpected', {
    message: error instanceof Error ? error.message : String(error),
  })
}
