import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { Cents } from '../../../../shared/domain'
import { useAppInfo } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { errorMessage, pos } from '../../pos'
import type { Product, SaleReceipt } from '../../types'
import type { Cart } from './cart'
import { useCartTotals } from './cartTotals'
import { CartPanel } from './CartPanel'
import { CashDialog } from './CashDialog'
import { CategoryTabs, type CategoryFilter } from './CategoryTabs'
import { ProductGrid } from './ProductGrid'
import type { CompletedSale } from './SaleConfirmation'
import { SearchBox } from './SearchBox'
import type { CatalogState } from './useCatalog'
import { useProductSearch } from './useProductSearch'

interface RegisterScreenProps {
  catalog: CatalogState
  onReloadCatalog: () => void
  cart: Cart
  lastSale: CompletedSale | null
  onAddProduct: (product: Product) => void
  onSaleCompleted: (receipt: SaleReceipt, tenderedCents: Cents) => void
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return (
    target instanceof HTMLInputElement &&
    !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type)
  )
}

export function RegisterScreen(props: RegisterScreenProps) {
  const { catalog, onReloadCatalog, cart, lastSale, onAddProduct, onSaleCompleted } = props
  const { pricingRules } = useAppInfo()
  const searchRef = useRef<HTMLInputElement>(null)
  const panelId = useId()
  const [searchText, setSearchText] = useState('')
  const [category, setCategory] = useState<CategoryFilter>(null)
  const [isPaying, setIsPaying] = useState(false)
  const [lookupNotice, setLookupNotice] = useState<string | null>(null)
  const [lookupError, setLookupError] = useState<string | null>(null)
  // Scans are looked up one after another so they land in the cart in the order scanned.
  const lookupQueue = useRef<Promise<void>>(Promise.resolve())
  const search = useProductSearch(searchText)
  const { totals, error: totalsError } = useCartTotals(cart.lines, pricingRules)

  // Search has focus on arrival and again whenever the payment dialog goes away.
  useEffect(() => {
    if (!isPaying) searchRef.current?.focus()
  }, [isPaying])

  useEffect(() => {
    if (isPaying) return
    function focusSearch(event: KeyboardEvent) {
      const isShortcut = event.key === 'F2' || (event.key === '/' && !isTypingTarget(event.target))
      if (!isShortcut || event.ctrlKey || event.metaKey || event.altKey) return
      event.preventDefault()
      searchRef.current?.focus()
      searchRef.current?.select()
    }
    window.addEventListener('keydown', focusSearch)
    return () => window.removeEventListener('keydown', focusSearch)
  }, [isPaying])

  const colors = useMemo(() => {
    const map = new Map<string, string>()
    if (catalog.status === 'ready') {
      for (const entry of catalog.catalog.categories)
        if (entry.color) map.set(entry.id, entry.color)
    }
    return map
  }, [catalog])

  function addFirstMatch(query: string) {
    setSearchText('')
    lookupQueue.current = lookupQueue.current.then(async () => {
      try {
        const [first] = await pos.invoke('catalog:search', { query, limit: 1 })
        if (first) {
          onAddProduct(first)
          setLookupNotice(null)
        } else {
          setLookupNotice(`No product matches “${query}”.`)
        }
      } catch (error) {
        setLookupError(`Could not look up “${query}”: ${errorMessage(error)}`)
      }
    })
  }

  function addProduct(product: Product) {
    setLookupNotice(null)
    onAddProduct(product)
  }

  const query = searchText.trim()
  const isSearching = query !== ''
  let products: Product[] = []
  let panelLabel = 'All products'
  if (isSearching) {
    products = search.products
    panelLabel = `Results for “${query}”`
  } else if (catalog.status === 'ready') {
    const selected = catalog.catalog.categories.find((entry) => entry.id === category)
    products = selected
      ? catalog.catalog.products.filter((product) => product.categoryId === selected.id)
      : catalog.catalog.products
    panelLabel = selected ? selected.name : 'All products'
  }

  return (
    <div className="register">
      <section className="catalog" aria-label="Products">
        <div className="catalog-toolbar">
          <SearchBox
            inputRef={searchRef}
            value={searchText}
            onChange={(value) => {
              setSearchText(value)
              setLookupNotice(null)
            }}
            onSubmit={addFirstMatch}
          />
        </div>
        {/* Floats over the grid so a message never shifts the tiles under the cashier's finger. */}
        <div className="catalog-messages">
          {lookupNotice && (
            <div role="status" className="notice">
              <span className="notice-message">{lookupNotice}</span>
              <button
                type="button"
                className="button button-ghost button-small"
                onClick={() => setLookupNotice(null)}
              >
                Dismiss
              </button>
            </div>
          )}
          {lookupError && (
            <ErrorAlert message={lookupError} onDismiss={() => setLookupError(null)} />
          )}
          {search.error && <ErrorAlert message={search.error} />}
        </div>

        {catalog.status === 'ready' && (
          <CategoryTabs
            categories={catalog.catalog.categories}
            selected={isSearching ? undefined : category}
            onSelect={(categoryId) => {
              setCategory(categoryId)
              setSearchText('')
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
            <p className="catalog-message">Loading products…</p>
          )}
          {catalog.status === 'failed' && !isSearching && (
            <ErrorAlert message={catalog.message} onRetry={onReloadCatalog} />
          )}
          {isSearching && search.isCurrent && products.length === 0 && !search.error && (
            <p className="catalog-message">No products match “{query}”.</p>
          )}
          <ProductGrid products={products} colors={colors} onAdd={addProduct} />
        </div>
      </section>

      <CartPanel
        cart={cart}
        totals={totals}
        totalsError={totalsError}
        lastSale={lastSale}
        onPay={() => {
          if (cart.lines.length > 0 && totals) setIsPaying(true)
        }}
      />

      {isPaying && totals && (
        <CashDialog
          lines={cart.lines}
          totalCents={totals.totalCents}
          onClose={() => setIsPaying(false)}
          onCompleted={(receipt, tenderedCents) => {
            setIsPaying(false)
            onSaleCompleted(receipt, tenderedCents)
          }}
        />
      )}
    </div>
  )
}
