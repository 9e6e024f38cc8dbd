import type { z } from 'zod'
import { PosErrorShape } from './schemas'

export type PosErrorCode = z.infer<typeof PosErrorShape>['code']
export type PosErrorData = z.infer<typeof PosErrorShape>

/** The one error type that crosses the bridge; `code` is what callers branch on. */
export class PosError extends Error {
  readonly code: PosErrorCode
  readonly path: string | undefined

  constructor(code: PosErrorCode, message: string, path?: string) {
    super(message)
    this.name = 'PosError'
    this.code = code
    this.path = path
  }

  toData(): PosErrorData {
    return this.path === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, path: this.path }
  }

  static fromData(data: unknown): PosError {
    const parsed = PosErrorShape.safeParse(data)
    if (!parsed.success)
      return new PosError('INTERNAL', 'The register returned an unreadable error.')
    return new PosError(parsed.data.code, parsed.data.message, parsed.data.path)
  }
}

/** What a transport carries back for one call: a value or a typed error, never a thrown object. */
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: PosErrorData }
