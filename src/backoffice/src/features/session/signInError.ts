import type { TFunction } from 'i18next'
import { ApiError } from '../../api/errors'
import { errorSentence } from '../../forms/errorText'

/** A refused sign-in in words: wrong password, disabled, locked, or too many tries. */
export function signInErrorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return errorSentence(error, t)
  if (error.status === 429) {
    return error.retryAfterSeconds && error.retryAfterSeconds > 60
      ? t('session:signIn.rateLimited', { minutes: Math.ceil(error.retryAfterSeconds / 60) })
      : t('session:signIn.rateLimitedShort')
  }
  if (error.status === 423 || /LOCKED/.test(error.code)) return t('session:signIn.locked')
  if (/DISABLED/.test(error.code)) return t('session:signIn.disabled')
  if (error.status === 401 || error.status === 403) return t('session:signIn.wrong')
  return errorSentence(error, t)
}
