import '../../styles/register.css'
import '../../styles/cart.css'
import '../../styles/registerDialogs.css'
import { useCallback, useMemo, useRef, useState } from 'react'
import { useAppInfo } from '../../appInfo'
import type { Product } from '../../types'
import { usePublishDisplay } from '../customerDisplay/usePublishDisplay'
import { useCartOwnership } from '../session/useCartOwnership'
import { useSession } from '../session/useSession'
import { useCart } from './cart'
import { useCartAnnouncement } from './cartAnnouncement'
import type { LineChoice } from './cartModel'
import { CartPanel } from './CartPanel'
import { useCartTotals } from './cartTotals'
import { CatalogPane } from './CatalogPane'
import { RegisterDialogHost, type RegisterDialog } from './RegisterDialogHost'
import { RegisterNotices } from './RegisterNotices'
import { useRegisterShortcuts } from './registerShortcuts'
import type { CompletedSale } from './SaleConfirmation'
import { ringUpPlan, withDefaults } from './optionChoices'
import { useCatalog } from './useCatalog'
import { useParkedOrders } from './useParkedOrders'
import { useRegisterNotices } from './useRegisterNotices'
import { useRegisterScan } from './useRegisterScan'
import { useSaleActions } from './useSaleActions'
import { useStoreOptions } from './useStoreOptions'

interface RegisterPageProps {
  /** The shell keeps the page mounted (the cart survives) and hides it behind other screens. */
  visible: boolean
  /** A scanned receipt barcode: show that order (refunds start there). */
  onOpenOrder: (orderNumber: string) => void
  /** "Open a shift" when the store needs one to sell: the shift screen. */
  onOpenShift: () => void
}

