import type { InvokeOutput } from '../../../../shared/ipc'
import { useLoad } from '../../hooks/useLoad'
import { i18n } from '../../i18n'
import { pos } from '../../pos'
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

async function readCatalogData(): Promise<CatalogData> {
  const [products, catalog, taxRates] = await Promise.all([
    pos.invoke('catalog:listAll'),
    pos.invoke('catalog:list', { categoryId: noCategory }),
    pos.invoke('catalog:listTaxRates'),
  ])
  return { products, categories: catalog.categories, taxRates }
}

/** Every product (inactive too), the categories and the tax rates, fetched again on any change. */
export function useCatalogData(): CatalogDataState {
  // The previous catalog stays up while a reload is on its way. Edits here, imports and edits
  // synced from other registers all announce themselves with catalog:changed.
  return useLoad(readCatalogData, [], {
    reloadOn: ['catalog:changed'],
    describeError: (error) => i18n.t('catalog:screen.loadFailed', { error }),
  })
}
