import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { readyToSell } from './support/session'

// Generous for a busy machine; well under a minute when it is quiet.
test.describe.configure({ timeout: 420_000 })

/** The main navigation's names (src/renderer/src/i18n/locales/{en,ar}/shell.ts). */
const screens = {
  en: {
    nav: 'Main',
    names: ['Register', 'Orders', 'Shift', 'Stock', 'Settings', 'Sync', 'Manager'],
  },
  ar: {
    nav: 'القائمة الرئيسية',
    names: ['البيع', 'الطلبات', 'الوردية', 'المخزون', 'الإعدادات', 'المزامنة', 'المدير'],
  },
} as const

type Language = keyof typeof screens

/**
 * Serious and critical axe-core violations on the page as it is now (every rule axe runs by
 * default, WCAG 2.x A/AA and best practices), as readable lines.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | ')}`,
    )
}

/**
 * The heading outline a screen reader user gets: exactly one h1, then no level skipped (an h2
 * before any h3, and so on). Headings in hidden screens do not count.
 */
async function headingProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const levels = [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')]
      .filter((heading) => heading.checkVisibility())
      .map((heading) => ({ level: Number(heading.tagName[1]), text: heading.textContent ?? '' }))
    const problems: string[] = []
    const ones = levels.filter((heading) => heading.level === 1).length
    if (ones !== 1) problems.push(`${ones} h1 headings`)
    let previous = 0
    for (const heading of levels) {
      if (heading.level > previous + 1)
        problems.push(`h${heading.level} "${heading.text}" after h${previous}`)
      previous = heading.level
    }
    return problems
  })
}

async function audit(page: Page, found: Map<string, string[]>, name: string) {
  // Wait for the screen's loads to settle so axe sees what a person sees.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  const problems = [...(await seriousViolations(page)), ...(await headingProblems(page))]
  if (problems.length > 0) found.set(name, problems)
  // Each screen's findings are reported as they come, so a slow run still shows them all.
  expect.soft(problems, name).toEqual([])
}

async function auditScreens(page: Page, language: Language, found: Map<string, string[]>) {
  const { nav, names } = screens[language]
  const navigation = page.getByRole('navigation', { name: nav })
  for (const name of names) {
    await navigation.getByRole('button', { name, exact: true }).click()
    await audit(page, found, `${language} ${name}`)
  }
}

test('every main screen has no serious accessibility violation and one heading outline, in English and Arabic', async ({
  page,
  registers,
}) => {
  const register = await registers.start()
  const found = new Map<string, string[]>()

  await page.goto(register.url)
  await expect(page.getByLabel('PIN', { exact: true })).toBeVisible()
  await audit(page, found, 'en lock screen')
  await readyToSell(page, register.url)
  await auditScreens(page, 'en', found)

  const saved = await page.evaluate(() =>
    window.pos.invoke('register:saveConfig', { config: { language: 'ar' } }),
  )
  expect(saved).toMatchObject({ ok: true })
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await auditScreens(page, 'ar', found)

  // The lock screen over a signed-in register, in Arabic.
  await page.getByRole('button', { name: 'قفل', exact: true }).click()
  await expect(page.getByLabel('رمز PIN', { exact: true })).toBeVisible()
  await audit(page, found, 'ar lock screen')

  expect(Object.fromEntries(found)).toEqual({})
})
