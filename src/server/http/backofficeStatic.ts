import { existsSync } from 'node:fs'
import path from 'node:path'
import fastifyHelmet from '@fastify/helmet'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorBody } from '../../shared/sync'

/** What `/` answers while out/backoffice is missing: how to build it, not a JSON 404. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>AuraFlow back office</title></head>
<body>
<h1>The back office is not built</h1>
<p>This sync server is running, but the back-office web app has not been built yet.</p>
<p>Build it with <code>npm run build</code>, then restart the server (<code>npm run server</code>).</p>
<p>The API is under <code>/api</code>; its description is at <a href="/api/docs/json">/api/docs/json</a>.</p>
</body>
</html>
`

/**
 * The strict Content-Security-Policy of every reply: scripts, styles and connections from this
 * server only, no inline script, never framed. No `upgrade-insecure-requests`: a store's server is
 * often reached over plain HTTP on its own network.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

const isApiPath = (url: string) =>
  url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')

/** A path whose last segment has an extension asks for a file: a missing one is a 404, not the app. */
const isFilePath = (url: string) => /\.[a-z0-9]+$/i.test(url.split('?')[0]!.split('/').pop() ?? '')

/**
 * Serves the built web app at `/` (files from `dir`, index.html for any other GET outside /api so
 * the app's own routes load), behind helmet with a strict CSP. /api paths that match no route stay
 * a JSON 404.
 */
export async function registerBackofficeApp(app: FastifyInstance, dir: string): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // The register's own fetches are not cross-origin browser loads; keep resources same-origin.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
  })
  const root = path.resolve(dir)
  const isBuilt = existsSync(path.join(root, 'index.html'))
  // Registered whether built or not, so the route list does not depend on a build; a missing
  // directory answers every file as not found (the handler below shows the not-built page).
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    suppressWarning: true,
    // Hashed build assets never change; index.html is revalidated so a new build shows at once.
    setHeaders: (reply, filePath) => {
      void reply.header(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      )
    },
  })

  const jsonNotFound = (reply: FastifyReply) =>
    reply.status(404).send({ code: 'NOT_FOUND', message: 'no such route' } satisfies ErrorBody)

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const isPageRequest = request.method === 'GET' || request.method === 'HEAD'
    if (!isPageRequest || isApiPath(request.url)) return jsonNotFound(reply)
    if (!isBuilt) return reply.status(200).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE)
    if (isFilePath(request.url)) return jsonNotFound(reply)
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root)
  })
}
