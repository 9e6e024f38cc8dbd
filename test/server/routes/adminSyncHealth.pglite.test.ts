import { openDatabase } from '../../../src/server/db/connection'
import { defineAdminSyncHealthSuite } from '../support/adminSyncHealthSuite'

defineAdminSyncHealthSuite('PGlite', () => openDatabase({ kind: 'pglite', dataDir: null }))
