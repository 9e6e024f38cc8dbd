import type { AdminView, RegisterView, StoreDetail } from '../../shared/backoffice/api'
import { Locale } from '../../shared/backoffice/api'
import type { AdminScopeRow, DeviceRow, StoreDetailRow } from '../db/backofficeRepository'
import { reportedHealthOf } from '../sync/heartbeat'

/** Rows as the back office's contract (src/shared/backoffice/api.ts) shows them. */

export function adminView(row: AdminScopeRow): AdminView {
  const role = row.role as AdminView['role']
  return {
    id: row.id,
    email: row.email,
    role,
    tenantId: row.tenantId,
    storeIds: role === 'store_manager' ? row.storeIds : [],
    disabledAt: row.disabledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}

export function storeDetail(row: StoreDetailRow): StoreDetail {
  const locale = Locale.safeParse(row.locale)
  return {
    id: row.id,
    tenantId: row.tenantId,
    code: row.code,
    name: row.name,
    address: row.address,
    phone: row.phone,
    taxId: row.taxId,
    currency: row.currency,
    timeZone: row.timeZone,
    locale: locale.success ? locale.data : 'en',
    registerCount: row.registerCount,
    createdAt: row.createdAt.toISOString(),
  }
}

export function registerView(row: DeviceRow): RegisterView {
  const health = reportedHealthOf(row.health, row.healthReportedAt)
  return {
    id: row.id,
    storeId: row.storeId,
    name: row.name,
    role: row.role,
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    appVersion: health.appVersion,
    pending: health.pending,
    refused: health.deadRecords,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}
