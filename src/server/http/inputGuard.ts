import type { FastifyInstance } from 'fastify'
import { findUnstorableValue, validationError } from './errors'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route checks the data of each record itself, so one bad record is refused alone. */
    hasRecordData?: boolean
  }
}

/**
 * One guard for every route: a path, query or body holding a value nothing downstream can store
 * (NUL, a lone UTF-16 surrogate, a number that overflowed to Infinity, deep nesting) is refused
 * with 400 before any handler hashes it or hands it to SQL. Push routes check record data per
 * record (DESIGN §3 rule 4) and their envelope themselves.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const issue =
      findUnstorableValue(request.params) ??
      findUnstorableValue(request.query) ??
      (request.routeOptions.config.hasRecordData ? null : findUnstorableValue(request.body))
    if (issue) throw validationError([issue], 'request')
  })
}
