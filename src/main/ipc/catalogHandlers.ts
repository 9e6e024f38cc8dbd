import { exportProductsCsv, importProductsCsv } from '../services/productCsv'
import { saveCategory, saveProduct } from '../services/catalogService'
import type { HandlerContext, HandlerGroup } from './handlerContext'

type CatalogChannels =
  | 'catalog:list'
  | 'catalog:search'
  | 'catalog:lookupBarcode'
  | 'catalog:listAll'
  | 'catalog:listTaxRates'
  | 'catalog:saveProduct'
  | 'catalog:saveCategory'
  | 'catalog:importCsv'
  | 'catalog:exportCsv'

export function createCatalogHandlers(context: HandlerContext): HandlerGroup<CatalogChannels> {
  const { catalog } = context.store
  return {
    'catalog:list': (input) => ({
      categories: catalog.listCategories(),
      products: catalog.listProducts(input?.categoryId),
    }),
    'catalog:search': (input) => catalog.searchProducts(input.query, input.limit),
    'catalog:lookupBarcode': (input) =>
      catalog.lookupBarcode(input.barcode, context.storeOptions().embeddedBarcodes),
    'catalog:listAll': () => catalog.listAllProducts(),
    'catalog:listTaxRates': () => catalog.listTaxRates(),
    'catalog:saveProduct': (input) => saveProduct(context, input),
    'catalog:saveCategory': (input) => saveCategory(context, input),
    'catalog:importCsv': (input) => importProductsCsv(context, input),
    'catalog:exportCsv': () => exportProductsCsv(context),
  }
}
