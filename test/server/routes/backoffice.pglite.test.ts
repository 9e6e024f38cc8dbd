import { openDatabase } from '../../../src/server/db/connection'
import { defineBackofficeMatrix } from '../support/backofficeMatrix'

defineBackofficeMatrix('PGlite', () => openDatabase({ kind: 'pglite', dataDir: null }))
