import { fireEvent } from '@testing-library/react'
import type { ReactNode } from 'react'
import { v4 as uuidv4 } from 'uuid'
import { AppInfoContext } from '../../../../src/renderer/src/appInfo'
import { ApprovalProvider } from '../../../../src/renderer/src/features/approval/ApprovalProvider'
import type { Product } from '../../../../src/renderer/src/types'
import { appInfo } from '../../appFixtures'
import { installBridge } from '../../fakeBridge'

/** A catalog product that tracks stock, sold by the unit. */
export function product(fields: Partial<Product> & Pick<Product, 'name' | 'sku'>): Product {
  return {
    id: uuidv4(),
    barcode: null,
    priceCents: 300,
    categoryId: null,
    taxRateId: uuidv4(),
    taxRateBasisPoints: 810,
    isActive: true,
    barcodes: [],
    variants: [],
    modifierGroups: [],
    trackStock: true,
    pricingUnit: 'each',
    ...fields,
  }
}

/** The frame the Stock screen lives in: app info and the one manager approval dialog. */
export function StockFrame({ children }: { children: ReactNode }) {
  return (
    <AppInfoContext.Provider value={appInfo()}>
      <ApprovalProvider>{children}</ApprovalProvider>
    </AppInfoContext.Provider>
  )
}

/** A wedge scanner: the code's keys and Enter in one burst, to whatever has the focus. */
export function scan(code: string): void {
  const target = document.activeElement ?? document.body
  for (const key of [...code, 'Enter']) fireEvent.keyDown(target, { key })
}

/** A PosError as main sends it through the bridge. */
export { PosError } from '../../../../src/shared/ipc'

export interface Call {
  channel: string
  input: Record<string, unknown>
}

/**
 * A register behind the fake bridge: `answers` by channel, the Stock screen's lists empty unless
 * given, each call recorded in `calls`. Products are found by any of their barcodes.
 */
export function stockRegister(
  products: Product[],
  answers: Record<string, (input: Record<string, unknown>) => unknown>,
  calls: Call[] = [],
) {
  const defaults: Record<string, (input: Record<string, unknown>) => unknown> = {
    'catalog:lookupBarcode': (input) => {
      const found = products.find((entry) => entry.barcodes.includes(String(input.barcode)))
      return found
        ? { product: found, variantId: null, weightGrams: null, embeddedPriceCents: null }
        : null
    },
    'catalog:search': () => [],
    'stock:levels': () => [],
    'stock:counts': () => [],
    'stock:purchaseOrders': () => [],
    'stock:transfers': () => ({ incoming: [], outgoing: [] }),
    'stock:transferDestinations': () => ({ stores: [], isCached: false, fetchedAt: null }),
  }
  installBridge((channel, raw) => {
    const input = (raw ?? {}) as Record<string, unknown>
    calls.push({ channel, input })
    const answer = answers[channel] ?? defaults[channel]
    if (!answer) throw new Error(`unexpected ${channel}`)
    return answer(input)
  })
  return calls
}
