import '../../styles/catalog.css'
import '../../styles/catalogSections.css'
import { useState } from 'react'
import { useAppInfo } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { CategoriesSection } from './CategoriesSection'
import { CsvSection } from './CsvSection'
import { ProductEditor } from './ProductEditor'
import { emptyProductForm, productToForm, type ProductForm } from './productForm'
import { ProductTable } from './ProductTable'
import { useCatalogData } from './useCatalogData'

/** The manager's catalog: products (inactive too), categories, CSV import and export. */
export function CatalogScreen() {
  const { t } = useTranslation('catalog')
  const { currency } = useAppInfo()
  const catalog = useCatalogData()
  // A fresh key per opening, so the editor starts from the product as it is now.
  const [editing, setEditing] = useState<{ key: number; form: ProductForm } | null>(null)
  const [status, setStatus] = useState('')
  const data = catalog.data

  function open(form: ProductForm) {
    setStatus('')
    setEditing((current) => ({ key: (current?.key ?? 0) + 1, form }))
  }

  const defaultTaxRateId =
    (data?.taxRates.find((rate) => rate.isDefault) ?? data?.taxRates[0])?.id ?? ''

  return (
    <div className="page catalog-page">
      <div className="page-content catalog-content">
        <header className="page-header">
          <h2 className="page-title">{t('screen.title')}</h2>
          <button
            type="button"
            className="button button-primary"
            disabled={!data}
            onClick={() => open(emptyProductForm(defaultTaxRateId))}
          >
            {t('screen.newProduct')}
          </button>
        </header>

        {catalog.error && <ErrorAlert message={catalog.error} onRetry={catalog.reload} />}
        <p role="status" className="catalog-status" data-testid="catalog-status">
          {status}
        </p>

        <section
          className="page-card"
          aria-labelledby="catalog-products-title"
          aria-busy={catalog.isLoading}
        >
          <h3 id="catalog-products-title" className="page-card-title">
            {t('screen.products')}
          </h3>
          {data === null ? (
            catalog.isLoading && <p className="page-loading">{t('screen.loading')}</p>
          ) : (
            <ProductTable
              products={data.products}
              categories={data.categories}
              taxRates={data.taxRates}
              onEdit={(product) => open(productToForm(product, currency))}
            />
          )}
        </section>

        {data && <CategoriesSection categories={data.categories} onSaved={catalog.reload} />}
        <CsvSection />
      </div>

      {editing && data && (
        <ProductEditor
          key={editing.key}
          initial={editing.form}
          categories={data.categories}
          taxRates={data.taxRates}
          onClose={() => setEditing(null)}
          onSaved={(product) => {
            setEditing(null)
            setStatus(t('screen.saved', { name: product.name }))
            catalog.reload()
          }}
        />
      )}
    </div>
  )
}
