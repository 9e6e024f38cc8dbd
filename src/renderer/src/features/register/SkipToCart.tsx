import { useTranslation } from '../../i18n'
import { cartRegionId } from './CartPanel'

/**
 * The register's first stop for the Tab key: past the top bar and the product tiles straight to
 * the cart. Hidden until focused.
 */
export function SkipToCart() {
  const { t } = useTranslation('cart')
  return (
    <a
      className="skip-link"
      href={`#${cartRegionId}`}
      onClick={(event) => {
        // Focus, not navigation: the renderer has no routes, and the cart takes focus itself.
        event.preventDefault()
        document.getElementById(cartRegionId)?.focus()
      }}
    >
      {t('skipToCart')}
    </a>
  )
}
