import { useCallback, useRef, type RefObject } from 'react'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { LineChoice } from './cartModel'
import type { BarcodeMatch } from './saleTypes'
import { isOrderNumber } from './scanDetector'
import type { RegisterNoticesState } from './useRegisterNotices'
import { useScannerWedge, type ScanEvent } from './useScannerWedge'

interface RegisterScanOptions {
  /** The scanner is listened to only while the register is idle (shown, no dialog open). */
  isIdle: boolean
  searchRef: RefObject<HTMLInputElement | null>
  setSearchText: (change: (text: string) => string) => void
  ringUp: (choice: LineChoice, isScan: boolean) => void
  onOpenOrder: (orderNumber: string) => void
  notices: Pick<
    RegisterNoticesState,
    'clearMessages' | 'setNotice' | 'setUnknownBarcode' | 'setLookupError'
  >
}

/**
 * Barcode scans and Enter in the search box: each is looked up in turn, so items land in the cart
 * in the order scanned. A receipt barcode opens its order; anything unknown says so.
 */
export function useRegisterScan(options: RegisterScanOptions): (query: string) => void {
  const { t } = useTranslation('register')
  const { isIdle, searchRef, setSearchText, ringUp, onOpenOrder, notices } = options
  const { clearMessages, setNotice, setUnknownBarcode, setLookupError } = notices
  const lookupQueue = useRef<Promise<void>>(Promise.resolve())

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
    [
      addMatch,
      clearMessages,
      onOpenOrder,
      searchRef,
      setLookupError,
      setSearchText,
      setUnknownBarcode,
      t,
    ],
  )

  useScannerWedge(isIdle, handleScan)

  return function submitSearch(query: string) {
    setSearchText(() => '')
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
}
