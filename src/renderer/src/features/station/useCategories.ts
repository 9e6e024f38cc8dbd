import { useLoad } from '../../hooks/useLoad'
import { pos } from '../../pos'
import type { Category } from '../../types'

/** The store's categories (for kitchen subscriptions), following catalog changes. */
export function useCategories(): { categories: Category[] | null; error: string | null } {
  const catalog = useLoad(() => pos.invoke('catalog:list', undefined), [], {
    reloadOn: ['catalog:changed'],
  })
  return { categories: catalog.data?.categories ?? null, error: catalog.error }
}
