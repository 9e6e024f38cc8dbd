import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import { openApiDocument } from '../../../src/server/http/openApi'
import { defineAuditSuite } from './auditSuite'

defineAuditSuite('PGlite', () => openDatabase({ kind: 'pglite', dataDir: null }))

describe('the audit route in the OpenAPI document', () => {
  it('is listed with its query', () => {
    const paths = openApiDocument().paths as Record<string, { get?: unknown }>
    expect(paths['/api/admin/audit']?.get).toBeDefined()
  })
})
