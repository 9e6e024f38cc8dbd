import { z } from 'zod'

/** One failing field: `path` is the form field's name (`"timeZone"`, `"storeIds.0"`). */
export interface FieldIssue {
  path: string
  message: string
}

/** The body every server route answers an error with (the sync routes' shape). */
export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
})

/** A refused call: the HTTP status, the server's code and message, and the fields it names. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly issues: FieldIssue[]
  /** Seconds to wait before trying again (429), from Retry-After. */
  readonly retryAfterSeconds: number | null

  constructor(
    status: number,
    code: string,
    message: string,
    issues: FieldIssue[] = [],
    retryAfterSeconds: number | null = null,
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.issues = issues
    this.retryAfterSeconds = retryAfterSeconds
  }

  /** The first message per field, in the order the server listed them. */
  fieldErrors(): Record<string, string> {
    return issuesToFields(this.issues)
  }
}

/** The server could not be reached, or answered something that is not its contract. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NetworkError'
  }
}

/** The first message per field path; later issues on the same field are dropped. */
export function issuesToFields(issues: readonly FieldIssue[]): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of issues) fields[issue.path] ??= issue.message
  return fields
}

/** Zod issues as the server reports them: dotted paths, `(root)` for the whole body. */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }))
}
