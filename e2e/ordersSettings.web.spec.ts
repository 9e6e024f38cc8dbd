import type { Page } from '@playwright/test'
import { shoot } from './support/backoffice'
import { expect, test } from './support/fixtures'
import { goTo, payCash, payCashThenCard, tile } from './support/register'
import { pins, readyToSell, signIn } from './support/session'
import {
  enrollThroughSettings,
  freePort,
  startSyncServer,
  type SyncServerProcess,
} from './support/syncServer'

// Generous for a busy machine; about 40 s each when it is quiet.
test.describe.configure({ timeout: 240_000 })

let server: SyncServerProcess | null = null

// Runs before the registers fixture removes the folder the server keeps its data in.
test.afterEach(async () => {
  await server?.stop()
  server = null
})

const sizes = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
] as const

/** The main navigation's names in Arabic (src/renderer/src/i18n/locales/ar/shell.ts). */
const arabicNav: Record<string, string> = {
  Register: 'البيع',
  Orders: 'الطلبات',
  Settings: 'الإعدادات',
}

async function setLanguage(page: Page, language: 'en' | 'ar') {
  const result = await page.evaluate(
    (value) => window.pos.invoke('register:saveConfig', { config: { language: value } }),
    language,
  )
  expect(result).toMatchObject({ ok: true })
  await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr')
}

/**
 * Turns the idle lock off for this store (from the next sign-in): on a busy machine a test can
 * spend two minutes between two clicks, and the register would lock itself in between.
 */
async function neverIdleLock(page: Page) {
  const result = await page.evaluate(async () => {
    const view = (await window.pos.invoke('settings:get', undefined)) as {
      value: { options: Record<string, unknown> }
    }
    return window.pos.invoke('settings:update', {
      options: { ...view.value.options, idleLockSeconds: 0 },
    })
  })
  expect(result).toMatchObject({ ok: true })
}

async function lockAndSignIn(page: Page, pin: string) {
  await page.getByRole('button', { name: 'Lock', exact: true }).click()
  await signIn(page, pin)
}

const orderRow = (page: Page, orderNumber: string) =>
  page.getByTestId('order-row').filter({ hasText: orderNumber })

test('orders filter by payment method and cashier, a partly refunded sale says so, and Confirm refund is in view at 800x600', async ({
  page,
  registers,
}) => {
  const register = await registers.start()
  await readyToSell(page, register.url)
  await neverIdleLock(page)

  // Maya (manager): a latte and a croissant in cash. Sam (cashier): an espresso, part by card.
  await tile(page, 'COF-LAT').click()
  await tile(page, 'BAK-CRO').click()
  const mayaCash = await payCash(page, '20')
  await lockAndSignIn(page, pins.cashier)
  await tile(page, 'COF-ESP').click()
  const samCard = await payCashThenCard(page, '1')
  await lockAndSignIn(page, pins.manager)

  // Refund the latte at 800x600: the dialog's primary action is on screen without scrolling.
  await page.setViewportSize({ width: 800, height: 600 })
  await goTo(page, 'Orders')
  await orderRow(page, mayaCash).click()
  await page.getByRole('button', { name: 'Refund', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: `Refund order ${mayaCash}` })
  const confirm = dialog.getByRole('button', { name: 'Confirm refund' })
  await expect(confirm).toBeInViewport({ ratio: 1 })
  await dialog.getByLabel('Refund quantity for Caffè Latte').fill('1')
  await dialog.getByLabel('Reason', { exact: true }).fill('Spilled')
  await shoot(page, 'orders-refund-dialog-800x600-en')
  await expect(confirm).toBeInViewport({ ratio: 1 })
  await confirm.click()
  await expect(page.getByTestId('refund-recorded')).toContainText('recorded')

  // The sale now reads Partly refunded, in the list and in its detail; the refund's total is negative with U+2212.
  await expect(orderRow(page, mayaCash).getByTestId('order-row-status')).toHaveText(
    'Partly refunded',
  )
  await orderRow(page, mayaCash).click()
  await expect(page.getByTestId('order-status')).toHaveText('Partly refunded')
  const refundRow = page.locator('[data-testid="order-row"][data-kind="REFUND"]')
  await expect(refundRow).toHaveCount(1)
  await expect(refundRow).toContainText('−$')
  await expect(refundRow).not.toContainText('-$')

  // Filters: card payments are only Sam's espresso; Sam's orders are only that one too.
  await page.setViewportSize(sizes[0])
  await page.getByRole('button', { name: 'Filters' }).click()
  const filters = page.getByRole('group', { name: 'Filter orders' })
  await filters.getByRole('combobox', { name: 'Payment' }).selectOption('card')
  await expect(page.getByTestId('order-row')).toHaveCount(1)
  await expect(page.getByTestId('order-row')).toContainText(samCard)
  await filters.getByRole('combobox', { name: 'Payment' }).selectOption('')
  await expect(page.getByTestId('order-row')).toHaveCount(3)
  await filters.getByRole('combobox', { name: 'Cashier' }).selectOption({ label: 'Sam (cashier)' })
  await expect(page.getByTestId('order-row')).toHaveCount(1)
  await expect(page.getByTestId('order-row')).toContainText(samCard)
  await filters.getByRole('searchbox', { name: 'Customer' }).fill('nobody by this name')
  await expect(page.getByText('No orders match these filters.')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page.getByTestId('order-row')).toHaveCount(3)

  await orderRow(page, mayaCash).click()
  for (const size of sizes) {
    await page.setViewportSize(size)
    await shoot(page, `orders-${size.width}x${size.height}-en`)
  }
  await setLanguage(page, 'ar')
  await expect(page.getByTestId('order-status')).toHaveText('مسترد جزئيًا')
  for (const size of sizes) {
    await page.setViewportSize(size)
    await shoot(page, `orders-${size.width}x${size.height}-ar`)
  }
  // Arabic money keeps "US$" whole (an isolate) and a refund's minus is U+2212.
  await expect(refundRow).toContainText('\u2212')
  await expect(refundRow).toContainText('\u2066US$\u2069')
})

