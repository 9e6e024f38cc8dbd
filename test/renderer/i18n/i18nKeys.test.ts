import { describe, expect, it } from 'vitest'
import { i18n, resources } from '../../../src/renderer/src/i18n'

const pluralSuffix = /_(zero|one|two|few|many|other)$/

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

/** A plural form counts as its base key: Arabic has six forms where English has two. */
function baseKeys(keys: Iterable<string>): Set<string> {
  return new Set([...keys].map((key) => key.replace(pluralSuffix, '')))
}

const namespaces = Object.keys(resources.en) as (keyof typeof resources.en)[]

describe('the English and Arabic UI strings', () => {
  it.each(namespaces)('%s has the same keys in both languages', (namespace) => {
    const english = baseKeys(leaves(resources.en[namespace]).keys())
    const arabic = baseKeys(leaves(resources.ar[namespace]).keys())
    expect([...arabic].filter((key) => !english.has(key))).toEqual([])
    expect([...english].filter((key) => !arabic.has(key))).toEqual([])
  })

  it.each(namespaces)('%s has no empty or non-text string', (namespace) => {
    for (const language of ['en', 'ar'] as const) {
      const blank = [...leaves(resources[language][namespace])]
        .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
        .map(([key]) => `${language}:${key}`)
      expect(blank).toEqual([])
    }
  })

  it.each(namespaces)('%s uses the same placeholders in both languages', (namespace) => {
    const names = (text: unknown) =>
      [...new Set([...String(text).matchAll(/\{\{(\w+)/g)].map((match) => match[1]))].sort().join()
    const english = leaves(resources.en[namespace])
    const mismatched: string[] = []
    for (const [key, text] of leaves(resources.ar[namespace])) {
      // Arabic spells out zero, one and two ("صنفان") where English shows the count.
      if (/_(zero|one|two)$/.test(key)) continue
      const base = key.replace(pluralSuffix, '')
      const englishText = english.get(key) ?? english.get(`${base}_other`) ?? english.get(base)
      if (names(text) !== names(englishText)) mismatched.push(key)
    }
    expect(mismatched).toEqual([])
  })

  it('gives every English plural its one and other forms, and Arabic all six', () => {
    for (const namespace of namespaces) {
      const english = [...leaves(resources.en[namespace]).keys()]
      const arabic = new Set(leaves(resources.ar[namespace]).keys())
      const plurals = new Set(
        english.filter((key) => pluralSuffix.test(key)).map((key) => key.replace(pluralSuffix, '')),
      )
      for (const base of plurals) {
        expect(english, `${namespace}:${base}`).toEqual(
          expect.arrayContaining([`${base}_one`, `${base}_other`]),
        )
        for (const form of ['zero', 'one', 'two', 'few', 'many', 'other'])
          expect(arabic.has(`${base}_${form}`), `${namespace}:${base}_${form} in Arabic`).toBe(true)
      }
    }
  })

  it('picks the Arabic plural form for a count and formats it as Arabic Intl does', () => {
    const t = i18n.getFixedT('ar', 'common')
    const arabicNumber = (value: number) => new Intl.NumberFormat('ar').format(value)
    expect(t('items', { count: 1 })).toBe('صنف واحد')
    expect(t('items', { count: 2 })).toBe('صنفان')
    expect(t('items', { count: 3 })).toBe(`${arabicNumber(3)} أصناف`)
    expect(t('items', { count: 11 })).toBe(`${arabicNumber(11)} صنفًا`)
    expect(t('items', { count: 1200 })).toBe(`${arabicNumber(1200)} صنف`)
    const english = i18n.getFixedT('en', 'common')
    expect(english('items', { count: 1 })).toBe('1 item')
    expect(english('items', { count: 3 })).toBe('3 items')
  })
})
