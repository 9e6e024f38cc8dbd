import type { Page } from '@playwright/test'
import { shoot } from './support/backoffice'
import { expect, test } from './support/fixtures'
import { centsOf, goTo, moneyText, payCash, tile } from './support/register'
import { readyToSell } from './support/session'

async function setLanguage(page: Page, language: 'en' | 'ar') {
  await page.evaluate(async (next) => {
    const current = (await window.pos.invoke('register:getConfig', undefined)) as {
      ok: true
      value: Record<string, unknown>
    }
    await window.pos.invoke('register:saveConfig', {
      config: { ...current.value, language: next },
    })
  }, language)
  await expect(page.locator('html')).toHaveAttribute('lang', language)
}

/** Types a count of `cents` in $1 bills and pennies. */
async function countAs(page: Page, cents: number) {
  await page.getByTestId('count-100').fill(String(Math.floor(cents / 100)))
  await page.getByTestId('count-1').fill(String(cents % 100))
  await expect(page.getByTestId('count-counted')).toHaveAttribute('data-cents', String(cents))
}

test('closing with a blank count or $10 short asks again; Count again keeps the shift open, Close anyway closes it', async ({
  page,
  registers,
}) => {
  const register = await registers.start()
  await page.setViewportSize({ width: 800, height: 600 })
  await readyToSell(page, register.url)
  await tile(page, 'COF-LAT').click()
  await payCash(page, '50')

  await goTo(page, 'Shift')
  await page.getByRole('button', { name: 'Close shift' }).click()
  const expectedCash = page.getByTestId('count-expected')
  await expect(expectedCash).toHaveAttribute('data-cents', /^[1-9][0-9]*$/)
  const expected = await centsOf(page, 'count-expected')

  // Every count blank: nothing closes yet, the question says what would be recorded.
  await page.getByRole('button', { name: 'Confirm close' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Close with this count?' })
  await expect(confirm).toBeVisible()
  await expect(confirm).toContainText(
    `Nothing was counted: closing records $0.00 counted against ${moneyText(expected)} expected.`,
  )
  const countAgain = confirm.getByRole('button', { name: 'Count again' })
  await expect(countAgain).toBeFocused()
  await shoot(page, 'shift-close-confirm-800x600-en')
  await setLanguage(page, 'ar')
  const confirmById = page.getByTestId('close-confirm')
  await expect(confirmById).toContainText('لم يُعدّ شيء')
  await shoot(page, 'shift-close-confirm-800x600-ar')
  await setLanguage(page, 'en')

  await countAgain.click()
  await expect(confirm).toBeHidden()
  await expect(page.getByTestId('count-10000')).toBeFocused()
  await expect(page.getByRole('region', { name: 'Z report' })).toBeHidden()
  const stillOpen = await page.evaluate(async () => {
    const preview = (await window.pos.invoke('shift:preview', undefined)) as { ok: boolean }
    return preview.ok
  })
  expect(stillOpen).toBe(true)

  // $10 short with the default $5 allowance: asked again, in words.
  await countAs(page, expected - 1_000)
  await page.getByRole('button', { name: 'Confirm close' }).click()
  await expect(confirm).toContainText('The drawer is $10.00 short, more than the $5.00 allowed.')
  // Editing a count withdraws the question; asking again brings it back.
  await page.getByTestId('count-1').fill('')
  await expect(confirm).toBeHidden()
  await countAs(page, expected - 1_000)
  await page.getByRole('button', { name: 'Confirm close' }).click()
  await confirm.getByRole('button', { name: 'Close anyway' }).click()

  await expect(page.getByRole('region', { name: 'Z report' })).toBeVisible()
  expect(await centsOf(page, 'z-cash-expected')).toBe(expected)
  expect(await centsOf(page, 'z-cash-counted')).toBe(expected - 1_000)
  expect(await centsOf(page, 'z-cash-difference')).toBe(-1_000)
})
