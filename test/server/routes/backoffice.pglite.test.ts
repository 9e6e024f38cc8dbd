import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import { openApiDocument } from '../../../src/server/http/openApi'
import { defineBackofficeMatrix } from '../support/backofficeMatrix'

defineBackofficeMatrix('PGlite', () => openDatabase({ kind: 'pglite', dataDir: null }))

describe('back office routes in the OpenAPI document', () => {
  it('lists every back-office route with its method', () => {
    const paths = openApiDocument().paths as Record<string, Record<string, unknown>>
    const listed = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    )
    expect(listed).toEqual(
      expect.arrayContaining([
        'GET /api/backoffice/session',
        'POST /api/backoffice/session',
        'DELETE /api/backoffice/session',
        'GET /api/backoffice/setup',
        'POST /api/backoffice/setup',
        'GET /api/admin/stores',
        'POST /api/admin/stores',
        'GET /api/admin/stores/{storeId}',
        'PATCH /api/admin/stores/{storeId}',
        'DELETE /api/admin/stores/{storeId}',
        'GET /api/admin/registers',
        'PATCH /api/admin/registers/{id}',
        'POST /api/admin/registers/{id}/revoke',
        'POST /api/admin/enrollment-codes',
        'GET /api/admin/users',
        'POST /api/admin/users',
        'PATCH /api/admin/users/{id}',
      ]),
    )
  })
})
