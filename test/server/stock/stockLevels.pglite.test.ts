import { openDatabase } from '../../../src/server/db/connection'
import { defineStockLevelsSuite } from './stockLevelsSuite'

defineStockLevelsSuite('PGlite', () => openDatabase({ kind: 'pglite', dataDir: null }))
