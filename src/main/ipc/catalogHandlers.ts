import { exportProductsCsv, importProductsCsv } from '../services/productCsv'
import { saveCategory, saveProduct } from '../services/catalogService'
import {
  listAllProducts,
  listCategories,
  listProducts,
  listTaxRates,
  lookupBarcode,
  searchProducts,
} from '../store/catalogRepository'
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
  const { db } = context
  return {
    'catalog:list': (input) => ({
      categories: listCategories(db),
      products: listProducts(db, input?.categoryId),
    }),
    'catalog:search': (input) => searchProducts(db, input.query, input.limit),
    'catalog:lookupBarcode': (input) =>
      lookupBarcode(db, input.barcode, context.storeOptions().embeddedBarcodes),
    'catalog:listAll': () => listAllProducts(db),
    'catalog:listTaxRates': () => listTaxRates(db),
    'catalog:saveProduct': (input) => saveProduct(context, input),
    'catalog:saveCategory': (input) => saveCategory(context, input),
    'catalog:importCsv': (input) => importProductsCsv(context, input),
    'catalog:exportCsv': () => exportProductsCsv(context),
  }
}
