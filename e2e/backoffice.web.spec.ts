import type { Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import arCommon from '../src/backoffice/src/i18n/locales/ar/common'
import arRegisters from '../src/backoffice/src/i18n/locales/ar/registers'
import arSession from '../src/backoffice/src/i18n/locales/ar/session'
import arStores from '../src/backoffice/src/i18n/locales/ar/stores'
import arUsers from '../src/backoffice/src/i18n/locales/ar/users'
import enCommon from '../src/backoffice/src/i18n/locales/en/common'
import enRegisters from '../src/backoffice/src/i18n/locales/en/registers'
import enSession from '../src/backoffice/src/i18n/locales/en/session'
import enStores from '../src/backoffice/src/i18n/locales/en/stores'
import enUsers from '../src/backoffice/src/i18n/locales/en/users'
import { expect, test } from './support/fixtures'
import { freePort } from './support/syncServer'
import { spawnTsx, stopChild, waitForLine } from './support/webRegister'

test.describe.configure({ timeout: 120_000 })

/** Screenshots a reviewer looks at: kept under e2e-artifacts/ (and attached to the report). */
const artifacts = resolve(import.meta.dirname, '..', 'e2e-artifacts', 'screenshots')

const words = {
  en: {
    common: enCommon,
    session: enSession,
    stores: enStores,
    registers: enRegisters,
    users: enUsers,
  },
  ar: {
    common: arCommon,
    session: arSession,
    stores: arStores,
    registers: arRegisters,
    users: arUsers,
  },
} as const
type Language = keyof typeof words

interface BackofficeServer {
  url: string
  setupUrl: string
  output: string[]
  stop(): Promise<void>
}

let server: BackofficeServer | null = null
test.afterEach(async () => {
  await server?.stop()
  server = null
})

/**
 * `npm run server` on an empty database, serving out/backoffice (built by `npm run build`):
 * it prints the one-time set-up link, as a new owner would see it.
 */
async function startBackofficeServer(dataDir: string): Promise<BackofficeServer> {
  const child = spawnTsx(['src/server/cli.ts'], {
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    AURAFLOW_SERVER_DATA: dataDir,
    LOG_LEVEL: 'warn',
  })
  const output: string[] = []
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const setupUrl = await waitForLine(
    child,
    output,
    /(https?:\/\/\S+\/setup\?token=\S+)/,
    'back office server',
  )
  return { url: new URL(setupUrl).origin, setupUrl, output, stop: () => stopChild(child) }
}

async function shoot(page: Page, name: string) {
  mkdirSync(artifacts, { recursive: true })
  await page.screenshot({ path: `${artifacts}/${name}.png`, fullPage: true })
  await test.info().attach(name, { path: `${artifacts}/${name}.png`, contentType: 'image/png' })
}

/** Any Content-Security-Policy refusal the page reports: the back office needs none. */
function watchCsp(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

const owner = { email: 'owner@example.com', password: 'a long owner password' }

async function firstRunSetup(page: Page, language: Language) {
  const t = words[language]
  await page.goto(server!.setupUrl)
  if (language === 'ar') {
    await page.getByLabel(words.en.common.language.label).selectOption('ar')
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  }
  await expect(page.getByRole('heading', { level: 1, name: t.session.setup.title })).toBeVisible()
  await page.getByLabel(t.session.setup.businessName).fill('Nile Coffee')
  await page.getByLabel(t.session.setup.storeCode).fill('main')
  await page.getByLabel(t.session.setup.storeName).fill('Main Street')
  await page.getByLabel(t.session.setup.timeZone).selectOption('Africa/Cairo')
  await page.getByLabel(t.session.setup.currency).selectOption('EGP')
  await page.getByLabel(t.session.setup.email).fill(owner.email)
  await page.getByLabel(t.session.setup.password, { exact: true }).fill(owner.password)
  // A mismatch is caught on the field before anything is sent.
  await page.getByLabel(t.session.setup.confirmPassword).fill('something else entirely')
  await page.getByLabel(t.session.setup.confirmPassword).press('Enter')
  await expect(page.getByLabel(t.session.setup.confirmPassword)).toBeFocused()
  await expect(page.getByText(t.common.fieldErrors.confirmPassword)).toBeVisible()
  await page.getByLabel(t.session.setup.confirmPassword).fill(owner.password)
  await shoot(page, `backoffice-${language}-setup`)
  await page.getByLabel(t.session.setup.confirmPassword).press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: t.stores.title })).toBeVisible()
  await expect(page.getByTestId('store-row')).toHaveCount(1)
  await expect(page.getByTestId('store-row').first()).toContainText('MAIN')
}

async function createSecondStore(page: Page, language: Language) {
  const t = words[language]
  await page.getByRole('button', { name: t.stores.add }).click()
  const dialog = page.getByRole('dialog', { name: t.stores.form.createTitle })
  await expect(dialog).toBeVisible()
  // The shared schema refuses a dashed code on the field, focus on it, before any request.
  await dialog.getByLabel(t.stores.form.code).fill('city-mall')
  await dialog.getByLabel(t.stores.form.name).fill('City Mall')
  await dialog.getByLabel(t.stores.form.name).press('Enter')
  await expect(dialog.getByLabel(t.stores.form.code)).toBeFocused()
  await expect(dialog.getByLabel(t.stores.form.code)).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByText(t.common.fieldErrors.code)).toBeVisible()

  await dialog.getByLabel(t.stores.form.code).fill('MALL')
  await dialog.getByLabel(t.stores.form.address).fill('12 Corniche Road')
  await dialog.getByLabel(t.stores.form.currency).selectOption('AED')
  await dialog.getByLabel(t.stores.form.timeZone).selectOption('Asia/Dubai')
  await dialog.getByLabel(t.stores.form.locale).selectOption('ar')
  await dialog.getByRole('button', { name: t.stores.form.create }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('store-row')).toHaveCount(2)
  const mall = page.getByTestId('store-row').filter({ hasText: 'MALL' })
  await expect(mall).toContainText('City Mall')
  await expect(mall).toContainText('Asia/Dubai')
  await expect(mall).toContainText('AED')
  await shoot(page, `backoffice-${language}-stores`)
}

