import { openDatabase } from '../../src/server/db/connection'
import { defineSyncSuite } from './support/syncSuite'

defineSyncSuite('PGlite', { open: () => openDatabase({ kind: 'pglite', dataDir: null }) })
