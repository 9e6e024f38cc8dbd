import { parse } from 'csv-parse/sync'
import { readFile } from 'node:fs/promises'
import { expect, test } from './support/fixtures'
import {
  issueEnrollmentCode,
  nav,
  setUpOwner,
  shoot,
  startBackofficeServer,
  type BackofficeServer,
} from './support/backoffice'
import { enrolledRegister } from './support/enrolled'
import { payCash, refundOne, tile } from './support/register'

/*
 * Issue 14's audit log in words: a refund made on a register reaches the back office's Audit log
 * as a sentence (who, what, how much, which register), filters narrow it, the CSV says the same
 * words, and the Arabic page says it in Arabic. No id or JSON shows anywhere.
 */

test.describe.configure({ timeout: 180_000 })
const zone = 'Asia/Dubai'
test.use({ timezoneId: zone })

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

let server: BackofficeServer | null = null
test.afterEach(async () => {
  await server?.stop()
  server = null
})

test('a refund on a register reads as a sentence in the back office audit log, filtered, exported and in Arabic', async ({
  browser,
  page,
  registers,
}) => {
  server = await startBackofficeServer(`${registers.root}/server`)
  await setUpOwner(page, server, zone)
  const till = await enrolledRegister(
    browser,
    registers,
    'A1',
    server.url,
    await issueEnrollmentCode(page, 'MAIN — Main Street'),
    zone,
  )
  await tile(till, 'COF-ESP').click()
  await tile(till, 'BAK-CRO').click()
  const order = await payCash(till, '20')
  await refundOne(till, order, 'Espresso')
  await expect(till.getByTestId('sync-badge')).toHaveAttribute('data-state', 'synced', {
    timeout: 30_000,
  })

  await nav(page, 'Audit log')
  const filters = page.getByRole('form', { name: 'Audit log filters' })
  await filters.getByLabel('Action').selectOption({ label: 'Refund' })
  await filters.getByRole('button', { name: 'Show' }).click()
  const rows = page.getByTestId('audit-row')
  // The refund arrives with the register's next push; the page shows it once asked again.
  await expect(async () => {
    await filters.getByRole('button', { name: 'Show' }).click()
    await expect(rows).toHaveCount(1, { timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  const refund = rows.first()
  await expect(refund).toContainText(`refunded`)
  await expect(refund).toContainText(order)
  await expect(refund).toContainText('Spilled')
  await expect(refund).toContainText('Main Street')
  await expect(refund).not.toContainText(uuid)
  await expect(refund).not.toContainText('{')

  // Words narrow it: a word that is not in the sentence leaves nothing.
  await filters.getByLabel('Words').fill('Spilled')
  await filters.getByRole('button', { name: 'Show' }).click()
  await expect(rows).toHaveCount(1)
  await filters.getByLabel('Words').fill('no such reason anywhere')
  await filters.getByRole('button', { name: 'Show' }).click()
  await expect(page.getByText('Nothing recorded for these filters.')).toBeVisible()
  await filters.getByLabel('Words').fill('')
  await filters.getByRole('button', { name: 'Show' }).click()
  await expect(rows).toHaveCount(1)
  await shoot(page, 'backoffice-audit-en')

  // The CSV has the same sentence, in words.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ])
  const csv: string[][] = parse(await readFile(await download.path(), 'utf8'), { bom: true })
  const sentences = csv.slice(1).map((row) => row.join(' '))
  expect(sentences).toHaveLength(1)
  expect(sentences[0]).toContain(order)
  expect(sentences[0]).toContain('Spilled')
  expect(sentences[0]).not.toMatch(uuid)

  // In Arabic the sentence is Arabic, still with the order number and the reason.
  await page.getByLabel('Language').selectOption('ar')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1, name: 'سجل التدقيق' })).toBeVisible()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('استرد')
  await expect(rows.first()).toContainText(order)
  await expect(rows.first()).not.toContainText('refunded')
  await expect(rows.first()).not.toContainText(uuid)
  await shoot(page, 'backoffice-audit-ar')
})
