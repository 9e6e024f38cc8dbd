import { useLoad } from '../../hooks/useLoad'
import { i18n } from '../../i18n'
import { pos } from '../../pos'
import type { DeadRecord } from '../../types'

export interface DeadRecordsState {
  records: DeadRecord[] | null
  error: string | null
  refresh: () => void
}

/** The records the server refused for good, read again whenever their count changes. */
export function useDeadRecords(deadCount: number): DeadRecordsState {
  const dead = useLoad(() => pos.invoke('sync:listDead'), [deadCount], {
    describeError: (error) => i18n.t('sync:dead.loadFailed', { error }),
  })
  return { records: dead.data, error: dead.error, refresh: dead.reload }
}
