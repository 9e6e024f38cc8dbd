import { openDatabase } from '../../../src/server/db/connection'
import { defineTenantScopeSuite } from '../support/tenantScopeSuite'

defineTenantScopeSuite('PGlite', () => openDatabase({ kind: 'pglite', dataDir: null }))
