// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { v4 as uuidv4 } from 'uuid'
import { useProductSearch } from '../../../../src/renderer/src/features/register/useProductSearch'
import type { Product } from '../../../../src/renderer/src/types'
import { installBridge } from '../../fakeBridge'

afterEach(cleanup)

function mintTea(priceCents: number): Product {
  return {
    id: '5a0c5d2e-8f4e-4b8e-9d55-1f0c2b1e7a11',
    sku: 'TEA-MINT',
    barcode: null,
    name: 'Mint tea',
    priceCents,
    categoryId: null,
    taxRateId: uuidv4(),
    taxRateBasisPoints: 825,
    isActive: true,
    barcodes: [],
    variants: [],
    modifierGroups: [],
    trackStock: false,
    pricingUnit: 'each',
  }
}

describe('useProductSearch', () => {
  it('searches again when the catalog changes, so a price pulled by sync shows on the tiles', async () => {
    let priceCents = 200
    const searches: unknown[] = []
    const bridge = installBridge((channel, input) => {
      expect(channel).toBe('catalog:search')
      searches.push(input)
      return [mintTea(priceCents)]
    })
    const { result } = renderHook(() => useProductSearch('mint'))
    await waitFor(() => expect(result.current.products[0]?.priceCents).toBe(200))
    expect(result.current.isCurrent).toBe(true)

    // The back office raised the price; the register's next pull announces a catalog change.
    priceCents = 275
    act(() => bridge.emit('catalog:changed', { count: 1 }))
    await waitFor(() => expect(result.current.products[0]?.priceCents).toBe(275))
    expect(searches).toEqual([
      { query: 'mint', limit: 60 },
      { query: 'mint', limit: 60 },
    ])
  })

  it('stops listening for catalog changes once the search box is gone', () => {
    const bridge = installBridge(() => [])
    const { unmount } = renderHook(() => useProductSearch(''))
    expect(bridge.listenerCount('catalog:changed')).toBe(1)
    unmount()
    expect(bridge.listenerCount('catalog:changed')).toBe(0)
  })
})
