import { expect, test, type Download, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, connect, type Server, type Socket } from 'node:net'
import { resolve } from 'node:path'
import { freePort } from './syncServer'
import { spawnTsx, stopChild, waitForLine } from './webRegister'

/** Screenshots a reviewer looks at: kept under e2e-artifacts/ (and attached to the report). */
const artifacts = resolve(import.meta.dirname, '..', '..', 'e2e-artifacts', 'screenshots')

export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true })
  await page.screenshot({ path: `${artifacts}/${name}.png`, fullPage: true })
  await test.info().attach(name, { path: `${artifacts}/${name}.png`, contentType: 'image/png' })
}

export interface BackofficeServer {
  url: string
  setupUrl: string
  output: string[]
  stop(): Promise<void>
}

/**
 * `npm run server` on an empty database, serving out/backoffice (built by `npm run build`):
 * it prints the one-time set-up link, as a new owner would see it.
 */
export async function startBackofficeServer(dataDir: string): Promise<BackofficeServer> {
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

export const owner = { email: 'owner@example.com', password: 'a long owner password' }

export async function nav(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Back office' })
    .getByRole('link', { name, exact: true })
    .click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

/** The owner's first run: business, first store (MAIN) in `timeZone`, sign-in details. */
export async function setUpOwner(page: Page, server: BackofficeServer, timeZone: string) {
  await page.goto(server.setupUrl)
  await page.getByLabel('Business name').fill('Nile Coffee')
  await page.getByLabel('Store code').fill('MAIN')
  await page.getByLabel('Store name').fill('Main Street')
  await page.getByLabel('Time zone').selectOption(timeZone)
  await page.getByLabel('Currency').selectOption('USD')
  await page.getByLabel('Email').fill(owner.email)
  await page.getByLabel('Password', { exact: true }).fill(owner.password)
  await page.getByLabel('Repeat the password').fill(owner.password)
  await page.getByLabel('Repeat the password').press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Stores' })).toBeVisible()
}

/** Adds a store from the Stores page; returns its label in store pickers ("MALL — City Mall"). */
export async function createStore(
  page: Page,
  store: { code: string; name: string; timeZone: string },
): Promise<string> {
  await page.getByRole('button', { name: 'New store' }).click()
  const dialog = page.getByRole('dialog', { name: 'New store' })
  await dialog.getByLabel('Store code').fill(store.code)
  await dialog.getByLabel('Name', { exact: true }).fill(store.name)
  await dialog.getByLabel('Currency').selectOption('USD')
  await dialog.getByLabel('Time zone').selectOption(store.timeZone)
  await dialog.getByRole('button', { name: 'Create store' }).click()
  await expect(dialog).toBeHidden()
  const row = page.getByTestId('store-row').filter({ hasText: store.code })
  await expect(row).toContainText(store.timeZone)
  return `${store.code} — ${store.name}`
}

/** Registers page, that store, a new enrollment code: returns the code as the dialog shows it. */
export async function issueEnrollmentCode(page: Page, storeLabel: string): Promise<string> {
  await nav(page, 'Registers')
  await page.getByLabel('Store', { exact: true }).selectOption({ label: storeLabel })
  await expect(page.getByRole('heading', { level: 2, name: storeLabel })).toBeVisible()
  await page.getByRole('button', { name: 'New enrollment code' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Create code' }).click()
  const value = dialog.getByTestId('enrollment-code-value')
  await expect(value).toHaveText(/\S{4,}/)
  const code = ((await value.textContent()) ?? '').trim()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  return code
}

export async function signInBackoffice(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByLabel('Password', { exact: true }).press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Stores' })).toBeVisible()
}

export async function signOutBackoffice(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
}

/** The page's own session: its CSRF token, for calls made with its cookie (page.request). */
export async function csrfOf(page: Page, serverUrl: string): Promise<string> {
  const reply = await page.request.get(`${serverUrl}/api/backoffice/session`)
  return ((await reply.json()) as { csrfToken: string }).csrfToken
}

export async function storeIdsByCode(page: Page, serverUrl: string) {
  const reply = await page.request.get(`${serverUrl}/api/admin/stores`)
  const { stores } = (await reply.json()) as { stores: { id: string; code: string }[] }
  return Object.fromEntries(stores.map((store) => [store.code, store.id]))
}

/** Exact cents of a CSV money figure ("-12.05" → -1205), no floating point. */
export function cents(text: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text)
  if (!match) throw new Error(`not a money figure: ${text}`)
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]))
}

/** A downloaded CSV's rows; its fields here are plain (no quotes or commas inside). */
async function csvRows(download: Download): Promise<string[][]> {
  const text = await readFile(await download.path(), 'utf8')
  if (text.includes('"')) throw new Error(`a quoted CSV field: read it with a CSV parser\n${text}`)
  return text
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','))
}

export async function downloadCsv(page: Page, link: string): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link }).click(),
  ])
  return csvRows(download)
}

/** The summary card of a figure on the Reports page ("Sales", "Net sales"…). */
export function card(page: Page, label: string) {
  return page
    .locator('.bo-report-card')
    .filter({ has: page.locator('dt').getByText(label, { exact: true }) })
    .locator('dd')
}

/** Reports for today: reloaded until the figure shows, as an owner presses refresh. */
export async function reportShows(page: Page, storeLabel: string | null, sales: string) {
  await expect(async () => {
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible()
    if (storeLabel) await page.getByRole('checkbox', { name: storeLabel }).check()
    await expect(card(page, 'Sales')).toHaveText(sales, { timeout: 2_000 })
  }).toPass({ timeout: 20_000 })
}

/** A register's network cable: a TCP relay to the server that can be pulled and plugged back. */
export interface Cable {
  url: string
  unplug(): Promise<void>
  plug(): Promise<void>
  close(): Promise<void>
}

export async function startCable(targetUrl: string): Promise<Cable> {
  const target = new URL(targetUrl)
  const port = await freePort()
  const sockets = new Set<Socket>()
  let server: Server | null = null
  const listen = () =>
    new Promise<void>((resolveListen, reject) => {
      const relay = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname)
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('close', () => sockets.delete(socket))
          socket.on('error', () => {
            client.destroy()
            upstream.destroy()
          })
        }
        client.pipe(upstream).pipe(client)
      })
      relay.once('error', reject)
      relay.listen(port, '127.0.0.1', () => {
        server = relay
        resolveListen()
      })
    })
  const unplug = () =>
    new Promise<void>((resolveClose) => {
      for (const socket of sockets) socket.destroy()
      sockets.clear()
      if (!server) return resolveClose()
      server.close(() => resolveClose())
      server = null
    })
  await listen()
  return { url: `http://127.0.0.1:${port}`, unplug, plug: listen, close: unplug }
}
