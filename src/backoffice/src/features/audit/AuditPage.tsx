import type { FormEvent } from 'react'
import { useMemo, useState } from 'react'
import { auditActionKeyOf, knownAuditActions } from '../../../../shared/audit/describe'
import { auditMessages } from '../../../../shared/audit/messages'
import type { AuditRow } from '../../../../shared/backoffice/audit'
import { columnHelper, DataTable } from '../../components/DataTable'
import { CheckboxGroup, SelectField, TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'
import type { AuditFilter } from './auditApi'
import { auditCsvHref, auditKey, useAuditPages } from './auditApi'

const column = columnHelper<AuditRow>()

/** Today as YYYY-MM-DD in this browser's zone; the server reads each store's own business day. */
function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The employees and registers of the stores in view, for the filters' choices. */
function usePeopleAndRegisters(storeIds: readonly string[]) {
  const { api } = useSignedIn()
  const { load } = useLoad(async () => {
    const [employees, registers] = await Promise.all([
      Promise.all(storeIds.map((id) => api.listEmployees(id))),
      Promise.all(storeIds.map((id) => api.listRegisters(id))),
    ])
    return { employees: employees.flat(), registers: registers.flat() }
  }, storeIds.join(','))
  return load.state === 'ready' ? load.value : { employees: [], registers: [] }
}

/** Who did what, approved by whom, on which register, when and for how much: filter, read, export. */
export function AuditPage() {
  const { t, i18n } = useTranslation('audit')
  const { api } = useSignedIn()
  const lang = i18n.language === 'ar' ? 'ar' : 'en'
  const { load: stores } = useLoad(() => api.listStores(), 'stores')
  const storeList = stores.state === 'ready' ? stores.value : []
  const today = isoDay(new Date())
  const empty: AuditFilter = {
    from: today,
    to: today,
    storeIds: [],
    action: '',
    employeeId: '',
    registerId: '',
    q: '',
    tenantId: api.tenantId,
  }
  const [draft, setDraft] = useState<AuditFilter>(empty)
  const [filter, setFilter] = useState<AuditFilter>(empty)
  const inView = draft.storeIds.length > 0 ? draft.storeIds : storeList.map((store) => store.id)
  const choices = usePeopleAndRegisters(inView)
  const any = { value: '', label: t('any') }
  const actionOptions = [
    any,
    ...knownAuditActions.map((action) => ({
      value: action,
      label: auditMessages[lang].actions[auditActionKeyOf(action)],
    })),
  ]

  const apply = (event: FormEvent) => {
    event.preventDefault()
    setFilter(draft)
  }
  const set = (change: Partial<AuditFilter>) => setDraft({ ...draft, ...change })

  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('title')}</h1>
      </div>
      {stores.state === 'failed' ? <ErrorMessage>{stores.error}</ErrorMessage> : null}
      <form className="bo-toolbar bo-report-filters" onSubmit={apply} aria-label={t('filters')}>
        <TextField
          name="from"
          label={t('from')}
          type="date"
          value={draft.from}
          onChange={(from) => set({ from })}
        />
        <TextField
          name="to"
          label={t('to')}
          type="date"
          value={draft.to}
          onChange={(to) => set({ to })}
        />
        {storeList.length > 1 ? (
          <CheckboxGroup
            name="storeIds"
            legend={t('stores')}
            options={storeList.map((store) => ({
              value: store.id,
              label: `${store.code} — ${store.name}`,
            }))}
            selected={draft.storeIds}
            onChange={(storeIds) => set({ storeIds, employeeId: '', registerId: '' })}
          />
        ) : null}
        <SelectField
          name="action"
          label={t('action')}
          value={draft.action}
          options={actionOptions}
          onChange={(action) => set({ action })}
        />
        <SelectField
          name="employeeId"
          label={t('employee')}
          value={draft.employeeId}
          options={[
            any,
            ...choices.employees.map((employee) => ({ value: employee.id, label: employee.name })),
          ]}
          onChange={(employeeId) => set({ employeeId })}
        />
        <SelectField
          name="registerId"
          label={t('register')}
          value={draft.registerId}
          options={[
            any,
            ...choices.registers.map((register) => ({ value: register.id, label: register.name })),
          ]}
          onChange={(registerId) => set({ registerId })}
        />
        <TextField
          name="q"
          label={t('search')}
          type="text"
          value={draft.q}
          maxLength={100}
          onChange={(q) => set({ q })}
        />
        <button type="submit" className="button button-primary">
          {t('show')}
        </button>
      </form>
      <p className="bo-report-downloads">
        <a href={auditCsvHref(filter, lang)} download>
          {t('exportCsv')}
        </a>
      </p>
      <AuditResults key={auditKey(filter, lang)} filter={filter} lang={lang} />
    </div>
  )
}

/** The rows for one filter: pages appended by "Load more"; a new filter mounts a new one. */
function AuditResults({ filter, lang }: { filter: AuditFilter; lang: string }) {
  const { t } = useTranslation('audit')
  const { api } = useSignedIn()
  const { pages, loadMore } = useAuditPages(api, filter, lang)
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('whenLocal', { header: t('columns.when') }),
        column.accessor('storeName', { header: t('columns.store') }),
        column.accessor('register', { header: t('columns.register') }),
        column.accessor('who', { header: t('columns.who') }),
        column.accessor('actionLabel', { header: t('columns.action') }),
        column.accessor('description', { header: t('columns.description') }),
        column.accessor('approvedBy', { header: t('columns.approvedBy') }),
        column.accessor('amount', {
          header: t('columns.amount'),
          cell: (info) => <span className="numeric">{info.getValue()}</span>,
        }),
      ]),
    [t],
  )

  return (
    <>
      {pages.state === 'failed' ? <ErrorMessage>{pages.error}</ErrorMessage> : null}
      {pages.state === 'ready' && pages.rows.length === 0 ? (
        <p className="page-card-empty">{t('empty')}</p>
      ) : null}
      {pages.rows.length > 0 ? (
        <DataTable
          caption={t('title')}
          columns={columns}
          data={pages.rows}
          rowId={(row) => `${row.storeId}:${row.id}`}
          rowTestId="audit-row"
          isWide
        />
      ) : null}
      {pages.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {pages.state === 'ready' && pages.nextCursor ? (
        <button type="button" className="button button-secondary" onClick={loadMore}>
          {t('loadMore')}
        </button>
      ) : null}
    </>
  )
}
