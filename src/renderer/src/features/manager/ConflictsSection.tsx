import { useCallback, useState } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import { usePolled } from '../station/usePrintData'
import { ConflictCard, type Conflict, type Resolution } from './ConflictCard'

const conflictEvents = ['sync:statusChanged'] as const

/** Records the server and a register changed both ways: the manager picks or merges. */
export function ConflictsSection() {
  const { t } = useTranslation('manager')
  const read = useCallback(() => pos.invoke('manager:listConflicts'), [])
  const conflicts = usePolled(read, conflictEvents, 15_000)
  const [resolved, setResolved] = useState<Conflict[] | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  // The list a resolve call returned is shown until the next read arrives.
  const list = resolved ?? conflicts.data

  async function resolve(conflict: Conflict, resolution: Resolution): Promise<boolean> {
    setActionError(null)
    try {
      const remaining = await pos.invoke('manager:resolveConflict', {
        conflictId: conflict.id,
        ...resolution,
      })
      setResolved(remaining)
      conflicts.reload()
      return true
    } catch (failure) {
      setActionError(t('conflicts.resolveFailed', { reason: errorMessage(failure) }))
      return false
    }
  }

  return (
    <section
      className="page-card"
      aria-labelledby="manager-conflicts-title"
      data-testid="conflicts"
    >
      <h3 id="manager-conflicts-title" className="page-card-title">
        {t('conflicts.title')}
        {list && list.length > 0 && <span className="manager-count-badge">{list.length}</span>}
      </h3>
      {conflicts.error && (
        <ErrorAlert
          message={t('conflicts.loadFailed', { reason: conflicts.error })}
          onRetry={conflicts.reload}
        />
      )}
      {actionError && <ErrorAlert message={actionError} onDismiss={() => setActionError(null)} />}
      {list === null ? (
        !conflicts.error && <p className="page-loading">{t('conflicts.loading')}</p>
      ) : list.length === 0 ? (
        <p className="page-card-empty">{t('conflicts.none')}</p>
      ) : (
        <ul className="manager-conflicts">
          {list.map((conflict) => (
            <ConflictCard
              key={conflict.id}
              conflict={conflict}
              onResolve={(resolution) => resolve(conflict, resolution)}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
