import type { Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import enCommon from '../src/backoffice/src/i18n/locales/en/common'
import enRules from '../src/backoffice/src/i18n/locales/en/rules'
import enSession from '../src/backoffice/src/i18n/locales/en/session'
import enStores from '../src/backoffice/src/i18n/locales/en/stores'
import { expect, test } from './support/fixtures'
import { openPayment, tile } from './support/register'
import { readyToSell } from './support/session'
import { freePort } from './support/syncServer'
import { spawnTsx, stopChild, waitForLine } from './support/webRegister'

test.describe.configure({ timeout: 120_000 })

const artifacts = resolve(import.meta.dirname, '..', 'e2e-artifacts', 'screenshots')
const owner = { email: 'owner@example.com', password: 'a long owner password' }

let stopServer: (() => Promise<void>) | null = null
test.afterEach(async () => {
  await stopServer?.()
  stopServer = null
})

/** `npm run server` on an empty database, serving out/backoffice: it prints the set-up link. */
async function startBackofficeServer(dataDir: string) {
  const child = spawnTsx(['src/server/cli.ts'], {
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    AURAFLOW_SERVER_DATA: dataDir,
    LOG_LEVEL: 'warn',
  })
  const output: string[] = []
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const setupUrl = await waitForLine(child, output, /(https?:\/\/\S+\/setup\?token=\S+)/, 'server')
  stopServer = () => stopChild(child)
  return { url: new URL(setupUrl).origin, setupUrl }
}

async function shoot(page: Page, name: string) {
  mkdirSync(artifacts, { recursive: true })
  await page.screenshot({ path: `${artifacts}/${name}.png`, fullPage: true })
  await test.info().attach(name, { path: `${artifacts}/${name}.png`, contentType: 'image/png' })
}

/** The owner's first run: business, store MAIN, account; then an enrollment code for MAIN. */
async function setUpStore(page: Page, setupUrl: string, url: string): Promise<string> {
  const setup = enSession.setup
  await page.goto(setupUrl)
  await page.getByLabel(setup.businessName).fill('Nile Coffee')
  await page.getByLabel(setup.storeCode).fill('main')
  await page.getByLabel(setup.storeName).fill('Main Street')
  await page.getByLabel(setup.timeZone).selectOption('Africa/Cairo')
  await page.getByLabel(setup.currency).selectOption('USD')
  await page.getByLabel(setup.email).fill(owner.email)
  await page.getByLabel(setup.password, { exact: true }).fill(owner.password)
  await page.getByLabel(setup.confirmPassword).fill(owner.password)
  await page.getByLabel(setup.confirmPassword).press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: enStores.title })).toBeVisible()
  const session = (await (await page.request.get(`${url}/api/backoffice/session`)).json()) as {
    csrfToken: string
  }
  const stores = (await (await page.request.get(`${url}/api/admin/stores`)).json()) as {
    stores: { id: string; code: string }[]
  }
  const issued = await page.request.post(`${url}/api/admin/enrollment-codes`, {
    headers: { 'x-csrf-token': session.csrfToken },
    data: { storeId: stores.stores.find((store) => store.code === 'MAIN')!.id, uses: 1 },
  })
  return ((await issued.json()) as { code: string }).code
}

/** The register manager's path: Settings, server address, the code, Enroll; back to selling. */
async function enroll(register: Page, serverUrl: string, code: string) {
  const nav = register.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('button', { name: 'Settings' }).click()
  await register.getByLabel('Server address').fill(serverUrl)
  await register.getByLabel('Enrollment code').fill(code)
  await register.getByRole('button', { name: 'Enroll register' }).click()
  await expect(register.getByTestId('enrollment-status')).toContainText(serverUrl)
  await nav.getByRole('button', { name: 'Register' }).click()
}

test('the owner adds a Gift card tender in the back office; the register offers it after its sync', async ({
  page,
  browser,
  registers,
}) => {
  const { url, setupUrl } = await startBackofficeServer(`${registers.root}/server`)
  const code = await setUpStore(page, setupUrl, url)

  // A register of MAIN, enrolled, selling with the default tenders.
  const till = await registers.start({ flags: ['--sync-interval-ms', '1000'] })
  const registerContext = await browser.newContext()
  const register = await registerContext.newPage()
  await readyToSell(register, till.url)
  await enroll(register, url, code)
  await tile(register, 'COF-LAT').click()
  let payment = await openPayment(register)
  const methods = () => payment.getByRole('radiogroup', { name: 'Payment method' })
  await expect(methods().getByRole('radio', { name: 'Voucher' })).toBeVisible()
  await expect(methods().getByRole('radio', { name: 'Gift card' })).toHaveCount(0)
  await register.keyboard.press('Escape')
  await expect(payment).toBeHidden()

  // The owner adds the tender and lowers the discount limit, by keyboard where a person would.
  await page
    .getByRole('navigation', { name: enCommon.nav.label })
    .getByRole('link', { name: enCommon.nav.storeRules })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: enRules.title })).toBeVisible()
  await expect(page.getByText(enRules.defaults)).toBeVisible()
  await page.getByLabel(enRules.discountLimit).fill('150')
  await page.getByRole('button', { name: enRules.tenders.add }).click()
  await page.getByLabel('Name of way to pay 4').fill('Gift card')
  await page.getByLabel('Way to pay 4 needs a reference').check()
  await page.getByLabel('Name of way to pay 4').press('Enter')
  // Refused on the field before anything is sent, focus on it.
  await expect(page.getByLabel(enRules.discountLimit)).toBeFocused()
  await expect(page.getByText(enRules.errors.discountLimit)).toBeVisible()
  await page.getByLabel(enRules.discountLimit).fill('10')
  // Closing a shift asks again past $2.50 over or short, instead of the default $5.00.
  await expect(page.getByLabel(enRules.closeShiftVariance)).toHaveValue('5.00')
  await page.getByLabel(enRules.closeShiftVariance).fill('2.50')
  await page.getByLabel(enRules.discountLimit).press('Enter')
  await expect(page.getByText(enRules.saved)).toBeVisible()
  await expect(page.getByText('Version 1')).toBeVisible()
  await shoot(page, 'backoffice-en-store-rules')

  // The register pulls the rules at its next sync (every second here) without a restart.
  payment = await openPayment(register)
  await expect(async () => {
    await register.keyboard.press('Escape')
    await expect(payment).toBeHidden()
    payment = await openPayment(register)
    await expect(methods().getByRole('radio', { name: 'Gift card' })).toBeVisible({
      timeout: 1_000,
    })
  }).toPass({ timeout: 30_000 })
  await methods().getByRole('radio', { name: 'Gift card' }).click()
  await expect(payment.getByLabel('Gift card number')).toBeVisible()
  const allowance = await register.evaluate(async () => {
    const reply = (await window.pos.invoke('settings:get', undefined)) as {
      value: { options: { closeShiftVarianceCents: number } }
    }
    return reply.value.options.closeShiftVarianceCents
  })
  expect(allowance).toBe(250)
  await shoot(register, 'register-gift-card-tender')
  await registerContext.close()
})
