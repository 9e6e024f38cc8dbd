import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { Product } from '../../types'
import { useScannerWedge, type ScanEvent } from '../register/useScannerWedge'
import { itemFromProduct, scannedQuantity, type StockItem } from './stockItem'

/** Something the person scanning must read: a code not in the catalog, a failed lookup. */
export interface ScanNotice {
  kind: 'unknown' | 'error'
  message: string
}

/** A product with variants picked or scanned by its own code: which variant is it? */
export interface VariantQuestion {
  product: Product
  quantity: number
}

export interface StockScan {
  notice: ScanNotice | null
  setNotice: (notice: ScanNotice | null) => void
  question: VariantQuestion | null
  answer: (variantId: string | null) => void
  /** A product picked from search results (one unit). */
  pick: (product: Product) => void
  /** A code typed and Enter: looked up as a barcode, else the first search result. */
  submitTyped: (text: string) => void
}

/**
 * Puts back what a wedge scanner typed into a field before its Enter: the field's own onChange
 * sees the value without the code, as if the scan had gone nowhere.
 */
function takeBack(field: HTMLInputElement | HTMLTextAreaElement, code: string) {
  if (!field.value.endsWith(code)) return
  const prototype =
    field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(
    field,
    field.value.slice(0, -code.length),
  )
  field.dispatchEvent(new Event('input', { bubbles: true }))
}

/**
 * The Stock screen's scanner: while `isEnabled`, each scan is looked up in turn (so lines change in
 * the order scanned) and handed to `onItem` with the quantity it stands for (one, or the weight on
 * a scale label). A product with variants scanned by its product code asks which variant first.
 */
export function useStockScan(
  isEnabled: boolean,
  /** Takes the item, or answers why not (a product not on the document) to show as the notice. */
  onItem: (item: StockItem, quantity: number) => ScanNotice | void,
  /** False hands over the product itself, for a document whose lines say which variant. */
  isVariantAsked = true,
): StockScan {
  const { t } = useTranslation('stock')
  const [notice, setNotice] = useState<ScanNotice | null>(null)
  const [question, setQuestion] = useState<VariantQuestion | null>(null)
  const queue = useRef<Promise<void>>(Promise.resolve())
  const onItemRef = useRef(onItem)
  useEffect(() => {
    onItemRef.current = onItem
  }, [onItem])

  const found = useCallback(
    (product: Product, variantId: string | null, quantity: number) => {
      setNotice(null)
      if (isVariantAsked && variantId === null && product.variants.length > 0) {
        setQuestion({ product, quantity })
        return
      }
      setQuestion(null)
      setNotice(onItemRef.current(itemFromProduct(product, variantId), quantity) ?? null)
    },
    [isVariantAsked],
  )

  const lookUp = useCallback(
    (code: string, fallBackToSearch: boolean) => {
      queue.current = queue.current.then(async () => {
        try {
          const match = await pos.invoke('catalog:lookupBarcode', { barcode: code })
          if (match) return found(match.product, match.variantId, scannedQuantity(match))
          if (fallBackToSearch) {
            const [first] = await pos.invoke('catalog:search', { query: code, limit: 1 })
            if (first) return found(first, null, 1)
            return setNotice({ kind: 'unknown', message: t('scan.noMatch', { query: code }) })
          }
          setNotice({ kind: 'unknown', message: t('scan.unknownCode', { code }) })
        } catch (error) {
          setNotice({
            kind: 'error',
            message: t('scan.lookupFailed', { code, error: errorMessage(error) }),
          })
        }
      })
    },
    [found, t],
  )

  const onScan = useCallback(
    ({ code, field }: ScanEvent) => {
      if (field) takeBack(field, code)
      lookUp(code, false)
    },
    [lookUp],
  )
  useScannerWedge(isEnabled, onScan)

  return {
    notice,
    setNotice,
    question,
    answer: (variantId) => {
      const asked = question
      setQuestion(null)
      if (asked && variantId !== null)
        setNotice(
          onItemRef.current(itemFromProduct(asked.product, variantId), asked.quantity) ?? null,
        )
    },
    pick: (product) => found(product, null, 1),
    submitTyped: (text) => {
      const query = text.trim()
      if (query !== '') lookUp(query, true)
    },
  }
}
