import { z } from 'zod'
import {
  StockHistoryReply,
  StockImportReply,
  StockLevelsReply,
} from '../../../../shared/backoffice/stockOffice'
import {
  ReorderRuleListReply,
  ReorderRuleView,
  SuggestedOrderReply,
  TransferListReply,
  TransferReply,
  type CreateTransferBody,
  type ReorderRuleBody,
} from '../../../../shared/backoffice/stockTransfers'
import type { BackofficeApi } from '../../api/backoffice'

/** The stock screens' calls (src/shared/backoffice/stockOffice.ts and stockTransfers.ts). */

export const stockPaths = {
  levels: '/api/admin/stock/levels',
  history: '/api/admin/stock/history',
  import: '/api/admin/stock/import',
  transfers: '/api/admin/stock/transfers',
  reorderRules: '/api/admin/stock/reorder-rules',
  suggested: '/api/admin/stock/suggested-order',
} as const

const store = (storeId: string) => `storeId=${encodeURIComponent(storeId)}`

/** Levels of one store, or of every store the admin may see (storeId null). */
export function loadLevels(api: BackofficeApi, storeId: string | null, q = '') {
  const params = new URLSearchParams()
  if (storeId) params.set('storeId', storeId)
  if (q.trim()) params.set('q', q.trim())
  return api.http.request('GET', `${stockPaths.levels}?${params.toString()}`, StockLevelsReply)
}

/** A same-origin link that downloads one store's valuation (the session cookie authenticates it). */
export const valuationCsvHref = (storeId: string) =>
  `${stockPaths.levels}?${store(storeId)}&format=csv`

export function loadHistory(
  api: BackofficeApi,
  query: { storeId: string; productId: string; variantId: string | null; before: number | null },
) {
  const params = new URLSearchParams({ storeId: query.storeId, productId: query.productId })
  if (query.variantId) params.set('variantId', query.variantId)
  if (query.before !== null) params.set('before', String(query.before))
  return api.http.request('GET', `${stockPaths.history}?${params.toString()}`, StockHistoryReply)
}

export const importStock = (api: BackofficeApi, storeId: string, csv: string, apply: boolean) =>
  api.http.request('POST', `${stockPaths.import}?${store(storeId)}`, StockImportReply, {
    body: { csv, apply },
  })

export const loadTransfers = (api: BackofficeApi, storeId: string) =>
  api.http.request('GET', `${stockPaths.transfers}?${store(storeId)}`, TransferListReply)

export const sendTransfer = (api: BackofficeApi, body: CreateTransferBody) =>
  api.http.request('POST', stockPaths.transfers, TransferReply, { body })

export const settleTransfer = (
  api: BackofficeApi,
  storeId: string,
  id: string,
  action: 'receive' | 'cancel',
) =>
  api.http.request(
    'POST',
    `${stockPaths.transfers}/${encodeURIComponent(id)}/${action}?${store(storeId)}`,
    TransferReply,
  )

export const loadReorderRules = (api: BackofficeApi, storeId: string) =>
  api.http.request('GET', `${stockPaths.reorderRules}?${store(storeId)}`, ReorderRuleListReply)

export const saveReorderRule = (
  api: BackofficeApi,
  storeId: string,
  id: string,
  body: ReorderRuleBody,
) =>
  api.http.request(
    'PUT',
    `${stockPaths.reorderRules}/${id}?${store(storeId)}`,
    z.object({ rule: ReorderRuleView, isChanged: z.boolean() }),
    { body },
  )

export const loadSuggestedOrder = (api: BackofficeApi, storeId: string) =>
  api.http.request('GET', `${stockPaths.suggested}?${store(storeId)}`, SuggestedOrderReply)

/** A quantity (at most 3 decimals) in the UI language's digits. */
export function quantityText(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value)
}

/** A typed quantity: a number with at most 3 decimals, else null. */
export function quantityOf(text: string): number | null {
  const trimmed = text.trim()
  if (!/^-?\d+(\.\d{1,3})?$/.test(trimmed)) return null
  return Number(trimmed)
}
