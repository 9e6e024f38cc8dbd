import { useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'
import type { Product } from '../../types'

interface ProductGridProps {
  products: Product[]
  /** Category colour per category id, for the stripe on each tile. */
  colors: ReadonlyMap<string, string>
  onAdd: (product: Product) => void
}

export function ProductGrid({ products, colors, onAdd }: ProductGridProps) {
  const money = useMoney()
  const { t } = useTranslation('register')
  return (
    <ul className="product-grid">
      {products.map((product) => {
        const color = product.categoryId ? colors.get(product.categoryId) : undefined
        return (
          <li key={product.id}>
            <button
              type="button"
              className="product-tile"
              data-testid="product-tile"
              data-sku={product.sku}
              style={color ? { '--accent': color } : undefined}
              onClick={() => onAdd(product)}
            >
              <span className="product-tile-name">{product.name}</span>
              <span className="product-tile-price">{money(product.priceCents)}</span>
              {product.onHand !== undefined && (
                <span
                  className={`product-tile-stock${product.onHand < 0 ? ' is-negative' : product.isLowStock ? ' is-low' : ''}`}
                  data-testid="product-tile-stock"
                  title={
                    product.onHand < 0
                      ? t('stock.negative')
                      : product.isLowStock
                        ? t('stock.low')
                        : undefined
                  }
                >
                  {t('stock.onHand', { count: product.onHand })}
                </span>
              )}
            </button>
          </li>
        )
      })}
    </ul>
  )
}
