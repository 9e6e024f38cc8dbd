import { describe, expect, it } from 'vitest'
import {
  exportFileName,
  formatFileSize,
} from '../../../../src/renderer/src/features/catalog/csvFile'
import {
  filterProducts,
  searchKeys,
} from '../../../../src/renderer/src/features/catalog/productFilter'
import {
  emptyProductForm,
  formToInput,
  productToForm,
  shownPaths,
  type ProductForm,
} from '../../../../src/renderer/src/features/catalog/productForm'

const taxRateId = '0196a5b8-0000-7000-8000-000000000001'
const variantId = '0196a5b8-0000-7000-8000-000000000002'

function form(change: Partial<ProductForm>): ProductForm {
  return { ...emptyProductForm(taxRateId), sku: 'COF-1', name: 'Coffee', price: '3.50', ...change }
}

describe('product editor form', () => {
  it('turns major units into cents and blanks into nulls', () => {
    const result = formToInput(
      form({
        barcodes: [' 4006381333931 '],
        variants: [{ id: variantId, name: 'Large', price: '4', sku: '', barcode: '' }],
      }),
      'USD',
    )
    expect(result).toMatchObject({
      kind: 'ok',
      input: {
        sku: 'COF-1',
        priceCents: 350,
        categoryId: null,
        barcodes: ['4006381333931'],
        variants: [{ id: variantId, name: 'Large', priceCents: 400, sku: null, barcode: null }],
      },
    })
    expect(result.kind === 'ok' && 'id' in result.input).toBe(false)
  })

  it('reports every problem at the path main would use', () => {
    const result = formToInput(
      form({
        sku: ' ',
        price: '3.505',
        barcodes: ['123', 'bad code', '123'],
        variants: [{ id: variantId, name: '', price: 'x', sku: '', barcode: '' }],
        modifierGroups: [{ id: variantId, name: 'Milk', min: '2', max: '1', options: [] }],
      }),
      'USD',
    )
    expect(result.kind).toBe('invalid')
    if (result.kind !== 'invalid') return
    expect(Object.keys(result.errors).sort()).toEqual([
      'barcodes.1',
      'barcodes.2',
      'modifierGroups.0.minSelect',
      'modifierGroups.0.options',
      'priceCents',
      'sku',
      'variants.0.name',
      'variants.0.priceCents',
    ])
    expect(result.errors.priceCents).toBe('Enter a price like 3.50.')
  })

  it('round-trips a saved product without changing it', () => {
    const product = {
      id: '0196a5b8-0000-7000-8000-000000000003',
      sku: 'MILK',
      barcode: '111',
      name: 'Latte',
      priceCents: 1205,
      categoryId: null,
      taxRateId,
      taxRateBasisPoints: 800,
      isActive: false,
      barcodes: ['111', '222'],
      variants: [],
      modifierGroups: [
        {
          id: variantId,
          name: 'Milk',
          minSelect: 1,
          maxSelect: 1,
          options: [{ id: taxRateId, name: 'Oat', priceCents: 50 }],
        },
      ],
      trackStock: true,
      pricingUnit: 'kg' as const,
    }
    const result = formToInput(productToForm(product, 'USD'), 'USD')
    expect(result).toEqual({
      kind: 'ok',
      input: {
        id: product.id,
        sku: 'MILK',
        name: 'Latte',
        priceCents: 1205,
        categoryId: null,
        taxRateId,
        barcodes: ['111', '222'],
        variants: [],
        modifierGroups: product.modifierGroups,
        trackStock: true,
        pricingUnit: 'kg',
        isActive: false,
      },
    })
  })

  it('knows which error paths from main have a field to show them next to', () => {
    const paths = shownPaths(form({ barcodes: ['1', '2'] }))
    expect(paths.has('barcodes.1')).toBe(true)
    expect(paths.has('barcodes.2')).toBe(false)
    expect(paths.has('variants.0.name')).toBe(false)
  })
})

describe('catalog search', () => {
  const products = [
    { name: 'Oat Latte', sku: 'COF-LAT', barcodes: ['4006381333931'] },
    { name: 'Honey', sku: 'GRO-HON', barcodes: [] },
    { name: 'Latte beans', sku: 'BEAN-1', barcodes: ['999'] },
  ]
  const keys = searchKeys(products)

  it('matches every word in the name, SKU or a barcode, ignoring case', () => {
    expect(filterProducts(products, keys, 'latte').map((p) => p.sku)).toEqual(['COF-LAT', 'BEAN-1'])
    expect(filterProducts(products, keys, 'LATTE oat').map((p) => p.sku)).toEqual(['COF-LAT'])
    expect(filterProducts(products, keys, 'gro-hon').map((p) => p.name)).toEqual(['Honey'])
    expect(filterProducts(products, keys, '33393').map((p) => p.name)).toEqual(['Oat Latte'])
    expect(filterProducts(products, keys, '  ')).toHaveLength(3)
  })
})

describe('CSV files', () => {
  it('names an export by the local date', () => {
    expect(exportFileName(new Date(2025, 2, 4, 23, 59))).toBe('products-2025-03-04.csv')
  })

  it('shows a file size people can read', () => {
    expect(formatFileSize(820, 'en-US')).toBe('820 bytes')
    expect(formatFileSize(12_400, 'en-US')).toBe('12.4 KB')
    expect(formatFileSize(3_100_000, 'en-US')).toBe('3.1 MB')
  })
})
