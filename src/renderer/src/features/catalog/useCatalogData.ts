import { useCallback, useEffect, useState } from 'react'
import type { InvokeOutput } from '../../../../shared/ipc'
import { i18n } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { Category } from '../../types'

export type CatalogProduct = InvokeOutput<'catalog:listAll'>[number]
export type TaxRate = InvokeOutput<'catalog:listTaxRates'>[number]

export interface CatalogData {
  products: CatalogProduct[]
  categories: Category[]
  taxRates: TaxRate[]
}

export interface CatalogDataState {
  data: CatalogData | null
  error: string | null
  isLoading: boolean
  reload: () => void
}

// catalog:list always answers with every category; naming a category no product has keeps it
// from also sending every active product, which catalog:listAll has already sent.
const noCategory = '00000000-0000-0000-0000-000000000000'

/** Every product (inactive too), the categories and the tax rates, fetched again on any change. */
export function useCatalogData(): CatalogDataState {
  const [version, setVersion] = useState(0)
  const [loaded, setLoaded] = useState<{ version: number; error: string | null } | null>(null)
  const [data, setData] = useState<CatalogData | null>(null)

  useEffect(() => {
    let isCurrent = true
    Promise.all([
      pos.invoke('catalog:listAll'),
      pos.invoke('catalog:list', { categoryId: noCategory }),
      pos.invoke('catalog:listTaxRates'),
    ]).then(
      ([products, catalog, taxRates]) => {
        if (!isCurrent) return
        setData({ products, categories: catalog.categories, taxRates })
        setLoaded({ version, error: null })
      },
      (failure: unknown) => {
        if (isCurrent)
          setLoaded({
            version,
            error: i18n.t('catalog:screen.loadFailed', { error: errorMessage(failure) }),
          })
      },
    )
    return () => {
      isCurrent = false
    }
  }, [version])

  useEffect(
    // Edits here, imports and edits synced from other registers all announce themselves.
    () => pos.on('catalog:changed', () => setVersion((count) => count + 1)),
    [],
  )

  const reload = useCallback(() => setVersion((count) => count + 1), [])
  return {
    // The previous catalog stays up while a reload is on its way.
    data,
    error: loaded?.error ?? null,
    isLoading: loaded?.version !== version,
    reload,
  }
}
