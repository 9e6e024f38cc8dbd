import { useCallback, useEffect, useState } from 'react'
import { i18n } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { Catalog } from '../../types'

export type CatalogState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; catalog: Catalog }

/**
 * The active catalog: loaded once, again whenever main reports a catalog change (an edit, an
 * import, a sync pull), and on `reload` after a failure. A background reload keeps the grid up.
 */
export function useCatalog(): { state: CatalogState; reload: () => void } {
  const [state, setState] = useState<CatalogState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let isCurrent = true
    pos.invoke('catalog:list').then(
      (catalog) => {
        if (isCurrent) setState({ status: 'ready', catalog })
      },
      (error: unknown) => {
        if (!isCurrent) return
        // A failed background reload keeps the catalog the cashier is selling from.
        setState((previous) =>
          previous.status === 'ready'
            ? previous
            : {
                status: 'failed',
                message: i18n.t('register:notices.catalogFailed', { error: errorMessage(error) }),
              },
        )
      },
    )
    return () => {
      isCurrent = false
    }
  }, [attempt])

  useEffect(() => pos.on('catalog:changed', () => setAttempt((count) => count + 1)), [])

  const reload = useCallback(() => {
    setState({ status: 'loading' })
    setAttempt((count) => count + 1)
  }, [])

  return { state, reload }
}
