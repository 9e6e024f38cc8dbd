import { useCallback, useEffect, useState } from 'react'
import type { AuditRow } from '../../../../shared/backoffice/audit'
import { AuditReply } from '../../../../shared/backoffice/audit'
import type { BackofficeApi } from '../../api/backoffice'
import { errorSentence } from '../../forms/errorText'
import { useTranslation } from '../../i18n'

/** The audit log's call (src/shared/backoffice/audit.ts); the CSV link uses the same query. */

export const auditPath = '/api/admin/audit'

export interface AuditFilter {
  from: string
  to: string
  storeIds: readonly string[]
  action: string
  employeeId: string
  registerId: string
  q: string
  /** A super admin's chosen tenant. */
  tenantId?: string | null
}

export function auditQuery(
  filter: AuditFilter,
  extra: Record<string, string> = {},
): URLSearchParams {
  const params = new URLSearchParams({ from: filter.from, to: filter.to })
  if (filter.storeIds.length > 0) params.set('storeIds', filter.storeIds.join(','))
  for (const key of ['action', 'employeeId', 'registerId', 'q'] as const) {
    const value = filter[key].trim()
    if (value) params.set(key, value)
  }
  if (filter.tenantId) params.set('tenantId', filter.tenantId)
  for (const [key, value] of Object.entries(extra)) params.set(key, value)
  return params
}

/** A same-origin link that downloads the filtered log as CSV (the session cookie authenticates it). */
export function auditCsvHref(filter: AuditFilter, lang: string): string {
  return `${auditPath}?${auditQuery(filter, { lang, format: 'csv' }).toString()}`
}

type Pages =
  | { state: 'loading'; rows: AuditRow[] }
  | { state: 'ready'; rows: AuditRow[]; nextCursor: string | null }
  | { state: 'failed'; rows: AuditRow[]; error: string }

/** The query a filter and language ask for; a component keyed on it starts over when it changes. */
export function auditKey(filter: AuditFilter, lang: string): string {
  return `${auditQuery(filter).toString()}|${lang}`
}

/**
 * The log for a filter, a page at a time; `loadMore` appends the next keyset page. Mount it
 * under `key={auditKey(filter, lang)}` so a new filter starts over.
 */
export function useAuditPages(api: BackofficeApi, filter: AuditFilter, lang: string) {
  const { t } = useTranslation('common')
  const [pages, setPages] = useState<Pages>({ state: 'loading', rows: [] })
  const [cursor, setCursor] = useState<string | null>(null)
  const key = auditKey(filter, lang)

  useEffect(() => {
    let isCurrent = true
    const query = auditQuery(filter, { lang, ...(cursor ? { cursor } : {}) })
    api.http
      .request('GET', `${auditPath}?${query.toString()}`, AuditReply)
      .then((reply) => {
        if (!isCurrent) return
        setPages((previous) => ({
          state: 'ready',
          rows: cursor ? [...previous.rows, ...reply.rows] : reply.rows,
          nextCursor: reply.nextCursor,
        }))
      })
      .catch((error: unknown) => {
        if (isCurrent)
          setPages((previous) => ({
            state: 'failed',
            rows: previous.rows,
            error: errorSentence(error, t),
          }))
      })
    return () => {
      isCurrent = false
    }
    // `filter` is named by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, cursor, api, t])

  const loadMore = useCallback(() => {
    if (pages.state !== 'ready' || !pages.nextCursor) return
    const next = pages.nextCursor
    setPages({ state: 'loading', rows: pages.rows })
    setCursor(next)
  }, [pages])

  return { pages, loadMore }
}
