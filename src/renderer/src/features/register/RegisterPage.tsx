import '../../styles/register.css'
import '../../styles/cart.css'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { v4 as uuidv4 } from 'uuid'
import { useAppInfo } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { Product } from '../../types'
import { useProtected } from '../approval/useProtected'
import { useCartOwnership } from '../session/useCartOwnership'
import { useCart } from './cart'
import {
  fromSnapshot,
  lineDisplayName,
  toLineDraft,
  toSnapshot,
  type LineChoice,
} from './cartModel'
import { CartPanel } from './CartPanel'
import { useCartTotals } from './cartTotals'
import { CatalogPane } from './CatalogPane'
import { CustomerDialog } from './CustomerDialog'
import { DiscountDialog } from './DiscountDialog'
import { OptionsDialog } from './OptionsDialog'
import { ParkedListDialog } from './ParkedListDialog'
import type { Customer, ParkedOrder, BarcodeMatch } from './saleTypes'
import type { CompletedSale } from './SaleConfirmation'
import { isOrderNumber } from './scanDetector'
import { TenderDialog } from './TenderDialog'
import { TextDialog } from './TextDialog'
import { useCatalog } from './useCatalog'
import { useParkedOrders } from './useParkedOrders'
import { useScannerWedge, type ScanEvent } from './useScannerWedge'
import { useStoreOptions } from './useStoreOptions'

type Dialog =
  | { type: 'options'; choice: LineChoice }
  | { type: 'pay' }
  | { type: 'lineDiscount'; lineId: string }
  | { type: 'lineNote'; lineId: string }
  | { type: 'orderDiscount' }
  | { type: 'orderNote' }
  | { type: 'customer' }
  | { type: 'void' }
  | { type: 'park' }
  | { type: 'parked' }

const voidReasonKeys = ['changedMind', 'mistake', 'couldNotPay'] as const

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return (
    target instanceof HTMLInputElement &&
    !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type)
  )
}

interface RegisterPageProps {
  /** The shell keeps the page mounted (the cart survives) and hides it behind other screens. */
  visible: boolean
  /** A scanned receipt barcode: show that order (refunds start there). */
  onOpenOrder: (orderNumber: string) => void
}

