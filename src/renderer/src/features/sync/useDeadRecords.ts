import { useCallback, useEffect, useState } from 'react'
import { i18n } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { DeadRecord } from '../../types'

export interface DeadRecordsState {
  records: DeadRecord[] | null
  error: string | null
  refresh: () => void
}

/** The records the server refused for good, read again whenever their count changes. */
export function useDeadRecords(deadCount: number): DeadRecordsState {
  const [records, setRecords] = useState<DeadRecord[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let isCurrent = true
    pos.invoke('sync:listDead').then(
      (list) => {
        if (!isCurrent) return
        setRecords(list)
        setError(null)
      },
      (failure: unknown) => {
        if (isCurrent) setError(i18n.t('sync:dead.loadFailed', { error: errorMessage(failure) }))
      },
    )
    return () => {
      isCurrent = false
    }
  }, [deadCount, attempt])

  const refresh = useCallback(() => setAttempt((count) => count + 1), [])
  return { records, error, refresh }
}
