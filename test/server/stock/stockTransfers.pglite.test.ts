import { openDatabase } from '../../../src/server/db/connection'
import { defineStockTransfersSuite } from './stockTransfersSuite'

defineStockTransfersSuite('PGlite', () => openDatabase({ kind: 'pglite', dataDir: null }))
