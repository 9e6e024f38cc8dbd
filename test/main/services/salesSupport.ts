import { v4 as uuidv4 } from 'uuid'
import type { RegisterCore } from '../../../src/main/core'
import { ean13CheckDigit } from '../../../src/shared/domain/barcode'
import type { InvokeInput } from '../../../src/shared/ipc/contract'
import { call } from '../../support/registerCore'

type Draft = InvokeInput<'sale:complete'>
export type LineDraft = Draft['lines'][number]

export async function catalogBySku(core: RegisterCore) {
  const products = await call(core, 'catalog:listAll')
  return new Map(products.map((product) => [product.sku, product]))
}

/** The id of a variant or modifier option of a product, by name. */
export function choiceId(
  product: Awaited<ReturnType<typeof catalogBySku>> extends Map<string, infer P> ? P : never,
  name: string,
): string {
  const variant = product.variants.find((candidate) => candidate.name === name)
  if (variant) return variant.id
  for (const group of product.modifierGroups) {
    const option = group.options.find((candidate) => candidate.name === name)
    if (option) return option.id
  }
  throw new Error(`${product.name} has no choice named ${name}`)
}

export function sell(
  core: RegisterCore,
  lines: LineDraft[],
  payments: Draft['payments'],
  extra: Partial<Draft> = {},
) {
  return call(core, 'sale:complete', { clientRequestId: uuidv4(), lines, payments, ...extra })
}

/** A valid in-store EAN-13: prefix + 5-digit item + 5-digit value + check digit. */
export function embeddedEan13(productCode: string, value: number): string {
  const body = `${productCode}${String(value).padStart(5, '0')}`
  return `${body}${ean13CheckDigit(body)}`
}

export function rows<T>(core: RegisterCore, sql: string, ...params: unknown[]): T[] {
  return core.database.sqlite.prepare(sql).all(...params) as T[]
}
