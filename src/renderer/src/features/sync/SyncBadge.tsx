import { syncBadge, type Badge } from './badge'
import { useSyncStatus } from './syncStatus'

/** Where sync stands, always in the top bar; opens the Sync screen. */
export function SyncBadge({ onOpen }: { onOpen: () => void }) {
  const { status, error } = useSyncStatus()
  let badge: Badge | null = null
  if (status) badge = syncBadge(status)
  else if (error) badge = { state: 'error', label: 'Sync error', title: error }

  return (
    <button
      type="button"
      className={`top-bar-sync top-bar-sync-${badge?.state ?? 'loading'}`}
      data-testid="sync-badge"
      data-state={badge?.state}
      title={badge?.title ?? 'Reading the sync status…'}
      onClick={onOpen}
    >
      {badge?.state === 'syncing' ? (
        <span className="spinner top-bar-sync-spinner" aria-hidden="true" />
      ) : (
        <span className="top-bar-sync-dot" aria-hidden="true" />
      )}
      <span className="top-bar-sync-label">{badge?.label ?? 'Sync'}</span>
    </button>
  )
}
