import { useEffect, useState } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { i18n, useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { SyncStatusView } from '../../types'
import { unsentCount } from './syncStatus'

type Run =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: SyncStatusView }
  | { status: 'failed'; message: string }

interface SyncNowButtonProps {
  /** A run the worker started on its own (timer, poke, commit) is under way. */
  isSyncing: boolean
  onStatus: (status: SyncStatusView) => void
}

function resultMessage(result: SyncStatusView): { tone: 'good' | 'warning'; text: string } {
  const unsent = unsentCount(result.counts)
  switch (result.state) {
    case 'offline':
      return { tone: 'warning', text: i18n.t('sync:now.unreachable') }
    case 'error':
      return {
        tone: 'warning',
        text: i18n.t('sync:now.notFinished', {
          error: result.lastError?.message ?? i18n.t('sync:now.unknownError'),
        }),
      }
    case 'idle':
    case 'syncing':
      if (unsent > 0)
        return {
          tone: 'warning',
          text: i18n.t('sync:now.stillWaiting', { count: unsent }),
        }
      return { tone: 'good', text: i18n.t('sync:now.done') }
    default: {
      const unknownState: never = result.state
      return unknownState
    }
  }
}

/** "Sync now": pushes and pulls at once, then says how it went. */
/** How long "Sync finished…" stays up before it would be mistaken for the current state. */
const resultShownMs = 15_000

export function SyncNowButton({ isSyncing, onStatus }: SyncNowButtonProps) {
  const { t } = useTranslation('sync')
  const [run, setRun] = useState<Run>({ status: 'idle' })
  const isRunning = run.status === 'running'

  useEffect(() => {
    if (run.status !== 'done') return
    const timer = window.setTimeout(() => setRun({ status: 'idle' }), resultShownMs)
    return () => window.clearTimeout(timer)
  }, [run])

  const isBlocked = isRunning || isSyncing

  async function syncNow() {
    if (isBlocked) return
    setRun({ status: 'running' })
    try {
      const result = await pos.invoke('sync:runNow')
      onStatus(result)
      setRun({ status: 'done', result })
    } catch (failure) {
      setRun({ status: 'failed', message: t('now.failed', { error: errorMessage(failure) }) })
    }
  }

  const outcome = run.status === 'done' ? resultMessage(run.result) : null
  // The label stays "Sync now" while it runs, so it can always be found by name; aria-disabled
  // rather than disabled keeps keyboard focus on the button through the run.
  return (
    <>
      <button
        type="button"
        className="button button-primary sync-now-button"
        aria-disabled={isBlocked}
        aria-busy={isRunning}
        onClick={() => void syncNow()}
      >
        {isBlocked ? (
          <span className="spinner" aria-hidden="true" />
        ) : (
          <span className="sync-now-icon" aria-hidden="true">
            ⟳
          </span>
        )}
        {t('now.label')}
      </button>
      <p
        role="status"
        className={`sync-now-result${outcome ? ` sync-now-result-${outcome.tone}` : ''}`}
        data-testid="sync-now-result"
      >
        {isRunning ? t('now.running') : (outcome?.text ?? '')}
      </p>
      {run.status === 'failed' && (
        <ErrorAlert
          className="sync-now-error"
          message={run.message}
          onDismiss={() => setRun({ status: 'idle' })}
        />
      )}
    </>
  )
}
