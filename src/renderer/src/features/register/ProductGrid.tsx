import { useMoney } from '../../appInfo'
import type { Product } from '../../types'

interface ProductGridProps {
  products: Product[]
  /** Category colour per category id, for the stripe on each tile. */
  colors: ReadonlyMap<string, string>
  onAdd: (product: Product) => void
}

export function ProductGrid({ products, colors, onAdd }: ProductGridProps) {
  const money = useMoney()
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
            </button>
          </li>
        )
      })}
    </ul>
  )
}
