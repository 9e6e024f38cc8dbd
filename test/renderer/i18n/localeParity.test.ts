import { describe, expect, it } from 'vitest'
import arDisplay from '../../../src/renderer/src/i18n/locales/ar/display'
import arCart from '../../../src/renderer/src/i18n/locales/ar/cart'
import arManager from '../../../src/renderer/src/i18n/locales/ar/manager'
import arSettings from '../../../src/renderer/src/i18n/locales/ar/settings'
import arShell from '../../../src/renderer/src/i18n/locales/ar/shell'
import arStation from '../../../src/renderer/src/i18n/locales/ar/station'
import enDisplay from '../../../src/renderer/src/i18n/locales/en/display'
import enCart from '../../../src/renderer/src/i18n/locales/en/cart'
import enManager from '../../../src/renderer/src/i18n/locales/en/manager'
import enSettings from '../../../src/renderer/src/i18n/locales/en/settings'
import enShell from '../../../src/renderer/src/i18n/locales/en/shell'
import enStation from '../../../src/renderer/src/i18n/locales/en/station'

/** Every leaf key, with plural suffixes folded (Arabic has six plural forms, English two). */
function keys(strings: object, prefix = ''): Set<string> {
  const found = new Set<string>()
  for (const [key, value] of Object.entries(strings)) {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`
    if (value !== null && typeof value === 'object') {
      for (const nested of keys(value, `${path}.`)) found.add(nested)
    } else found.add(path)
  }
  return found
}

function placeholders(strings: object): Map<string, string> {
  const found = new Map<string, string>()
  for (const [key, value] of Object.entries(strings)) {
    if (value !== null && typeof value === 'object') {
      for (const [nested, names] of placeholders(value)) found.set(`${key}.${nested}`, names)
    } else if (!/_(zero|one|two)$/.test(key)) {
      const names = [...String(value).matchAll(/\{\{(\w+)/g)].map((match) => match[1]).sort()
      found.set(key.replace(/_(few|many|other)$/, ''), [...new Set(names)].join(','))
    }
  }
  return found
}

describe.each([
  ['shell', enShell, arShell],
  ['manager', enManager, arManager],
  ['station', enStation, arStation],
  ['settings', enSettings, arSettings],
  ['display', enDisplay, arDisplay],
  ['cart', enCart, arCart],
])('the %s strings', (_name, english, arabic) => {
  it('have the same keys in English and Arabic', () => {
    expect([...keys(arabic)].sort()).toEqual([...keys(english)].sort())
  })

  it('fill the same placeholders in both languages', () => {
    expect(placeholders(arabic)).toEqual(placeholders(english))
  })
})
