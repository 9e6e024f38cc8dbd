import type { SyncStatusView } from '../../types'

/** Why this register cannot sync until a manager enrolls it, in words for the manager. */
export function enrollmentProblem(enrollment: SyncStatusView['enrollment']): string | null {
  switch (enrollment) {
    case 'enrolled':
      return null
    case 'not_enrolled':
      return 'This register is not enrolled with a sync server yet. Its sales are kept here and sent once a manager enrolls it.'
    case 'revoked':
      return 'The server no longer accepts this register. Ask a manager for a new enrollment code.'
    case 'needs_reenrollment':
      return "This register's data folder was copied from another machine. Enroll it again so it gets its own identity."
    default: {
      const unknownEnrollment: never = enrollment
      return unknownEnrollment
    }
  }
}