async function createEnrollmentCode(page: Page, language: Language) {
  const t = words[language]
  await page
    .getByRole('navigation', { name: t.common.nav.label })
    .getByRole('link', { name: t.common.nav.registers })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: t.registers.title })).toBeVisible()
  const store = page.getByLabel(t.registers.store)
  await store.selectOption({ label: 'MALL — City Mall' })
  await expect(page.getByRole('heading', { level: 2, name: 'MALL — City Mall' })).toBeVisible()
  await expect(page.getByText(t.registers.empty)).toBeVisible()

  await page.getByRole('button', { name: t.registers.enroll.button }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel(t.registers.enroll.expiresIn).selectOption(String(24 * 60))
  await dialog.getByRole('button', { name: t.registers.enroll.create }).click()
  const code = dialog.getByTestId('enrollment-code-value')
  await expect(code).toHaveText(/\S{4,}/)
  const qr = dialog.getByRole('img', { name: /QR/ })
  await expect(qr).toBeVisible()
  await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml;/)
  // The data: image decoded under the server's CSP (img-src 'self' data:).
  expect(await qr.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0)
  await shoot(page, `backoffice-${language}-enrollment-code`)

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
}

async function addStoreManager(page: Page, language: Language) {
  const t = words[language]
  await page
    .getByRole('navigation', { name: t.common.nav.label })
    .getByRole('link', { name: t.common.nav.users })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: t.users.title })).toBeVisible()
  await page.getByRole('button', { name: t.users.add }).click()
  const dialog = page.getByRole('dialog', { name: t.users.form.title })
  await dialog.getByLabel(t.users.form.email).fill('manager@example.com')
  await dialog.getByLabel(t.users.form.password).fill('a long manager password')
  await dialog.getByLabel(t.users.form.role).selectOption('store_manager')
  await dialog.getByRole('checkbox', { name: 'MALL — City Mall' }).check()
  await dialog.getByRole('button', { name: t.users.form.create }).click()
  await expect(dialog).toBeHidden()
  const row = page.getByTestId('user-row').filter({ hasText: 'manager@example.com' })
  await expect(row).toContainText('MALL')
  await expect(row).toContainText(t.common.roles.store_manager)
  await shoot(page, `backoffice-${language}-users`)
}

async function signOutAndIn(page: Page, language: Language) {
  const t = words[language]
  await page.getByRole('button', { name: t.common.signOut }).click()
  await expect(page.getByRole('heading', { level: 1, name: t.session.signIn.title })).toBeVisible()
  await expect(page.getByText(t.session.signIn.signedOut)).toBeVisible()

  await page.getByLabel(t.session.signIn.email).fill(owner.email)
  await page.getByLabel(t.session.signIn.password).fill('not the password')
  await page.getByLabel(t.session.signIn.password).press('Enter')
  await expect(page.getByRole('alert')).toHaveText(t.session.signIn.wrong)
  await page.getByLabel(t.session.signIn.password).fill(owner.password)
  await page.getByLabel(t.session.signIn.password).press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: t.stores.title })).toBeVisible()
  await page.getByRole('button', { name: t.common.signOut }).click()
  await expect(page.getByRole('heading', { level: 1, name: t.session.signIn.title })).toBeVisible()
}

for (const language of ['en', 'ar'] as const) {
  test(`first-run setup, a second store, an enrollment code with its QR, a store manager, sign out (${language})`, async ({
    page,
    registers,
  }) => {
    server = await startBackofficeServer(`${registers.root}/server`)
    const violations = watchCsp(page)
    await firstRunSetup(page, language)
    if (language === 'ar') {
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
      // The nav starts on the right in Arabic.
      const nav = await page.getByRole('navigation').boundingBox()
      const brand = await page.locator('.bo-brand').boundingBox()
      expect(brand!.x).toBeGreaterThan(nav!.x)
    }
    await createSecondStore(page, language)
    await createEnrollmentCode(page, language)
    await addStoreManager(page, language)
    await signOutAndIn(page, language)
    expect(violations).toEqual([])
  })
}

test('the app is served at / with a strict CSP, and /api stays JSON', async ({
  page,
  registers,
}) => {
  server = await startBackofficeServer(`${registers.root}/server`)
  const response = await page.goto(`${server.url}/stores`)
  const csp = response?.headers()['content-security-policy'] ?? ''
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toContain('unsafe-inline')
  expect(csp).toMatch(/img-src [^;]*data:/)
  // Not signed in: the app shows sign in, not a JSON 404.
  await expect(
    page.getByRole('heading', { level: 1, name: words.en.session.signIn.title }),
  ).toBeVisible()
  const api = await page.request.get(`${server.url}/api/no-such-route`)
  expect(api.status()).toBe(404)
  expect(await api.json()).toMatchObject({ code: 'NOT_FOUND' })
})
