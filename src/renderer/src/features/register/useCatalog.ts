import { useLoad } from '../../hooks/useLoad'
import { i18n } from '../../i18n'
import { pos } from '../../pos'
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
  const catalog = useLoad(() => pos.invoke('catalog:list'), [], {
    reloadOn: ['catalog:changed'],
    describeError: (error) => i18n.t('register:notices.catalogFailed', { error }),
  })
  // A failed background reload keeps the catalog the cashier is selling from.
  const state: CatalogState = catalog.data
    ? { status: 'ready', catalog: catalog.data }
    : catalog.error && !catalog.isLoading
      ? { status: 'failed', message: catalog.error }
      : { status: 'loading' }
  return { state, reload: catalog.reload }
}
