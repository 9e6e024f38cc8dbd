import { useEffect, useState } from 'react'
import { i18n } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { Product } from '../../types'

const debounceMs = 150
export const searchLimit = 60

export interface ProductSearchState {
  /** Results of the most recent finished search (possibly for an older query while typing). */
  products: Product[]
  /** True once `products` answer exactly the current query. */
  isCurrent: boolean
  error: string | null
}

interface SearchResult {
  query: string
  products: Product[]
  error: string | null
}

/**
 * Searches the catalog by name, SKU or barcode after the cashier pauses typing, and again when the
 * catalog changes (an edit, an import, a sync pull): the tiles show today's prices, not the ones
 * of when the words were typed.
 */
export function useProductSearch(text: string): ProductSearchState {
  const query = text.trim()
  const [result, setResult] = useState<SearchResult>({ query: '', products: [], error: null })
  const [catalogRevision, setCatalogRevision] = useState(0)

  useEffect(() => pos.on('catalog:changed', () => setCatalogRevision((count) => count + 1)), [])

  useEffect(() => {
    if (query === '') return
    let isLatest = true
    const timer = window.setTimeout(() => {
      pos.invoke('catalog:search', { query, limit: searchLimit }).then(
        (products) => {
          if (isLatest) setResult({ query, products, error: null })
        },
        (error: unknown) => {
          if (isLatest)
            setResult({
              query,
              products: [],
              error: i18n.t('register:notices.searchFailed', { error: errorMessage(error) }),
            })
        },
      )
    }, debounceMs)
    return () => {
      isLatest = false
      window.clearTimeout(timer)
    }
  }, [query, catalogRevision])

  const isCurrent = result.query === query
  return { products: result.products, isCurrent, error: isCurrent ? result.error : null }
}
