import { openDatabase } from '../../../src/server/db/connection'
import { defineAdminRulesSuite } from '../support/adminRulesSuite'

defineAdminRulesSuite('PGlite', () => openDatabase({ kind: 'pglite', dataDir: null }))
