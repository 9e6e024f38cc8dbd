import { useRef, type PointerEvent } from 'react'
import { useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'
import type { Product } from '../../types'
import { hasOptions } from './optionChoices'

interface ProductGridProps {
  products: Product[]
  /** Category colour per category id, for the stripe on each tile. */
  colors: ReadonlyMap<string, string>
  onAdd: (product: Product) => void
  /** A long press or right-click (or the context-menu key): choose options before adding. */
  onOptions: (product: Product) => void
}

const longPressMs = 500

/**
 * The catalog's tiles. A tap adds the product (with its default options); holding a tile, or
 * right-clicking it, opens its options first. A held press does not also add on release.
 */
export function ProductGrid({ products, colors, onAdd, onOptions }: ProductGridProps) {
  const money = useMoney()
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const wasHeld = useRef(false)

  function cancelHold() {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
  }

  function startHold(event: PointerEvent<HTMLButtonElement>, product: Product) {
    wasHeld.current = false
    cancelHold()
    // A mouse has a right button for this; a finger or pen holds.
    if (event.pointerType === 'mouse' || !hasOptions(product)) return
    timer.current = setTimeout(() => {
      timer.current = null
      wasHeld.current = true
      onOptions(product)
    }, longPressMs)
  }

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
              onClick={() => {
                if (wasHeld.current) wasHeld.current = false
                else onAdd(product)
              }}
              onPointerDown={(event) => startHold(event, product)}
              onPointerUp={cancelHold}
              onPointerLeave={cancelHold}
              onPointerCancel={cancelHold}
              onContextMenu={(event) => {
                if (!hasOptions(product)) return
                event.preventDefault()
                cancelHold()
                onOptions(product)
              }}
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
