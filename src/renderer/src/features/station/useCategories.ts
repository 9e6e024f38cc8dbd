import { useEffect, useState } from 'react'
import { errorMessage, pos } from '../../pos'
import type { Category } from '../../types'

/** The store's categories (for kitchen subscriptions), following catalog changes. */
export function useCategories(): { categories: Category[] | null; error: string | null } {
  const [categories, setCategories] = useState<Category[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [tick, setTick] = useState(0)

  useEffect(() => pos.on('catalog:changed', () => setTick((count) => count + 1)), [])

  useEffect(() => {
    let isCurrent = true
    pos.invoke('catalog:list', undefined).then(
      (catalog) => {
        if (!isCurrent) return
        setCategories(catalog.categories)
        setError(null)
      },
      (failure: unknown) => {
        if (isCurrent) setError(errorMessage(failure))
      },
    )
    return () => {
      isCurrent = false
    }
  }, [tick])

  return { categories, error }
}
