import { useId, useMemo, useState, type ReactNode, type RefObject } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import type { Product } from '../../types'
import { CategoryTabs, type CategoryFilter } from './CategoryTabs'
import { ProductGrid } from './ProductGrid'
import { SearchBox } from './SearchBox'
import type { CatalogState } from './useCatalog'
import { useProductSearch } from './useProductSearch'

interface CatalogPaneProps {
  catalog: CatalogState
  onReloadCatalog: () => void
  searchRef: RefObject<HTMLInputElement | null>
  searchText: string
  onSearchText: (text: string) => void
  /** Enter in the search box (typed, not scanned): ring up the first match. */
  onSubmitSearch: (query: string) => void
  onAddProduct: (product: Product) => void
  onProductOptions: (product: Product) => void
  /** Notices floating over the grid (scan results, lookups). */
  messages: ReactNode
}

/** Search, category tabs and the product grid. */
export function CatalogPane(props: CatalogPaneProps) {
  const { catalog, searchText } = props
  const { t } = useTranslation('register')
  const panelId = useId()
  const [category, setCategory] = useState<CategoryFilter>(null)
  const search = useProductSearch(searchText)

  const colors = useMemo(() => {
    const map = new Map<string, string>()
    if (catalog.status === 'ready') {
      for (const entry of catalog.catalog.categories)
        if (entry.color) map.set(entry.id, entry.color)
    }
    return map
  }, [catalog])

  const query = searchText.trim()
  const isSearching = query !== ''
  let products: Product[] = []
  let panelLabel = t('catalog.allProducts')
  if (isSearching) {
    products = search.products
    panelLabel = t('catalog.resultsFor', { query })
  } else if (catalog.status === 'ready') {
    const selected = catalog.catalog.categories.find((entry) => entry.id === category)
    products = selected
      ? catalog.catalog.products.filter((product) => product.categoryId === selected.id)
      : catalog.catalog.products
    panelLabel = selected ? selected.name : t('catalog.allProducts')
  }

  return (
    <section className="catalog" aria-label={t('catalog.products')}>
      <div className="catalog-toolbar">
        <SearchBox
          inputRef={props.searchRef}
          value={searchText}
          onChange={props.onSearchText}
          onSubmit={props.onSubmitSearch}
        />
      </div>
      {/* Floats over the grid so a message never shifts the tiles under the cashier's finger. */}
      <div className="catalog-messages">
        {props.messages}
        {search.error && <ErrorAlert message={search.error} />}
      </div>

      {catalog.status === 'ready' && (
        <CategoryTabs
          categories={catalog.catalog.categories}
          selected={isSearching ? undefined : category}
          onSelect={(categoryId) => {
            setCategory(categoryId)
            props.onSearchText('')
          }}
          panelId={panelId}
        />
      )}
      <div
        role="tabpanel"
        id={panelId}
        aria-label={panelLabel}
        aria-busy={isSearching && !search.isCurrent}
        className="catalog-panel"
      >
        {catalog.status === 'loading' && !isSearching && (
          <p className="catalog-message">{t('catalog.loading')}</p>
        )}
        {catalog.status === 'failed' && !isSearching && (
          <ErrorAlert message={catalog.message} onRetry={props.onReloadCatalog} />
        )}
        {isSearching && search.isCurrent && products.length === 0 && !search.error && (
          <p className="catalog-message">{t('catalog.noResults', { query })}</p>
        )}
        <ProductGrid
          products={products}
          colors={colors}
          onAdd={props.onAddProduct}
          onOptions={props.onProductOptions}
        />
      </div>
    </section>
  )
}
