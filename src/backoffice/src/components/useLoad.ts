import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from '../i18n'
import { errorSentence } from '../forms/errorText'

export type Load<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: string }

/**
 * Loads `read` when `key` changes (what it reads: a store id, a page's name); `reload` fetches
 * again after a change on the server.
 */
export function useLoad<T>(read: () => Promise<T>, key: string) {
  const { t } = useTranslation('common')
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' })
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    let isCurrent = true
    read()
      .then((value) => isCurrent && setLoad({ state: 'ready', value }))
      .catch(
        (error: unknown) =>
          isCurrent && setLoad({ state: 'failed', error: errorSentence(error, t) }),
      )
    return () => {
      isCurrent = false
    }
    // `read` is rebuilt on every render; `key` names what it reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation, t])

  const reload = useCallback(() => setGeneration((count) => count + 1), [])
  return { load, reload }
}
