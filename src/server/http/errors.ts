import type { z } from 'zod'

export interface Issue {
  path: string
  message: string
}

/** An error with the status and `{code, message}` body the client gets. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message)
  }
}

export function issuesOf(error: z.ZodError, prefix: (string | number)[] = []): Issue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.') || '(root)',
    message: issue.message,
  }))
}

/** Parses `value` or throws a 400 naming the first failing path. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  throw validationError(issuesOf(parsed.error), what)
}

export function validationError(issues: Issue[], what: string): HttpError {
  const first = issues[0]
  return new HttpError(
    400,
    'VALIDATION',
    `invalid ${what}${first ? ` at ${first.path}: ${first.message}` : ''}`,
    issues,
  )
}

export const MAX_JSON_DEPTH = 32

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'NUL characters are not accepted'
  if (LONE_SURROGATE.test(text)) return 'not well-formed text (a lone UTF-16 surrogate)'
  return null
}

/**
 * Values JSON can carry but nothing downstream can hold: U+0000 and lone UTF-16 surrogates
 * (PostgreSQL text and jsonb refuse both), numbers that overflowed to ±Infinity while parsing
 * (`1e400`: no canonical JSON, no hash), and deep nesting (stack on both sides). Found before a
 * valid-looking record turns into a storage error. Returns a path and a reason.
 */
export function findUnstorableValue(value: unknown): Issue | null {
  // The path is built only on the way back from a finding: bodies are walked on every push.
  const reversedPath: (string | number)[] = []
  const walk = (node: unknown, depth: number): string | null => {
    if (depth > MAX_JSON_DEPTH) return `nested deeper than ${MAX_JSON_DEPTH} levels`
    if (typeof node === 'string') return textProblem(node)
    if (typeof node === 'number')
      return Number.isFinite(node) ? null : 'number out of range (not a finite number)'
    if (node === null || typeof node !== 'object') return null
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) {
        const problem = walk(node[index], depth + 1)
        if (problem) {
          reversedPath.push(index)
          return problem
        }
      }
      return null
    }
    for (const name in node) {
      const problem = textProblem(name) ?? walk((node as Record<string, unknown>)[name], depth + 1)
      if (problem) {
        reversedPath.push(name)
        return problem
      }
    }
    return null
  }
  const message = walk(value, 0)
  return message ? { path: reversedPath.reverse().join('.') || '(root)', message } : null
}

/** Throws a 400 when the value holds something unstorable (see findUnstorableValue). */
export function refuseUnstorableValues(value: unknown, what: string): void {
  const issue = findUnstorableValue(value)
  if (issue) throw validationError([issue], what)
}