/** The whole register: catalog, search, scanner, cart, payment, park and recall. */
export function RegisterPage({ visible, onOpenOrder }: RegisterPageProps) {
  const { t } = useTranslation('register')
  const { pricingRules } = useAppInfo()
  const catalog = useCatalog()
  const cart = useCart()
  const options = useStoreOptions()
  const parked = useParkedOrders()
  useCartOwnership(cart, parked.reload)
  const protectedCall = useProtected()
  const { totals, error: totalsError } = useCartTotals(cart, pricingRules)
  const searchRef = useRef<HTMLInputElement>(null)
  const [searchText, setSearchText] = useState('')
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const [lastSale, setLastSale] = useState<CompletedSale | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [unknownBarcode, setUnknownBarcode] = useState<string | null>(null)
  const [lookupError, setLookupError] = useState<string | null>(null)
  // Scans are looked up one after another so they land in the cart in the order scanned.
  const lookupQueue = useRef<Promise<void>>(Promise.resolve())
  // Customers seen this session, so a recalled sale can show its customer's name.
  const customers = useRef(new Map<string, Customer>())
  const isIdle = visible && dialog === null

  const productsById = useMemo(() => {
    const map = new Map<string, Product>()
    if (catalog.state.status === 'ready')
      for (const product of catalog.state.catalog.products) map.set(product.id, product)
    return map
  }, [catalog.state])

  const clearMessages = useCallback(() => {
    setNotice(null)
    setUnknownBarcode(null)
    setLookupError(null)
  }, [])

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

  /** Adds at once, or asks for options first: always when tapped, when required if scanned. */
  const ringUp = useCallback(
    (choice: LineChoice, isScan: boolean) => {
      const { product } = choice
      const needsVariant = product.variants.length > 0 && !choice.variantId
      const hasRequiredGroup = product.modifierGroups.some((group) => group.minSelect > 0)
      const hasChoices = product.variants.length > 0 || product.modifierGroups.length > 0
      if (needsVariant || hasRequiredGroup || (!isScan && hasChoices))
        setDialog({ type: 'options', choice })
      else addLine(choice)
    },
    [addLine],
  )

  const addMatch = useCallback(
    (match: BarcodeMatch, code: string) => {
      const isEmbedded = match.weightGrams !== null || match.embeddedPriceCents !== null
      ringUp(
        {
          product: match.product,
          variantId: match.variantId,
          scannedBarcode: isEmbedded ? code : null,
          weightGrams: match.weightGrams,
          embeddedPriceCents: match.embeddedPriceCents,
        },
        true,
      )
    },
    [ringUp],
  )

  const handleScan = useCallback(
    ({ code, field }: ScanEvent) => {
      // The scanner typed into the search box: the code is not a search, take it back out.
      if (field !== null && field === searchRef.current)
        setSearchText((text) => (text.endsWith(code) ? text.slice(0, -code.length) : text))
      lookupQueue.current = lookupQueue.current.then(async () => {
        try {
          const match = await pos.invoke('catalog:lookupBarcode', { barcode: code })
          if (match) addMatch(match, code)
          else if (isOrderNumber(code)) onOpenOrder(code)
          else {
            clearMessages()
            setUnknownBarcode(code)
          }
        } catch (error) {
          clearMessages()
          setLookupError(t('notices.lookupBarcodeFailed', { code, error: errorMessage(error) }))
        }
      })
    },
    [addMatch, clearMessages, onOpenOrder, t],
  )

  useScannerWedge(isIdle, handleScan)

  function submitSearch(query: string) {
    setSearchText('')
    lookupQueue.current = lookupQueue.current.then(async () => {
      try {
        const [first] = await pos.invoke('catalog:search', { query, limit: 1 })
        if (first) ringUp({ product: first }, false)
        else {
          clearMessages()
          setNotice(t('notices.noMatch', { query }))
        }
      } catch (error) {
        clearMessages()
        setLookupError(t('notices.lookupFailed', { query, error: errorMessage(error) }))
      }
    })
  }

  const canPay = cart.lines.length > 0 && totals !== null
  const canPark = cart.lines.length > 0

  // Search has focus on arrival and again whenever a dialog goes away.
  useEffect(() => {
    if (isIdle) searchRef.current?.focus()
  }, [isIdle])

  useEffect(() => {
    if (!isIdle) return
    function shortcut(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return
      // Another screen's dialog (the lock screen, an approval) owns the keyboard.
      if (document.querySelector('dialog[open]')) return
      if (event.key === 'F2' || (event.key === '/' && !isTypingTarget(event.target))) {
        event.preventDefault()
        searchRef.current?.focus()
        searchRef.current?.select()
      } else if (event.key === 'F4') {
        event.preventDefault()
        if (canPay) setDialog({ type: 'pay' })
      } else if (event.key === 'F8') {
        event.preventDefault()
        if (canPark) setDialog({ type: 'park' })
      }
    }
    window.addEventListener('keydown', shortcut)
    return () => window.removeEventListener('keydown', shortcut)
  }, [isIdle, canPay, canPark])

  const closeDialog = useCallback(() => setDialog(null), [])

  async function voidSale(reason: string) {
    const snapshot = toSnapshot(cart)
    const result = await protectedCall('void', (approvalId) =>
      pos.invoke(
        'sale:void',
        approvalId ? { cart: snapshot, reason, approvalId } : { cart: snapshot, reason },
      ),
    )
    if (result === null) throw new Error(t('notices.voidNeedsManager'))
    cart.clear()
    setDialog(null)
    setNotice(t('notices.voided'))
  }

  async function park(label: string) {
    await pos.invoke(
      'park:save',
      label ? { label, cart: toSnapshot(cart) } : { cart: toSnapshot(cart) },
    )
    cart.clear()
    setDialog(null)
    clearMessages()
    setNotice(label ? t('notices.parkedAs', { label }) : t('notices.parked'))
    parked.reload()
  }

  async function recall(order: ParkedOrder, parkCurrentFirst: boolean) {
    if (catalog.state.status !== 'ready') throw new Error(t('notices.catalogLoading'))
    if (parkCurrentFirst) {
      await pos.invoke('park:save', { cart: toSnapshot(cart) })
      // Parked now: should the recall fail, the sale is safe in the list, not on screen twice.
      cart.clear()
      parked.reload()
    }
    const recalled = await pos.invoke('park:recall', { id: order.id })
    const customerId = recalled.cart.customerId
    const customer = customerId
      ? (customers.current.get(customerId) ?? {
          id: customerId,
          name: t('notices.parkedCustomer'),
          phone: null,
          email: null,
          note: null,
        })
      : null
    const restored = fromSnapshot(
      recalled.cart,
      productsById,
      options.embeddedBarcodes,
      customer,
      uuidv4,
    )
    cart.restore(restored.state)
    setLastSale(null)
    setDialog(null)
    parked.reload()
    clearMessages()
    if (restored.dropped.length > 0) {
      const names = restored.dropped.join(', ')
      setNotice(t('notices.dropped', { names, count: restored.dropped.length }))
    } else setNotice(t('notices.recalled', { label: recalled.label }))
  }

  const messages = (
    <>
      {notice && (
        <div role="status" className="notice">
          <span className="notice-message">{notice}</span>
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => setNotice(null)}
          >
            {t('notices.dismiss')}
          </button>
        </div>
      )}
      {unknownBarcode && (
        <div role="status" className="notice" data-testid="unknown-barcode">
          <span className="notice-message">
            {t('notices.unknownBarcode', { code: unknownBarcode })}
          </span>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              setSearchText(unknownBarcode)
              setUnknownBarcode(null)
              searchRef.current?.focus()
            }}
          >
            {t('notices.searchInstead')}
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => setUnknownBarcode(null)}
          >
            {t('notices.dismiss')}
          </button>
        </div>
      )}
      {lookupError && <ErrorAlert message={lookupError} onDismiss={() => setLookupError(null)} />}
    </>
  )

  const lineFor = (lineId: string) => cart.lines.find((line) => line.lineId === lineId)
  const lineIndex = (lineId: string) => cart.lines.findIndex((line) => line.lineId === lineId)
  const afterLineDiscountsCents =
    totals?.lines.reduce((sum, line) => sum + line.grossCents - line.lineDiscountCents, 0) ?? 0

  function renderDialog() {
    if (!dialog) return null
    switch (dialog.type) {
      case 'options':
        return (
          <OptionsDialog
            choice={dialog.choice}
            onClose={closeDialog}
            onAdd={(choice) => {
              setDialog(null)
              addLine(choice)
            }}
          />
        )
      case 'pay':
        if (!totals) return null
        return (
          <TenderDialog
            sale={{
              lines: cart.lines.map(toLineDraft),
              ...(cart.orderDiscount ? { orderDiscount: cart.orderDiscount } : {}),
              ...(cart.customer ? { customerId: cart.customer.id } : {}),
              ...(cart.note ? { note: cart.note } : {}),
            }}
            totalCents={totals.totalCents}
            tenders={options.tenderMethods}
            onClose={closeDialog}
            onCompleted={(receipt, tenderedCents) => {
              setLastSale({
                orderNumber: receipt.order.orderNumber,
                totalCents: receipt.order.totalCents,
                tenderedCents,
                changeCents: receipt.changeCents,
              })
              cart.clear()
              clearMessages()
              setDialog(null)
            }}
          />
        )
      case 'lineDiscount': {
        const line = lineFor(dialog.lineId)
        const lineTotals = totals?.lines[lineIndex(dialog.lineId)]
        if (!line || !lineTotals) return null
        return (
          <DiscountDialog
            title={t('dialogs.lineDiscountTitle', { name: lineDisplayName(line) })}
            baseCents={lineTotals.grossCents}
            current={line.discount}
            onClose={closeDialog}
            onApply={(discount) => {
              cart.setLineDiscount(line.lineId, discount)
              setDialog(null)
            }}
          />
        )
      }
      case 'lineNote': {
        const line = lineFor(dialog.lineId)
        if (!line) return null
        return (
          <TextDialog
            title={t('dialogs.lineNoteTitle', { name: lineDisplayName(line) })}
            label={t('dialogs.note')}
            initialValue={line.note}
            maxLength={200}
            confirmLabel={t('dialogs.saveNote')}
            onClose={closeDialog}
            onSubmit={(note) => {
              cart.setLineNote(line.lineId, note)
              setDialog(null)
            }}
          />
        )
      }
      case 'orderDiscount':
        return (
          <DiscountDialog
            title={t('dialogs.orderDiscount')}
            baseCents={afterLineDiscountsCents}
            current={cart.orderDiscount}
            onClose={closeDialog}
            onApply={(discount) => {
              cart.setOrderDiscount(discount)
              setDialog(null)
            }}
          />
        )
      case 'orderNote':
        return (
          <TextDialog
            title={t('dialogs.orderNote')}
            label={t('dialogs.note')}
            initialValue={cart.note}
            maxLength={500}
            confirmLabel={t('dialogs.saveNote')}
            onClose={closeDialog}
            onSubmit={(note) => {
              cart.setOrderNote(note)
              setDialog(null)
            }}
          />
        )
      case 'customer':
        return (
          <CustomerDialog
            onClose={closeDialog}
            onAttach={(customer) => {
              customers.current.set(customer.id, customer)
              cart.setCustomer(customer)
              setDialog(null)
            }}
          />
        )
      case 'void':
        return (
          <TextDialog
            title={t('dialogs.voidTitle')}
            label={t('dialogs.reason')}
            maxLength={200}
            isRequired
            isDanger
            confirmLabel={t('dialogs.voidSale')}
            suggestions={voidReasonKeys.map((key) => t(`voidReasons.${key}`))}
            onClose={closeDialog}
            onSubmit={voidSale}
          >
            <p className="dialog-intro">{t('dialogs.voidIntro')}</p>
          </TextDialog>
        )
      case 'park':
        return (
          <TextDialog
            title={t('dialogs.parkTitle')}
            label={t('dialogs.parkLabel')}
            maxLength={60}
            confirmLabel={t('dialogs.parkTitle')}
            onClose={closeDialog}
            onSubmit={park}
          />
        )
      case 'parked':
        return (
          <ParkedListDialog
            orders={parked.orders}
            loadError={parked.error}
            cartItemCount={cart.lines.reduce((count, line) => count + line.quantity, 0)}
            onRecall={recall}
            onClose={closeDialog}
          />
        )
      default: {
        const unknownDialog: never = dialog
        return unknownDialog
      }
    }
  }

  return (
    <div className="register" hidden={!visible}>
      <CatalogPane
        catalog={catalog.state}
        onReloadCatalog={catalog.reload}
        searchRef={searchRef}
        searchText={searchText}
        onSearchText={(text) => {
          setSearchText(text)
          setNotice(null)
          setUnknownBarcode(null)
        }}
        onSubmitSearch={submitSearch}
        onAddProduct={(product) => ringUp({ product }, false)}
        messages={messages}
      />

      <CartPanel
        cart={cart}
        totals={totals}
        totalsError={totalsError}
        lastSale={lastSale}
        parkedCount={parked.orders.length}
        onPay={() => {
          if (canPay) setDialog({ type: 'pay' })
        }}
        onClear={() => {
          if (cart.lines.length > 0) setDialog({ type: 'void' })
        }}
        onPark={() => {
          if (canPark) setDialog({ type: 'park' })
        }}
        onShowParked={() => {
          parked.reload()
          setDialog({ type: 'parked' })
        }}
        onLineDiscount={(line) => setDialog({ type: 'lineDiscount', lineId: line.lineId })}
        onLineNote={(line) => setDialog({ type: 'lineNote', lineId: line.lineId })}
        onOrderDiscount={() => setDialog({ type: 'orderDiscount' })}
        onOrderNote={() => setDialog({ type: 'orderNote' })}
        onCustomer={() => setDialog({ type: 'customer' })}
      />

      {renderDialog()}
    </div>
  )
}
