import { useState } from 'react'
import { useTranslation } from '../../i18n'
import {
  addReceiving,
  lineFor,
  receivedInputs,
  setReceiving,
  type ReceivingLine,
} from './receivingModel'
import { useStockScan, type StockScan } from './useStockScan'

export interface ReceivingDraft {
  lines: ReceivingLine[]
  setNow: (key: string, now: number) => void
  scan: StockScan
  /** The lines arriving now, as the bridge takes them. */
  inputs: ReturnType<typeof receivedInputs>
}

/**
 * Receiving a purchase order or a transfer by scanning: a scan adds one (or a label's weight) to
 * its line's "receiving now"; a product not on the document is said so and goes nowhere.
 */
export function useReceivingDraft(
  initial: ReceivingLine[],
  isActive: boolean,
  onChange: () => void,
): ReceivingDraft {
  const { t } = useTranslation('stock')
  const [lines, setLines] = useState(initial)
  const scan = useStockScan(
    isActive,
    (item, quantity) => {
      const index = lineFor(lines, item)
      if (index === null)
        return { kind: 'unknown', message: t('receive.notOnDocument', { name: item.name }) }
      if (index === 'ambiguous')
        return { kind: 'unknown', message: t('receive.whichVariant', { name: item.name }) }
      onChange()
      setLines((current) => addReceiving(current, index, quantity))
    },
    false,
  )
  return {
    lines,
    setNow: (key, now) => {
      onChange()
      setLines((current) => setReceiving(current, key, now))
    },
    scan,
    inputs: receivedInputs(lines),
  }
}
