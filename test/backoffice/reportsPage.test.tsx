// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backofficePaths as routes } from '../../src/shared/backoffice/api'
import type {
  PaymentMethodsReply,
  SalesReply,
  SalesRow,
  SummaryReply,
} from '../../src/shared/backoffice/reports'
import { App } from '../../src/backoffice/src/App'
import { SessionProvider } from '../../src/backoffice/src/features/session/SessionProvider'
import { applyLanguage, i18n } from '../../src/backoffice/src/i18n'
import { nodeFetch, startContractServer, type ContractServer } from './support/contractServer'
import { mainStore, ownerSession } from './support/fixtures'

let server: ContractServer
beforeEach(async () => {
  applyLanguage('en', false)
  server = await startContractServer()
})
afterEach(async () => {
  cleanup()
  await server.close()
})

const pad = (value: number) => String(value).padStart(2, '0')
const now = new Date()
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
const scope = {
  from: today,
  to: today,
  storeIds: [mainStore.id],
  currencies: ['USD'],
  projection: { isCurrent: true, projectedThrough: new Date().toISOString() },
}

const row = (key: string, label: string, netCents: number): SalesRow => ({
  key,
  label,
  salesCount: 2,
  refundCount: 0,
  quantity: null,
  grossCents: netCents,
  discountCents: 0,
  refundCents: 0,
  netCents,
  taxCents: 0,
  totalCents: netCents,
})

/** The server's answers for today's reports of MAIN, then the app on /reports. */
function renderTodaysReports() {
  const summary: SummaryReply = {
    ...scope,
    // The projector is behind: the page says so.
    projection: { isCurrent: false, projectedThrough: new Date().toISOString() },
    summary: {
      salesCount: 3,
      refundCount: 1,
      voidCount: 0,
      grossCents: 210_000,
      discountCents: 20_000,
      refundCents: -2_500,
      netCents: 187_500,
      taxCents: 8_600,
      totalCents: 196_100,
      averageTicketCents: 66_900,
      taxByRate: [],
      tenders: [],
    },
    costOfGoods: {
      cogsCents: 62_500,
      costedNetCents: 187_500,
      marginCents: 125_000,
      marginBasisPoints: 6667,
      noCostItemCount: 1,
    },
  }
  const byDay: SalesReply = {
    ...scope,
    groupBy: 'day',
    rows: [row(today, today, 187_500)],
    totals: row('total', 'Total', 187_500),
  }
  const byItem: SalesReply = {
    ...scope,
    groupBy: 'item',
    rows: [
      {
        ...row('p-coffee', 'Coffee', 187_500),
        cogsCents: 62_500,
        marginCents: 125_000,
        marginBasisPoints: 6667,
      },
      { ...row('p-cake', 'Cake', 0), cogsCents: null, marginCents: null, marginBasisPoints: null },
    ],
    totals: row('total', 'Total', 187_500),
  }
  const methods: PaymentMethodsReply = {
    ...scope,
    rows: [
      {
        method: 'cash',
        label: 'Cash',
        count: 3,
        salesCents: 198_600,
        refundCents: -2_500,
        netCents: 196_100,
      },
    ],
    totals: {
      method: 'total',
      label: 'Total',
      count: 3,
      salesCents: 198_600,
      refundCents: -2_500,
      netCents: 196_100,
    },
  }
  const query = `from=${today}&to=${today}`
  server.answer('GET', routes.session, { status: 200, body: ownerSession })
  server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
  server.answer('GET', `/api/admin/reports/summary?${query}`, { status: 200, body: summary })
  server.answer('GET', `/api/admin/reports/sales?${query}&groupBy=day`, {
    status: 200,
    body: byDay,
  })
  server.answer('GET', `/api/admin/reports/sales?${query}&groupBy=item`, {
    status: 200,
    body: byItem,
  })
  server.answer('GET', `/api/admin/reports/payment-methods?${query}`, {
    status: 200,
    body: methods,
  })
  render(
    <I18nextProvider i18n={i18n}>
      <SessionProvider http={{ baseUrl: server.baseUrl, fetch: nodeFetch }}>
        <MemoryRouter initialEntries={['/reports']}>
          <App />
        </MemoryRouter>
      </SessionProvider>
    </I18nextProvider>,
  )
  return { query }
}

describe('the reports page', () => {
  it("asks for today's figures and shows the summary, tables and CSV links", async () => {
    const { query } = renderTodaysReports()
    const cards = await screen.findByRole('region', { name: 'Summary' })
    expect(within(cards).getByText('Net sales').nextElementSibling?.textContent).toBe('$1,875.00')
    expect(within(cards).getByText('Average ticket').nextElementSibling?.textContent).toBe(
      '$669.00',
    )
    expect(screen.getByTestId('report-catching-up').textContent).toContain('Still catching up')
    const days = screen.getAllByTestId('report-day-row')
    expect(days[0]?.textContent).toContain(today)
    expect(days[0]?.textContent).toContain('$1,875.00')
    expect(screen.getByRole('table', { name: 'Sales by item' }).textContent).toContain('Coffee')
    expect(within(cards).getByText('Cost of goods').nextElementSibling?.textContent).toBe('$625.00')
    expect(within(cards).getByText('Margin %').nextElementSibling?.textContent).toBe('66.67%')
    expect(screen.getByTestId('report-cogs-note').textContent).toContain(
      '1 items have no known cost',
    )
    const itemRows = within(screen.getByRole('table', { name: 'Sales by item' })).getAllByRole(
      'row',
    )
    expect(itemRows[1]!.textContent).toContain('$1,250.00')
    expect(itemRows[2]!.textContent).toContain('No cost')
    expect(
      screen.getByRole('img', { name: 'Net sales by day, also in the table below' }),
    ).toBeTruthy()
    const link = screen.getByRole('link', { name: 'By item (CSV)' })
    expect(link.getAttribute('href')).toBe(
      `/api/admin/reports/sales?${query}&groupBy=item&format=csv`,
    )
  })

  it('names the totals rows in the language of the page, not in the server’s English', async () => {
    applyLanguage('ar', false)
    renderTodaysReports()
    const items = await screen.findByRole('table', { name: 'المبيعات حسب الصنف' })
    const totals = within(items).getAllByRole('row').at(-1)!
    expect(totals.textContent).toContain('المجموع الكلي')
    expect(totals.textContent).not.toContain('Total')
    const methods = screen.getByRole('table', { name: 'طرق الدفع' })
    expect(within(methods).getAllByRole('row').at(-1)!.textContent).toContain('المجموع الكلي')
    expect(document.documentElement.dir).toBe('rtl')
  })
})
