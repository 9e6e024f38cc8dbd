import type { FastifyInstance } from 'fastify'
import { openApiDocument } from '../http/openApi'

export function registerDocsRoute(app: FastifyInstance): void {
  const document = openApiDocument()
  app.get('/api/docs/json', async () => document)
}