/** The store's name as the register knows it (app:getInfo). */
async function storeNameOf(page: Page): Promise<string> {
  const info = (await page.evaluate(() => window.pos.invoke('app:getInfo', undefined))) as {
    value?: { storeName: string }
  }
  const name = info.value?.storeName ?? ''
  expect(name).not.toBe('')
  return name
}

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/

test('Settings is in sections with the store named, and a Digits setting writes Arabic in Arabic-Indic digits', async ({
  page,
  registers,
}) => {
  const register = await registers.start()
  await readyToSell(page, register.url)
  const storeName = await storeNameOf(page)

  // Not enrolled: Settings opens on its sync server section, with the enrollment form.
  await goTo(page, 'Settings')
  const sections = page.getByRole('navigation', { name: 'Settings sections' })
  for (const name of ['Register', 'Printing & station', 'Sync server', 'Store rules'])
    await expect(sections.getByRole('button', { name })).toBeVisible()
  await expect(sections.getByRole('button', { name: 'Sync server' })).toHaveAttribute(
    'aria-current',
    'true',
  )
  await expect(page.getByRole('button', { name: 'Enroll register' })).toBeVisible()

  await sections.getByRole('button', { name: 'Register' }).click()
  await expect(page.getByTestId('settings-store-name')).toContainText(storeName)
  await expect(page.getByTestId('settings-store-name')).not.toContainText(uuidPattern)
  // Printers live in their own section.
  await expect(page.getByRole('button', { name: 'Add printer' })).toHaveCount(0)
  for (const size of sizes) {
    await page.setViewportSize(size)
    await shoot(page, `settings-${size.width}x${size.height}-en`)
  }
  await sections.getByRole('button', { name: 'Printing & station' }).click()
  await expect(page.getByRole('button', { name: 'Add printer' })).toBeVisible()
  await sections.getByRole('button', { name: 'Register' }).click()

  // Arabic with Arabic-Indic digits, chosen in the Register section.
  await page.getByLabel('Digits in Arabic').selectOption('arab')
  await page.getByLabel('Language', { exact: true }).selectOption('ar')
  await page.getByRole('button', { name: 'Save register settings' }).click()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(
    page
      .getByRole('navigation', { name: 'أقسام الإعدادات' })
      .getByRole('button', { name: 'نقطة البيع' }),
  ).toBeVisible()
  for (const size of sizes) {
    await page.setViewportSize(size)
    await shoot(page, `settings-${size.width}x${size.height}-ar`)
  }
  // The clock in the top bar follows the digits setting.
  await expect(page.locator('time.clock')).toHaveText(/[\u0660-\u0669]/)
  await page
    .getByRole('navigation', { name: 'القائمة الرئيسية' })
    .getByRole('button', { name: arabicNav.Orders })
    .click()
  await expect(page.getByRole('button', { name: 'تصفية' })).toBeVisible()
})

test('an enrolled register shows its store by name and offers Re-enroll behind a question', async ({
  page,
  registers,
}) => {
  server = await startSyncServer(`${registers.root}/server`, await freePort())
  const register = await registers.start()
  await readyToSell(page, register.url)
  await enrollThroughSettings(page, server.url)
  const storeName = await storeNameOf(page)

  await goTo(page, 'Settings')
  const sections = page.getByRole('navigation', { name: 'Settings sections' })
  // Enrolled: Settings opens on the register's own section.
  await expect(sections.getByRole('button', { name: 'Register' })).toHaveAttribute(
    'aria-current',
    'true',
  )
  await sections.getByRole('button', { name: 'Sync server' }).click()
  const store = page.getByTestId('enrollment-store')
  await expect(store).toContainText(storeName)
  await expect(store).not.toContainText(uuidPattern)
  await expect(page.getByRole('button', { name: 'Enroll register' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Re-enroll…' }).click()
  await expect(page.getByText('Re-enroll this register?')).toBeVisible()
  await page.getByRole('button', { name: 'Keep this enrollment' }).click()
  await expect(page.getByRole('button', { name: 'Enroll register' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Re-enroll…' }).click()
  await page.getByRole('button', { name: 'Yes, re-enroll' }).click()
  await expect(page.getByRole('button', { name: 'Enroll register' })).toBeVisible()
})
