import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fetch as undiciFetch } from 'undici'

export interface SeenRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: unknown
}

export interface Answer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

type Handler = (request: SeenRequest) => Answer

/**
 * A real HTTP server on 127.0.0.1:0 that answers the back office's paths as a test scripts them,
 * and records every request it saw (method, headers, body) so a test can check what the client
 * sent. Unscripted paths get the server's 404 error body.
 */
export interface ContractServer {
  baseUrl: string
  seen: SeenRequest[]
  answer(method: string, path: string, handler: Handler | Answer): void
  close(): Promise<void>
}

export async function startContractServer(): Promise<ContractServer> {
  const handlers = new Map<string, Handler>()
  const seen: SeenRequest[] = []
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const path = request.url ?? '/'
      const seenRequest: SeenRequest = {
        method: request.method ?? 'GET',
        path,
        headers: request.headers,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      }
      seen.push(seenRequest)
      const handler = handlers.get(`${seenRequest.method} ${path}`)
      const answer: Answer = handler
        ? handler(seenRequest)
        : { status: 404, body: { code: 'NOT_FOUND', message: `no route ${path}` } }
      response.writeHead(answer.status, {
        ...(answer.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...answer.headers,
      })
      response.end(answer.body === undefined ? undefined : JSON.stringify(answer.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    answer(method, path, handler) {
      handlers.set(`${method} ${path}`, typeof handler === 'function' ? handler : () => handler)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * Node's own fetch (undici): under happy-dom the global fetch is the fake browser's, which
 * applies CORS to a page with no origin. The browser's fetch is what the app uses in production.
 */
export const nodeFetch: typeof fetch = (input, init) =>
  undiciFetch(
    String(input),
    init as Parameters<typeof undiciFetch>[1],
  ) as unknown as Promise<Response>
