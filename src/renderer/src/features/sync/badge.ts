import { i18n } from '../../i18n'
import type { SyncStatusView } from '../../types'
import { unsentCount } from './syncStatus'

export type BadgeState =
  'synced' | 'pending' | 'syncing' | 'offline' | 'error' | 'not-enrolled' | 'revoked'

export interface Badge {
  state: BadgeState
  /** Short enough for the top bar. */
  label: string
  /** The longer explanation, shown on hover. */
  title: string
}

function sales(count: number): string {
  return i18n.t('sync:sales', { count })
}

const t = (key: string, options?: Record<string, unknown>) => i18n.t(`sync:${key}`, options)

/** What the top bar says about sync: enrollment problems first, then the worker's state. */
export function syncBadge(status: SyncStatusView): Badge {
  const unsent = unsentCount(status.counts)
  const { dead } = status.counts
  switch (status.enrollment) {
    case 'not_enrolled':
      return {
        state: 'not-enrolled',
        label: t('badge.notEnrolled'),
        title: t('badge.notEnrolledTitle'),
      }
    case 'revoked':
      return {
        state: 'revoked',
        label: t('badge.reenroll'),
        title: t('badge.revokedTitle'),
      }
    case 'needs_reenrollment':
      return {
        state: 'revoked',
        label: t('badge.reenroll'),
        title: t('badge.copiedTitle'),
      }
    case 'enrolled':
      break
    default: {
      const unknownEnrollment: never = status.enrollment
      return unknownEnrollment
    }
  }

  switch (status.state) {
    case 'syncing':
      return {
        state: 'syncing',
        label: t('badge.syncing'),
        title: unsent > 0 ? t('badge.sending', { sales: sales(unsent) }) : t('badge.exchanging'),
      }
    case 'offline':
      return {
        state: 'offline',
        label: unsent > 0 ? t('badge.offlinePending', { count: unsent }) : t('badge.offline'),
        title: t('badge.offlineTitle', {
          detail:
            unsent > 0
              ? t('badge.willBeSent', { sales: sales(unsent) })
              : t('badge.nothingWaiting'),
        }),
      }
    case 'error':
      return {
        state: 'error',
        label: t('badge.error'),
        title: status.lastError?.message ?? t('badge.lastFailed'),
      }
    case 'idle':
      if (unsent > 0)
        return {
          state: 'pending',
          label: t('badge.pending', { count: unsent }),
          title: t('badge.pendingTitle', { sales: sales(unsent) }),
        }
      // A refused sale is not on the server: a manager has to look, so the badge must not say green.
      if (dead > 0)
        return {
          state: 'error',
          label: t('badge.refused', { count: dead }),
          title: t('badge.refusedTitle', { sales: sales(dead) }),
        }
      return { state: 'synced', label: t('badge.synced'), title: t('badge.syncedTitle') }
    default: {
      const unknownState: never = status.state
      return unknownState
    }
  }
}

/** One sentence under the Sync screen's title; the alert below it carries any error's detail. */
export function syncSummary(status: SyncStatusView): string {
  const unsent = unsentCount(status.counts)
  const waiting =
    unsent === 0 ? t('summary.nothingWaiting') : t('summary.waiting', { sales: sales(unsent) })
  switch (status.state) {
    case 'syncing':
      return status.pull ? t('summary.receiving') : t('summary.exchanging')
    case 'offline':
      return unsent === 0
        ? t('summary.offlineNothing')
        : t('summary.offlineWaiting', { sales: sales(unsent) })
    case 'error':
      return t('summary.stopped', { waiting })
    case 'idle':
      if (unsent > 0) return waiting
      return status.counts.dead > 0
        ? t('summary.upToDateExcept', { sales: sales(status.counts.dead) })
        : t('summary.upToDate')
    default: {
      const unknownState: never = status.state
      return unknownState
    }
  }
}
