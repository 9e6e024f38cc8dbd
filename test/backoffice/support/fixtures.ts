import type { AdminView, SessionReply, StoreDetail } from '../../../src/shared/backoffice/api'

export const ownerId = '6f1d1c5e-3a59-4c0e-9a51-0d3f0f6a1b01'
export const tenantId = '0b7e2f7a-9d8c-4d21-8f3e-6a1d2c3b4e5f'

export const owner: AdminView = {
  id: ownerId,
  email: 'owner@example.com',
  role: 'tenant_admin',
  tenantId,
  storeIds: [],
  disabledAt: null,
  createdAt: '2026-12-01T09:00:00.000Z',
}

export const ownerSession: SessionReply = {
  admin: owner,
  csrfToken: 'csrf-token-from-sign-in',
  idleMinutes: 30,
}

export const mainStore: StoreDetail = {
  id: '2c4e6a80-1b3d-4f5a-8c7e-9d0f1a2b3c4d',
  tenantId,
  code: 'MAIN',
  name: 'Main Street',
  address: '1 Main Street',
  phone: '',
  taxId: '',
  currency: 'USD',
  timeZone: 'America/New_York',
  locale: 'en',
  registerCount: 2,
  createdAt: '2026-12-01T09:00:00.000Z',
}
