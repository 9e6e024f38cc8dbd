import { i18n } from '../../i18n'
import type { SyncStatusView } from '../../types'

/** Why this register cannot sync until a manager enrolls it, in words for the manager. */
export function enrollmentProblem(enrollment: SyncStatusView['enrollment']): string | null {
  switch (enrollment) {
    case 'enrolled':
      return null
    case 'not_enrolled':
      return i18n.t('sync:enrollment.notEnrolled')
    case 'revoked':
      return i18n.t('sync:enrollment.revoked')
    case 'needs_reenrollment':
      return i18n.t('sync:enrollment.copied')
    default: {
      const unknownEnrollment: never = enrollment
      return unknownEnrollment
    }
  }
}
