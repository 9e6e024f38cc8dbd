import type { z } from 'zod'

/** One operation of the OpenAPI document, as the route modules describe it. */
export type Operation = {
  summary: string
  tags: string[]
  body?: z.ZodType
  response?: z.ZodType
  query?: Record<string, string>
  isPublic?: boolean
}

export type OperationsByPath = Record<
  string,
  Partial<Record<'get' | 'post' | 'put' | 'patch' | 'delete', Operation>>
>
