import i18next from 'i18next'
import { initReactI18next, useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { Locale } from '../../../shared/backoffice/api'
import arAudit from './locales/ar/audit'
import arCatalog from './locales/ar/catalog'
import arCommon from './locales/ar/common'
import arConflicts from './locales/ar/conflicts'
import arHealth from './locales/ar/health'
import arPurchasing from './locales/ar/purchasing'
import arRegisters from './locales/ar/registers'
import arReports from './locales/ar/reports'
import arRules from './locales/ar/rules'
import arSession from './locales/ar/session'
import arStock from './locales/ar/stock'
import arStores from './locales/ar/stores'
import arUsers from './locales/ar/users'
import enAudit from './locales/en/audit'
import enCatalog from './locales/en/catalog'
import enCommon from './locales/en/common'
import enConflicts from './locales/en/conflicts'
import enHealth from './locales/en/health'
import enPurchasing from './locales/en/purchasing'
import enRegisters from './locales/en/registers'
import enReports from './locales/en/reports'
import enRules from './locales/en/rules'
import enSession from './locales/en/session'
import enStock from './locales/en/stock'
import enStores from './locales/en/stores'
import enUsers from './locales/en/users'

/**
 * The register's i18n approach for the back office: react-i18next, one namespace per screen,
 * English and Arabic side by side; Arabic turns the document right-to-left. Its own i18next
 * instance, so the back office's strings never mix with the register's.
 */
export const resources = {
  en: {
    common: enCommon,
    session: enSession,
    stores: enStores,
    registers: enRegisters,
    reports: enReports,
    rules: enRules,
    audit: enAudit,
    users: enUsers,
    health: enHealth,
    conflicts: enConflicts,
    catalog: enCatalog,
    purchasing: enPurchasing,
    stock: enStock,
  },
  ar: {
    common: arCommon,
    session: arSession,
    stores: arStores,
    registers: arRegisters,
    reports: arReports,
    rules: arRules,
    audit: arAudit,
    users: arUsers,
    health: arHealth,
    conflicts: arConflicts,
    catalog: arCatalog,
    purchasing: arPurchasing,
    stock: arStock,
  },
} as const

export type Language = z.infer<typeof Locale>
export const languages: readonly Language[] = ['en', 'ar']

const storageKey = 'auraflow.backoffice.language'

function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey)
    if (stored === 'en' || stored === 'ar') return stored
  } catch {
    // Storage refused (private mode): the default language is fine.
  }
  return globalThis.navigator?.language?.startsWith('ar') ? 'ar' : 'en'
}

export const i18n = i18next.createInstance()
void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(resources.en),
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
})

/** Switches the language, the document's direction, and remembers the choice. */
export function applyLanguage(language: Language, remember = true): void {
  void i18n.changeLanguage(language)
  const root = globalThis.document?.documentElement
  if (root) {
    root.lang = language
    root.dir = language === 'ar' ? 'rtl' : 'ltr'
  }
  if (!remember) return
  try {
    globalThis.localStorage?.setItem(storageKey, language)
  } catch {
    // Not remembered; the switch still applies to this page.
  }
}

/** The language to start in: the last one picked here, else the browser's. */
export function initialLanguage(): Language {
  return storedLanguage()
}

export { useTranslation }
