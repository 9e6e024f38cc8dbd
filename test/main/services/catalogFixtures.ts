import type { InvokeInput, InvokeOutput } from '../../../src/shared/ipc/contract'

type Product = InvokeOutput<'catalog:search'>[number]

/** A product as the editor would send it back (the view's joined fields dropped). */
export function editable(product: Product): InvokeInput<'catalog:saveProduct'> {
  const { barcode: _barcode, taxRateBasisPoints: _rate, ...input } = product
  return input
}
