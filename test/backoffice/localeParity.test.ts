import { describe, expect, it } from 'vitest'
import { resources } from '../../src/backoffice/src/i18n'

/** Every leaf key as a dotted path, with its text. */
function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>()
  if (tree === null || typeof tree !== 'object') return found
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object')
      for (const [inner, text] of leaves(value, path)) found.set(inner, text)
    else found.set(path, value)
  }
  return found
}

const namespaces = Object.keys(resources.en) as (keyof typeof resources.en)[]
const placeholders = (text: unknown) =>
  [...new Set([...String(text).matchAll(/\{\{(\w+)/g)].map((match) => match[1]))].sort().join()

describe('the back office strings in English and Arabic', () => {
  it.each(namespaces)('%s has the same keys and placeholders in both languages', (namespace) => {
    const english = leaves(resources.en[namespace])
    const arabic = leaves(resources.ar[namespace])
    expect([...arabic.keys()].sort()).toEqual([...english.keys()].sort())
    const mismatched = [...english].filter(
      ([key, text]) => placeholders(text) !== placeholders(arabic.get(key)),
    )
    expect(mismatched.map(([key]) => key)).toEqual([])
  })

  it.each(namespaces)('%s reads in Arabic (no English left behind)', (namespace) => {
    // Language names show themselves in their own script.
    const untranslated = [...leaves(resources.ar[namespace])]
      .filter(([key]) => key !== 'language.en' && key !== 'none')
      .filter(([, text]) => typeof text !== 'string' || !/[\u0600-\u06FF]/.test(text))
      .map(([key]) => key)
    expect(untranslated).toEqual([])
  })
})
