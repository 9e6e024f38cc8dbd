import { useCallback, useEffect, useState } from 'react'
import { errorMessage, pos } from '../../pos'
import type { Catalog } from '../../types'

export type CatalogState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; catalog: Catalog }

/** The active catalog, loaded once per session; `reload` tries again after a failure. */
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
        if (isCurrent)
          setState({
            status: 'failed',
            message: `Could not load the products: ${errorMessage(error)}`,
          })
      },
    )
    return () => {
      isCurrent = false
    }
  }, [attempt])

  const reload = useCallback(() => {
    setState({ status: 'loading' })
    setAttempt((count) => count + 1)
  }, [])

  return { state, reload }
}
