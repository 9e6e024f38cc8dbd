import { useDeferredValue, useMemo, useState } from 'react'
import { useAppInfo, useMoney } from '../../appInfo'
import type { Category } from '../../types'
import { filterProducts, searchKeys } from './productFilter'
import type { CatalogProduct, TaxRate } from './useCatalogData'

const pageSize = 200

interface ProductTableProps {
  products: readonly CatalogProduct[]
  categories: readonly Category[]
  taxRates: readonly TaxRate[]
  onEdit: (product: CatalogProduct) => void
}

function formatRate(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(
    basisPoints / 10_000,
  )
}

/** Every product, searchable; only a page of matches is in the page at a time. */
export function ProductTable({ products, categories, taxRates, onEdit }: ProductTableProps) {
  const { locale } = useAppInfo()
  const money = useMoney()
  const [query, setQuery] = useState('')
  const [shown, setShown] = useState({ query: '', count: pageSize })
  // Typing stays instant; the filtering of a large catalog follows a frame behind.
  const deferredQuery = useDeferredValue(query)
  const keys = useMemo(() => searchKeys(products), [products])
  const matches = useMemo(
    () => filterProducts(products, keys, deferredQuery),
    [products, keys, deferredQuery],
  )
  const categoryNames = useMemo(
    () => new Map(categories.map((category) => [category.id, category.name])),
    [categories],
  )
  const rateNames = useMemo(() => new Map(taxRates.map((rate) => [rate.id, rate.name])), [taxRates])
  // A new search starts again from its first page.
  const count = shown.query === deferredQuery ? shown.count : pageSize
  const visible = matches.slice(0, count)
  const number = (value: number) => value.toLocaleString(locale)

  return (
    <div className="catalog-products">
      <div className="catalog-search">
        <label className="field catalog-search-field">
          <span className="field-label">Search catalog</span>
          <input
            className="field-input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder="Name, SKU or barcode"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <p className="catalog-count" data-testid="catalog-count" aria-live="polite">
          Showing {number(visible.length)} of {number(matches.length)}{' '}
          {matches.length === 1 ? 'product' : 'products'}
          {deferredQuery.trim() !== '' && ` matching “${deferredQuery.trim()}”`}
        </p>
      </div>

      {matches.length === 0 ? (
        <p className="catalog-empty">
          {products.length === 0
            ? 'No products yet. Add one with "New product" or import a CSV file.'
            : 'No product matches. Try part of the name, the SKU or the barcode.'}
        </p>
      ) : (
        <div className="catalog-table-scroll">
          <table className="catalog-table" aria-label="Products">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">SKU</th>
                <th scope="col">Barcodes</th>
                <th scope="col">Category</th>
                <th scope="col" className="numeric">
                  Price
                </th>
                <th scope="col">Tax</th>
                <th scope="col">
                  <span className="catalog-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((product) => (
                <tr
                  key={product.id}
                  className={product.isActive ? undefined : 'catalog-row-inactive'}
                  data-testid="catalog-row"
                >
                  <td>
                    <span className="catalog-product-name">{product.name}</span>
                    {!product.isActive && <span className="inactive-badge">Inactive</span>}
                    {product.variants.length > 0 && (
                      <span className="catalog-product-extra">
                        {product.variants.length}{' '}
                        {product.variants.length === 1 ? 'variant' : 'variants'}
                      </span>
                    )}
                  </td>
                  <td className="catalog-code">{product.sku}</td>
                  <td className="catalog-code">{product.barcodes.join(', ')}</td>
                  <td>{product.categoryId ? (categoryNames.get(product.categoryId) ?? '') : ''}</td>
                  <td className="numeric">
                    {money(product.priceCents)}
                    {product.pricingUnit === 'kg' && ' / kg'}
                  </td>
                  <td>
                    {rateNames.get(product.taxRateId) ??
                      formatRate(product.taxRateBasisPoints, locale)}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={`Edit ${product.name}`}
                      onClick={() => onEdit(product)}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {matches.length > visible.length && (
        <button
          type="button"
          className="button button-secondary catalog-more"
          onClick={() => setShown({ query: deferredQuery, count: count + pageSize })}
        >
          Show {number(Math.min(pageSize, matches.length - visible.length))} more
        </button>
      )}
    </div>
  )
}
