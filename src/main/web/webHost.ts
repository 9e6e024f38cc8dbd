import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { WebSocketServer } from 'ws'
import type { RegisterCore } from '../core'
import {
  customerDisplayPath,
  displayFeedPath,
  displayKeyFor,
  serveDisplayFeed,
} from './displayFeed'
import { serveBridgeSocket } from './bridgeSocket'
import { readStaticFile } from './staticFiles'

export interface WebHostOptions {
  core: RegisterCore
  /** Built renderer (electron-vite's out/renderer). */
  rendererDir: string
  port?: number
  /** Loopback unless the operator says otherwise. */
  hostname?: string
  /** Fixed secret for scripted runs; random per launch otherwise. */
  token?: string
}

export interface WebHost {
  /** Open this once in a browser: it carries the per-launch secret and sets the session cookie. */
  readonly launchUrl: string
  /**
   * The customer-facing display (a second screen or tablet): shows the cart and the change, and
   * opens nothing else — its key is not the register's secret.
   */
  readonly customerDisplayUrl: string
  readonly origin: string
  readonly token: string
  close(): Promise<void>
}

const cookieName = 'auraflow_session'
const displayCookieName = 'auraflow_display'
const bridgeScript = readFileSync(join(import.meta.dirname, 'client', 'posBridge.js'))

/** The same rules as the renderer's meta CSP; `connect-src 'self'` covers the bridge socket. */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

function sameSecret(candidate: string | undefined, token: string): boolean {
  if (!candidate) return false
  const a = Buffer.from(candidate)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function readCookie(request: IncomingMessage, wanted: string): string | undefined {
  const header = request.headers.cookie ?? ''
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === wanted) return value.join('=')
  }
  return undefined
}

const sessionCookie = (request: IncomingMessage) => readCookie(request, cookieName)

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const rendererDir = resolve(options.rendererDir)
  const token = options.token ?? randomBytes(24).toString('base64url')
  const hostname = options.hostname ?? '127.0.0.1'
  const displayKey = displayKeyFor(token)
  /** The register's secret opens everything; the display key opens the customer display only. */
  const isCashier = (request: IncomingMessage) => sameSecret(sessionCookie(request), token)
  const isDisplay = (request: IncomingMessage) =>
    isCashier(request) || sameSecret(readCookie(request, displayCookieName), displayKey)
  const indexHtml = readFileSync(join(rendererDir, 'index.html'), 'utf8').replace(
    '<head>',
    '<head>\n    <script src="/pos-bridge.js"></script>',
  )
  let origin = ''

  function send(
    response: ServerResponse,
    status: number,
    body: string | Buffer,
    contentType: string,
    headers: Record<string, string> = {},
  ) {
    response.writeHead(status, {
      'content-type': contentType,
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      ...headers,
    })
    response.end(body)
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', origin)
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'Method not allowed', 'text/plain')
    if (url.pathname === '/healthz') return send(response, 200, 'ok', 'text/plain')
    if (sameSecret(url.searchParams.get('token') ?? undefined, token)) {
      return send(response, 302, '', 'text/plain', {
        location: '/',
        'set-cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      })
    }
    if (
      url.pathname === customerDisplayPath &&
      sameSecret(url.searchParams.get('key') ?? undefined, displayKey)
    ) {
      return send(response, 302, '', 'text/plain', {
        location: customerDisplayPath,
        'set-cookie': `${displayCookieName}=${displayKey}; HttpOnly; SameSite=Strict; Path=/`,
      })
    }
    // The display page, its bridge script and the built assets; the register page is not.
    const isDisplayResource =
      url.pathname === customerDisplayPath ||
      url.pathname === '/pos-bridge.js' ||
      url.pathname.startsWith('/assets/')
    if (!isCashier(request) && !(isDisplayResource && isDisplay(request))) {
      return send(
        response,
        401,
        'This register opens only from its own link, shown where it was started. Ask a manager for the link.',
        'text/plain; charset=utf-8',
      )
    }
    if (url.pathname === '/pos-bridge.js')
      return send(response, 200, bridgeScript, 'text/javascript; charset=utf-8')
    if (
      url.pathname === '/' ||
      url.pathname === '/index.html' ||
      url.pathname === customerDisplayPath
    )
      return send(response, 200, indexHtml, 'text/html; charset=utf-8')
    const file = await readStaticFile(rendererDir, url.pathname)
    if (!file) return send(response, 404, 'Not found', 'text/plain')
    send(response, 200, file.body, file.contentType)
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('web host request failed', error)
      if (!response.headersSent) send(response, 500, 'Internal error', 'text/plain')
    })
  })
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 })

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', origin)
    if (
      url.pathname === displayFeedPath &&
      request.headers.origin === origin &&
      isDisplay(request)
    ) {
      sockets.handleUpgrade(request, socket, head, (ws) => serveDisplayFeed(ws, options.core))
      return
    }
    // The socket is the register's IPC: only this page, from this origin, with this launch's secret.
    if (
      url.pathname !== '/pos-bridge' ||
      request.headers.origin !== origin ||
      !sameSecret(sessionCookie(request), token)
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveBridgeSocket(ws, options.core))
  })

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, hostname, () => resolveListen())
  })
  const address = server.address() as AddressInfo
  const displayHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  origin = `http://${displayHost}:${address.port}`

  return {
    launchUrl: `${origin}/?token=${token}`,
    customerDisplayUrl: `${origin}${customerDisplayPath}?key=${displayKey}`,
    origin,
    token,
    close: async () => {
      for (const client of sockets.clients) client.terminate()
      sockets.close()
      server.closeAllConnections()
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()))
    },
  }
}