/** The whole register: catalog, search, scanner, cart, payment, park and recall. */
export function RegisterPage({ visible, onOpenOrder, onOpenShift }: RegisterPageProps) {
  const { pricingRules } = useAppInfo()
  const catalog = useCatalog()
  const cart = useCart()
  const options = useStoreOptions()
  const parked = useParkedOrders()
  const notices = useRegisterNotices()
  const { session } = useSession()
  useCartOwnership(cart, parked.reload)
  const { totals, error: totalsError } = useCartTotals(cart, pricingRules)
  // Main refuses a sale without a shift when the store says so: Pay says it first.
  const needsShift = options.requireOpenShift && session.shift === null
  const searchRef = useRef<HTMLInputElement>(null)
  const [searchText, setSearchText] = useState('')
  const [dialog, setDialog] = useState<RegisterDialog | null>(null)
  const [lastSale, setLastSale] = useState<CompletedSale | null>(null)
  const isIdle = visible && dialog === null
  const paidSale = useMemo(
    () =>
      lastSale && {
        orderNumber: lastSale.order.orderNumber,
        totalCents: lastSale.order.totalCents,
        tenderedCents: lastSale.tenderedCents,
        changeCents: lastSale.changeCents,
      },
    [lastSale],
  )
  usePublishDisplay(cart.lines, totals, paidSale)
  const announcement = useCartAnnouncement(cart, totals, lastSale !== null)
  const { clearMessages } = notices

  const productsById = useMemo(() => {
    if (catalog.state.status !== 'ready') return null
    const map = new Map<string, Product>()
    for (const product of catalog.state.catalog.products) map.set(product.id, product)
    return map
  }, [catalog.state])

  const { add: addToCart } = cart
  const addLine = useCallback(
    (choice: LineChoice) => {
      // Ringing up the next item starts the next sale, so the last one's summary goes.
      setLastSale(null)
      clearMessages()
      addToCart(choice)
    },
    [addToCart, clearMessages],
  )

  /**
   * Adds at once with the product's default options, or asks first when a variant or a required
   * choice is still open. `isScan` is kept for the scanner's hook; both ring up the same way.
   */
  const ringUp = useCallback(
    (choice: LineChoice, _isScan: boolean) => {
      const plan = ringUpPlan(choice)
      if (plan.type === 'ask') setDialog({ type: 'options', choice: plan.choice })
      else addLine(plan.choice)
    },
    [addLine],
  )

  const submitSearch = useRegisterScan({
    isIdle,
    searchRef,
    setSearchText,
    ringUp,
    onOpenOrder,
    notices,
  })

  const canPay = cart.lines.length > 0 && totals !== null && !needsShift
  const canPark = cart.lines.length > 0
  const openPay = useCallback(() => setDialog({ type: 'pay' }), [])
  const openPark = useCallback(() => setDialog({ type: 'park' }), [])
  useRegisterShortcuts(isIdle, {
    searchRef,
    onPay: canPay ? openPay : null,
    onPark: canPark ? openPark : null,
  })

  const closeDialog = useCallback(() => setDialog(null), [])
  // The confirmation's New sale (or Enter): the next customer starts at the search box.
  const startNewSale = useCallback(() => {
    setLastSale(null)
    clearMessages()
    searchRef.current?.focus()
  }, [clearMessages])
  const actions = useSaleActions({
    cart,
    productsById,
    embeddedBarcodes: options.embeddedBarcodes,
    parked,
    notices,
    closeDialog,
    clearLastSale: () => setLastSale(null),
  })

  return (
    <div className="register" hidden={!visible}>
      <CatalogPane
        catalog={catalog.state}
        onReloadCatalog={catalog.reload}
        searchRef={searchRef}
        searchText={searchText}
        onSearchText={(text) => {
          setSearchText(text)
          notices.setNotice(null)
          notices.setUnknownBarcode(null)
        }}
        onSubmitSearch={submitSearch}
        onAddProduct={(product) => ringUp({ product }, false)}
        onProductOptions={(product) =>
          setDialog({ type: 'options', choice: withDefaults({ product }) })
        }
        messages={
          <RegisterNotices
            notice={notices.notice}
            unknownBarcode={notices.unknownBarcode}
            lookupError={notices.lookupError}
            onDismissNotice={() => notices.setNotice(null)}
            onDismissUnknown={() => notices.setUnknownBarcode(null)}
            onSearchUnknown={(code) => {
              setSearchText(code)
              notices.setUnknownBarcode(null)
              searchRef.current?.focus()
            }}
            onDismissLookupError={() => notices.setLookupError(null)}
          />
        }
      />

      <CartPanel
        cart={cart}
        totals={totals}
        totalsError={totalsError}
        lastSale={lastSale}
        onNewSale={startNewSale}
        parkedCount={parked.orders.length}
        onPay={() => {
          if (canPay) openPay()
        }}
        onClear={() => {
          if (cart.lines.length > 0) setDialog({ type: 'clear' })
        }}
        onPark={() => {
          if (canPark) openPark()
        }}
        onShowParked={() => {
          parked.reload()
          setDialog({ type: 'parked' })
        }}
        onEditLine={(line) => setDialog({ type: 'line', lineId: line.lineId })}
        onOpenShift={needsShift ? onOpenShift : null}
        announcement={announcement}
        onOrderDiscount={() => setDialog({ type: 'orderDiscount' })}
        onOrderNote={() => setDialog({ type: 'orderNote' })}
        onCustomer={() => setDialog({ type: 'customer' })}
      />

      {dialog && (
        <RegisterDialogHost
          dialog={dialog}
          cart={cart}
          totals={totals}
          tenders={options.tenderMethods}
          parked={parked}
          onClose={closeDialog}
          onOpen={setDialog}
          onAddLine={addLine}
          onSaleCompleted={(receipt, tenderedCents) => {
            setLastSale({
              order: receipt.order,
              tenderedCents,
              changeCents: receipt.changeCents,
              customerEmail: cart.customer?.email ?? null,
            })
            cart.clear()
            clearMessages()
            setDialog(null)
          }}
          onAttachCustomer={(customer) => {
            actions.rememberCustomer(customer)
            cart.setCustomer(customer)
            setDialog(null)
          }}
          onClear={actions.clearSale}
          onPark={actions.park}
          onRecall={actions.recall}
        />
      )}
    </div>
  )
}
