import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import { openApiDocument } from '../../../src/server/http/openApi'
import { defineReportSuite } from './reportsSuite'

defineReportSuite('PGlite', () => openDatabase({ kind: 'pglite', dataDir: null }))

describe('report routes in the OpenAPI document', () => {
  it('lists every report route', () => {
    const paths = Object.keys(openApiDocument().paths as Record<string, unknown>)
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/admin/reports/summary',
        '/api/admin/reports/sales',
        '/api/admin/reports/payment-methods',
        '/api/admin/reports/refunds',
        '/api/admin/reports/shifts',
      ]),
    )
  })
})
