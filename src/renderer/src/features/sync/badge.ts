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
  return count === 1 ? '1 sale' : `${count} sales`
}

/** What the top bar says about sync: enrollment problems first, then the worker's state. */
export function syncBadge(status: SyncStatusView): Badge {
  const unsent = unsentCount(status.counts)
  const { dead } = status.counts
  switch (status.enrollment) {
    case 'not_enrolled':
      return {
        state: 'not-enrolled',
        label: 'Not enrolled',
        title: 'This register is not enrolled with a sync server. Sales stay on this register.',
      }
    case 'revoked':
      return {
        state: 'revoked',
        label: 'Re-enroll',
        title: 'The server no longer accepts this register. Enroll it again in Settings.',
      }
    case 'needs_reenrollment':
      return {
        state: 'revoked',
        label: 'Re-enroll',
        title: 'This data folder was copied from another machine. Enroll it again in Settings.',
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
        label: 'Syncing…',
        title:
          unsent > 0
            ? `Sending ${sales(unsent)} to the server…`
            : 'Exchanging changes with the server…',
      }
    case 'offline':
      return {
        state: 'offline',
        label: unsent > 0 ? `Offline · ${unsent} pending` : 'Offline',
        title: `The sync server cannot be reached. ${
          unsent > 0 ? `${sales(unsent)} will be sent when it is back.` : 'Nothing is waiting.'
        }`,
      }
    case 'error':
      return {
        state: 'error',
        label: 'Sync error',
        title: status.lastError?.message ?? 'The last sync failed.',
      }
    case 'idle':
      if (unsent > 0)
        return {
          state: 'pending',
          label: `${unsent} pending`,
          title: `${sales(unsent)} waiting to be sent to the server.`,
        }
      // A refused sale is not on the server: a manager has to look, so the badge must not say green.
      if (dead > 0)
        return {
          state: 'error',
          label: `${dead} refused`,
          title: `The server refused ${sales(dead)}. Open Sync to see why and retry.`,
        }
      return { state: 'synced', label: 'Synced', title: 'Every sale is on the server.' }
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
    unsent === 0 ? 'Nothing is waiting to be sent.' : `${sales(unsent)} waiting to be sent.`
  switch (status.state) {
    case 'syncing':
      return status.pull
        ? 'Receiving changes from the server…'
        : 'Exchanging changes with the server…'
    case 'offline':
      return unsent === 0
        ? 'Offline. Nothing is waiting to be sent.'
        : `Offline. ${sales(unsent)} will be sent when the server is back.`
    case 'error':
      return `Sync stopped. ${waiting}`
    case 'idle':
      if (unsent > 0) return waiting
      return status.counts.dead > 0
        ? `Up to date, except ${sales(status.counts.dead)} the server refused.`
        : 'Up to date. Every sale is on the server.'
    default: {
      const unknownState: never = status.state
      return unknownState
    }
  }
}
