import i18next from 'i18next'
import { createContext, useContext } from 'react'
import { initReactI18next, useTranslation } from 'react-i18next'
import { displayLocale, type Digits, type Language } from '../../../shared/store/registerConfig'
import arApproval from './locales/ar/approval'
import arCart from './locales/ar/cart'
import arCatalog from './locales/ar/catalog'
import arCommon from './locales/ar/common'
import arDisplay from './locales/ar/display'
import arManager from './locales/ar/manager'
import arOrders from './locales/ar/orders'
import arReceipts from './locales/ar/receipts'
import arRegister from './locales/ar/register'
import arSession from './locales/ar/session'
import arSettings from './locales/ar/settings'
import arShell from './locales/ar/shell'
import arShift from './locales/ar/shift'
import arStation from './locales/ar/station'
import arStock from './locales/ar/stock'
import arSync from './locales/ar/sync'
import enApproval from './locales/en/approval'
import enCart from './locales/en/cart'
import enCatalog from './locales/en/catalog'
import enCommon from './locales/en/common'
import enDisplay from './locales/en/display'
import enManager from './locales/en/manager'
import enOrders from './locales/en/orders'
import enReceipts from './locales/en/receipts'
import enRegister from './locales/en/register'
import enSession from './locales/en/session'
import enSettings from './locales/en/settings'
import enShell from './locales/en/shell'
import enShift from './locales/en/shift'
import enStation from './locales/en/station'
import enStock from './locales/en/stock'
import enSync from './locales/en/sync'

/**
 * The one i18n layer: every UI string goes through `t` (react-i18next), one namespace per feature,
 * English and Arabic side by side under locales/. Arabic switches the document to right-to-left;
 * numbers, money and dates go through Intl with the language's locale (useLocale).
 */
export const resources = {
  en: {
    common: enCommon,
    register: enRegister,
    cart: enCart,
    orders: enOrders,
    shift: enShift,
    session: enSession,
    sync: enSync,
    settings: enSettings,
    catalog: enCatalog,
    approval: enApproval,
    manager: enManager,
    station: enStation,
    stock: enStock,
    display: enDisplay,
    shell: enShell,
    receipts: enReceipts,
  },
  ar: {
    common: arCommon,
    register: arRegister,
    cart: arCart,
    orders: arOrders,
    shift: arShift,
    session: arSession,
    sync: arSync,
    settings: arSettings,
    catalog: arCatalog,
    approval: arApproval,
    manager: arManager,
    station: arStation,
    stock: arStock,
    display: arDisplay,
    shell: arShell,
    receipts: arReceipts,
  },
} as const

export type Namespace = keyof (typeof resources)['en']

void i18next.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(resources.en),
  interpolation: { escapeValue: false },
  returnNull: false,
})

export const i18n = i18next

/** Switches the UI language and the document's direction. */
export function applyLanguage(language: Language): void {
  void i18next.changeLanguage(language)
  // Typed loosely so the unit tests, which load the dictionaries under Node, compile too.
  const root = (globalThis as { document?: { documentElement: { lang: string; dir: string } } })
    .document?.documentElement
  if (!root) return
  root.lang = language
  root.dir = language === 'ar' ? 'rtl' : 'ltr'
}

/** The register's digits setting for Arabic screens (App provides it from the register config). */
export const DigitsContext = createContext<Digits>('latn')

/**
 * The Intl locale for numbers, money and dates in the current language: the store's `fallback` in
 * English, Arabic with the register's digits ("ar-u-nu-arab") in Arabic.
 */
export function useLocale(fallback: string): string {
  const { i18n: instance } = useTranslation()
  const digits = useContext(DigitsContext)
  return displayLocale(instance.language === 'ar' ? 'ar' : 'en', fallback, digits)
}

export { useTranslation }
