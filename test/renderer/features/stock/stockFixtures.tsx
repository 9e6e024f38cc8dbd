import { fireEvent } from '@testing-library/react'
import type { ReactNode } from 'react'
import { v4 as uuidv4 } from 'uuid'
import { AppInfoContext } from '../../../../src/renderer/src/appInfo'
import { ApprovalProvider } from '../../../../src/renderer/src/features/approval/ApprovalProvider'
import type { Product } from '../../../../src/renderer/src/types'
import { appInfo } from '../../appFixtures'

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
