import { openDatabase } from '../../../src/server/db/connection'
import type { ServerDatabase } from '../../../src/server/db/connection'
import { defineProjectorSuite } from './projectorSuite'

/** PGlite is one connection: the "second instance" is the same database, interleaved. */
let shared: Promise<ServerDatabase> | null = null
const open = () => (shared ??= openDatabase({ kind: 'pglite', dataDir: null }))

defineProjectorSuite('PGlite', open, open)
