import type { Page } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import arCatalog from '../src/backoffice/src/i18n/locales/ar/catalog'
import arCommon from '../src/backoffice/src/i18n/locales/ar/common'
import arConflicts from '../src/backoffice/src/i18n/locales/ar/conflicts'
import arHealth from '../src/backoffice/src/i18n/locales/ar/health'
import arRegisters from '../src/backoffice/src/i18n/locales/ar/registers'
import arSession from '../src/backoffice/src/i18n/locales/ar/session'
import arStores from '../src/backoffice/src/i18n/locales/ar/stores'
import arUsers from '../src/backoffice/src/i18n/locales/ar/users'
import enCatalog from '../src/backoffice/src/i18n/locales/en/catalog'
import enCommon from '../src/backoffice/src/i18n/locales/en/common'
import enConflicts from '../src/backoffice/src/i18n/locales/en/conflicts'
import enHealth from '../src/backoffice/src/i18n/locales/en/health'
import enRegisters from '../src/backoffice/src/i18n/locales/en/registers'
import enSession from '../src/backoffice/src/i18n/locales/en/session'
import enStores from '../src/backoffice/src/i18n/locales/en/stores'
import enUsers from '../src/backoffice/src/i18n/locales/en/users'
import { shoot, startBackofficeServer, type BackofficeServer } from './support/backoffice'
import { expect, test } from './support/fixtures'

test.describe.configure({ timeout: 120_000 })

const words = {
  en: {
    common: enCommon,
    session: enSession,
    stores: enStores,
    registers: enRegisters,
    users: enUsers,
    health: enHealth,
    conflicts: enConflicts,
    catalog: enCatalog,
  },
  ar: {
    common: arCommon,
    session: arSession,
    stores: arStores,
    registers: arRegisters,
    users: arUsers,
    health: arHealth,
    conflicts: arConflicts,
    catalog: arCatalog,
  },
} as const
type Language = keyof typeof words

let server: BackofficeServer | null = null
test.afterEach(async () => {
  await server?.stop()
  server = null
})

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

async function checkSyncHealth(page: Page, language: Language) {
  const t = words[language]
  await page
    .getByRole('navigation', { name: t.common.nav.label })
    .getByRole('link', { name: t.common.nav.syncHealth })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: t.health.title })).toBeVisible()
  const stores = page.getByTestId('health-store')
  await expect(stores).toHaveCount(2)
  await expect(stores.filter({ hasText: 'MALL — City Mall' })).toContainText(t.health.noRegisters)
  const updated = page.getByTestId('health-updated')
  await expect(updated).not.toHaveText(t.health.notYet)
  // Reachable from the keyboard: focus the refresh button and press Enter.
  await page.getByRole('button', { name: t.health.refresh }).focus()
  await page.keyboard.press('Enter')
  await expect(updated).not.toHaveText(t.health.notYet)
  await shoot(page, `backoffice-${language}-sync-health`)

  await page
    .getByRole('navigation', { name: t.common.nav.label })
    .getByRole('link', { name: t.common.nav.conflicts })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: t.conflicts.title })).toBeVisible()
  await expect(page.getByText(t.conflicts.empty)).toBeVisible()
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
    await checkSyncHealth(page, language)
    await signOutAndIn(page, language)
    expect(violations).toEqual([])
  })
}

