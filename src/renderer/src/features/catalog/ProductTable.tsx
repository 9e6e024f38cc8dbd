import { useDeferredValue, useMemo, useState } from 'react'
import { useDisplayLocale, useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'
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
  const { t } = useTranslation('catalog')
  const locale = useDisplayLocale()
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
          <span className="field-label">{t('table.search')}</span>
          <input
            className="field-input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('table.searchPlaceholder')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <p className="catalog-count" data-testid="catalog-count" aria-live="polite">
          {t('table.showing', {
            count: matches.length,
            shown: number(visible.length),
            total: number(matches.length),
          })}
          {deferredQuery.trim() !== '' && t('table.matching', { query: deferredQuery.trim() })}
        </p>
      </div>

      {matches.length === 0 ? (
        <p className="catalog-empty">
          {products.length === 0 ? t('table.noProducts') : t('table.noMatch')}
        </p>
      ) : (
        <div className="catalog-table-scroll">
          <table className="catalog-table" aria-label={t('table.label')}>
            <thead>
              <tr>
                <th scope="col">{t('table.name')}</th>
                <th scope="col">{t('table.sku')}</th>
                <th scope="col">{t('table.barcodes')}</th>
                <th scope="col">{t('table.category')}</th>
                <th scope="col" className="numeric">
                  {t('table.price')}
                </th>
                <th scope="col">{t('table.tax')}</th>
                <th scope="col">
                  <span className="catalog-visually-hidden">{t('table.actions')}</span>
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
                    {!product.isActive && (
                      <span className="inactive-badge">{t('table.inactive')}</span>
                    )}
                    {product.variants.length > 0 && (
                      <span className="catalog-product-extra">
                        {t('table.variants', { count: product.variants.length })}
                      </span>
                    )}
                  </td>
                  <td className="catalog-code">{product.sku}</td>
                  <td className="catalog-code">{product.barcodes.join(', ')}</td>
                  <td>{product.categoryId ? (categoryNames.get(product.categoryId) ?? '') : ''}</td>
                  <td className="numeric">
                    {money(product.priceCents)}
                    {product.pricingUnit === 'kg' && t('table.perKg')}
                  </td>
                  <td>
                    {rateNames.get(product.taxRateId) ??
                      formatRate(product.taxRateBasisPoints, locale)}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={t('table.editNamed', { name: product.name })}
                      onClick={() => onEdit(product)}
                    >
                      {t('table.edit')}
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
          {t('table.showMore', {
            number: number(Math.min(pageSize, matches.length - visible.length)),
          })}
        </button>
      )}
    </div>
  )
}
