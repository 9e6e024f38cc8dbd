import type { z } from 'zod'
import { CSRF_HEADER } from '../../../shared/backoffice/api'
import { ApiError, ErrorBody, NetworkError } from './errors'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

const mutating: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export interface RequestOptions {
  body?: unknown
  /**
   * A 401 here is an answer, not an ended session: signing in with a wrong password, or asking
   * whether a session exists at all.
   */
  isSessionProbe?: boolean
}

export interface HttpClientOptions {
  fetch?: typeof fetch
  /** Called once per 401 on an ordinary call: the session expired or was ended elsewhere. */
  onSessionEnded?: () => void
  /** Called after every answered request: the server's idle clock restarted. */
  onActivity?: () => void
  /** Prefix for every path; empty in the browser (same origin), an origin in tests and scripts. */
  baseUrl?: string
}

/**
 * fetch for the back office: the session cookie rides along (same origin only), every mutating
 * call carries the CSRF token from the sign-in reply, and every reply is parsed with the
 * contract's zod schema so a screen never holds a shape the server did not promise.
 */
export class HttpClient {
  private csrfToken: string | null = null
  private readonly fetchImpl: typeof fetch
  private readonly onSessionEnded: () => void
  private readonly onActivity: () => void
  private readonly baseUrl: string

  constructor(options: HttpClientOptions = {}) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.onSessionEnded = options.onSessionEnded ?? (() => {})
    this.onActivity = options.onActivity ?? (() => {})
    this.baseUrl = options.baseUrl ?? ''
  }

  /** The token a signed-in session sends back on POST/PUT/PATCH/DELETE; null when signed out. */
  setCsrfToken(token: string | null): void {
    this.csrfToken = token
  }

  async request<S extends z.ZodType>(
    method: Method,
    path: string,
    schema: S,
    options: RequestOptions = {},
  ): Promise<z.output<S>> {
    const response = await this.send(method, path, options)
    const payload = await readJson(response)
    const parsed = schema.safeParse(payload)
    if (!parsed.success) throw new NetworkError(`unexpected reply from ${method} ${path}`)
    return parsed.data
  }

  /** A call whose reply carries nothing the screen needs (204 or any 2xx body). */
  async send(method: Method, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    if (mutating.has(method) && this.csrfToken) headers[CSRF_HEADER] = this.csrfToken
    let response: Response
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      })
    } catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error))
    }
    this.onActivity()
    if (response.ok) return response
    const error = await toApiError(response)
    if (response.status === 401 && !options.isSessionProbe) {
      this.csrfToken = null
      this.onSessionEnded()
    }
    throw error
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new NetworkError(`the server answered ${response.status} with something other than JSON`)
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryHeader = response.headers.get('retry-after')
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null
  let payload: unknown
  try {
    payload = await readJson(response)
  } catch {
    payload = undefined
  }
  const body = ErrorBody.safeParse(payload)
  if (!body.success)
    return new ApiError(
      response.status,
      `HTTP_${response.status}`,
      response.statusText,
      [],
      retryAfter,
    )
  return new ApiError(
    response.status,
    body.data.code,
    body.data.message,
    body.data.issues ?? [],
    retryAfter,
  )
}