/** A register's sync calls over plain HTTP (no browser, no cookie): enroll, push a product, pull. */
async function enrollTill(url: string, code: string, name: string) {
  const response = await fetch(`${url}/api/auth/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      enrollmentCode: code,
      deviceId: randomUUID(),
      name,
      fingerprint: `fp-${randomUUID()}`,
    }),
  })
  expect(response.status).toBe(200)
  return (await response.json()) as { deviceId: string; accessToken: string }
}

async function pushProduct(
  url: string,
  till: { deviceId: string; accessToken: string },
  product: { id: string; name: string; priceCents: number },
  baseVersion: number,
) {
  const response = await fetch(`${url}/api/sync/batch-push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${till.accessToken}` },
    body: JSON.stringify({
      deviceId: till.deviceId,
      changes: [
        {
          mutationId: randomUUID(),
          entity: 'product',
          id: product.id,
          op: 'upsert',
          baseVersion,
          data: product,
        },
      ],
    }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { results: { status: string }[] }).results[0]!.status
}

test('the owner sees two registers’ sync health and settles their conflict with Take device', async ({
  page,
  registers,
}) => {
  server = await startBackofficeServer(`${registers.root}/server`)
  const url = server.url
  const t = words.en
  await firstRunSetup(page, 'en')

  // Two registers of MAIN edit one product while apart (the page's own session makes the code).
  const session = (await (await page.request.get(`${url}/api/backoffice/session`)).json()) as {
    csrfToken: string
  }
  const stores = (await (await page.request.get(`${url}/api/admin/stores`)).json()) as {
    stores: { id: string; code: string }[]
  }
  const main = stores.stores.find((store) => store.code === 'MAIN')!
  const issued = await page.request.post(`${url}/api/admin/enrollment-codes`, {
    headers: { 'x-csrf-token': session.csrfToken },
    data: { storeId: main.id, uses: 2 },
  })
  expect(issued.status()).toBe(200)
  const { code } = (await issued.json()) as { code: string }
  const till1 = await enrollTill(url, code, 'Till 1')
  const till2 = await enrollTill(url, code, 'Till 2')
  const id = randomUUID()
  expect(await pushProduct(url, till1, { id, name: 'Tea', priceCents: 200 }, 0)).toBe('applied')
  expect(await pushProduct(url, till1, { id, name: 'Green tea', priceCents: 250 }, 1)).toBe(
    'applied',
  )
  expect(await pushProduct(url, till2, { id, name: 'Black tea', priceCents: 300 }, 1)).toBe(
    'conflict',
  )

  await page
    .getByRole('navigation', { name: t.common.nav.label })
    .getByRole('link', { name: t.common.nav.syncHealth })
    .click()
  const mainHealth = page.getByTestId('health-store').filter({ hasText: 'MAIN — Main Street' })
  await expect(mainHealth.getByTestId('health-row')).toHaveCount(2)
  await expect(mainHealth.getByTestId('health-row').filter({ hasText: 'Till 2' })).toContainText(
    t.health.verdicts.behind,
  )
  await shoot(page, 'backoffice-en-sync-health-registers')
  await mainHealth.getByRole('link', { name: 'Open conflicts: 1' }).click()

  await expect(page.getByRole('heading', { level: 1, name: t.conflicts.title })).toBeVisible()
  await page.getByRole('button', { name: 'Compare Green tea' }).click()
  const dialog = page.getByRole('dialog', { name: 'Green tea' })
  await expect(dialog.locator('[data-differs="true"]')).toHaveCount(2)
  await expect(dialog.locator('[data-differs="true"]').first()).toContainText('Black tea')
  await shoot(page, 'backoffice-en-conflict-compare')
  await dialog.getByRole('button', { name: t.conflicts.takeDevice }).click()
  await dialog.getByRole('button', { name: t.conflicts.confirm.yes }).click()
  await expect(page.getByText('Green tea is settled.')).toBeVisible()
  await expect(page.getByText(t.conflicts.empty)).toBeVisible()

  // The register that kept the server's copy pulls the register's version.
  const pulled = await fetch(`${url}/api/sync/pull-changes`, {
    headers: { authorization: `Bearer ${till1.accessToken}` },
  })
  const changes = (
    (await pulled.json()) as { changes: { id: string; version: number; data: unknown }[] }
  ).changes
  expect(changes.filter((change) => change.id === id).at(-1)).toMatchObject({
    version: 3,
    data: { name: 'Black tea', priceCents: 300 },
  })
})

test('the owner edits a product’s price in the back office and a register pulls it', async ({
  page,
  registers,
}) => {
  server = await startBackofficeServer(`${registers.root}/server`)
  const url = server.url
  const t = words.en
  await firstRunSetup(page, 'en')
  const session = (await (await page.request.get(`${url}/api/backoffice/session`)).json()) as {
    csrfToken: string
  }
  const stores = (await (await page.request.get(`${url}/api/admin/stores`)).json()) as {
    stores: { id: string; code: string }[]
  }
  const main = stores.stores.find((store) => store.code === 'MAIN')!
  const issued = await page.request.post(`${url}/api/admin/enrollment-codes`, {
    headers: { 'x-csrf-token': session.csrfToken },
    data: { storeId: main.id, uses: 1 },
  })
  const { code } = (await issued.json()) as { code: string }
  const till = await enrollTill(url, code, 'Till 1')
  const id = randomUUID()
  const mintTea = { id, name: 'Mint tea', priceCents: 200, sku: 'TEA-MINT' }
  expect(await pushProduct(url, till, mintTea, 0)).toBe('applied')

  await page
    .getByRole('navigation', { name: t.common.nav.label })
    .getByRole('link', { name: t.common.nav.products })
    .click()
  await expect(
    page.getByRole('heading', { level: 1, name: t.catalog.products.title }),
  ).toBeVisible()
  const row = page.getByTestId('product-row').filter({ hasText: 'Mint tea' })
  await row.getByRole('button', { name: 'Edit Mint tea' }).click()
  const dialog = page.getByRole('dialog', { name: t.catalog.products.editTitle })
  const price = dialog.getByLabel('Price (EGP)')
  // A price with a currency sign is refused on the field, before anything is sent.
  await price.fill('EGP 2.75')
  await price.press('Enter')
  await expect(price).toBeFocused()
  await expect(dialog.getByText(t.common.fieldErrors.priceCents)).toBeVisible()
  await price.fill('2.75')
  await shoot(page, 'backoffice-en-product-price')
  await price.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Mint tea saved. Registers get it at their next sync.')).toBeVisible()
  await expect(row).toContainText('2.75')

  // The register pulls the back office's version.
  const pulled = await fetch(`${url}/api/sync/pull-changes`, {
    headers: { authorization: `Bearer ${till.accessToken}` },
  })
  const changes = (
    (await pulled.json()) as { changes: { id: string; version: number; data: unknown }[] }
  ).changes
  expect(changes.filter((change) => change.id === id).at(-1)).toMatchObject({
    version: 2,
    data: { name: 'Mint tea', sku: 'TEA-MINT', priceCents: 275 },
  })
})

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
