import { expect, type Browser, type Page } from '@playwright/test'
import type { Registers } from './fixtures'
import { readyToSell } from './session'
import { enrollThroughSettings } from './syncServer'

/**
 * A web-host register (its own page, in `timezoneId`) signed in as the manager with an open shift,
 * enrolled with `code` at `serverUrl` and synced once.
 */
export async function enrolledRegister(
  browser: Browser,
  registers: Registers,
  registerCode: string,
  serverUrl: string,
  code: string,
  timezoneId: string,
): Promise<Page> {
  const register = await registers.start({
    dir: registerCode,
    registerCode,
    flags: ['--sync-interval-ms', '1000'],
  })
  const page = await browser.newPage({ timezoneId })
  await readyToSell(page, register.url)
  await enrollThroughSettings(page, serverUrl, code)
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-state', 'synced', {
    timeout: 30_000,
  })
  return page
}
