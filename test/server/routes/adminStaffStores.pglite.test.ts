import { openDatabase } from '../../../src/server/db/connection'
import { defineAdminStaffStoresSuite } from '../support/adminStaffStoresSuite'

defineAdminStaffStoresSuite('PGlite', () => openDatabase({ kind: 'pglite', dataDir: null }))
