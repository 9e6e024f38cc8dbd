import { openDatabase } from '../../../src/server/db/connection'
import { defineAdminCatalogSuite } from '../support/adminCatalogSuite'

defineAdminCatalogSuite('PGlite', () => openDatabase({ kind: 'pglite', dataDir: null }))
