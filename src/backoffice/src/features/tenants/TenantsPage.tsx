import { useMemo, useState } from 'react'
import { CreateTenantBody, type TenantView } from '../../../../shared/backoffice/api'
import { columnHelper, DataTable } from '../../components/DataTable'
import { TextField } from '../../components/Field'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'
import { useTenantChoice } from './tenantChoice'

const column = columnHelper<TenantView>()

/** A super admin's tenants (businesses): list, create, and act within one. */
export function TenantsPage() {
  const { t } = useTranslation('common')
  const { api } = useSignedIn()
  const choice = useTenantChoice()
  const { load, reload } = useLoad(() => api.listTenants(), 'tenants')
  const [name, setName] = useState('')
  const [notice, setNotice] = useState<string | null>(null)
  const rows = load.state === 'ready' ? load.value : []
  const form = useForm({
    schema: CreateTenantBody,
    values: () => ({ name }),
    send: (body) => api.createTenant(body),
    onDone: (tenant) => {
      setNotice(t('tenants.created', { name: tenant.name }))
      setName('')
      reload()
      choice?.reloadTenants()
    },
  })
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('name', { header: t('tenants.name') }),
        column.accessor('createdAt', {
          header: t('tenants.createdAt'),
          cell: (info) => info.getValue().slice(0, 10),
        }),
        column.display({
          id: 'actions',
          header: t('tenants.actions'),
          cell: (info) => {
            const tenant = info.row.original
            return choice?.tenantId === tenant.id ? (
              <span>{t('tenants.current')}</span>
            ) : (
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={t('tenants.workInLabel', { name: tenant.name })}
                onClick={() => choice?.choose(tenant.id)}
              >
                {t('tenants.workIn')}
              </button>
            )
          },
        }),
      ]),
    [t, choice],
  )
  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('tenants.title')}</h1>
      </div>
      <p className="bo-dialog-text">{t('tenants.note')}</p>
      <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
        <ErrorMessage>{form.formError}</ErrorMessage>
        <TextField
          name="name"
          label={t('tenants.newName')}
          value={name}
          onChange={setName}
          error={form.fieldErrors.name}
          dir="auto"
        />
        <div className="bo-form-actions">
          <button type="submit" className="button button-primary" disabled={form.isSubmitting}>
            {t('tenants.create')}
          </button>
        </div>
      </form>
      <StatusMessage>{notice}</StatusMessage>
      {load.state === 'loading' ? <p className="page-loading">{t('loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {load.state === 'ready' && rows.length === 0 ? (
        <p className="page-card-empty">{t('tenants.empty')}</p>
      ) : null}
      {rows.length > 0 ? (
        <DataTable
          caption={t('tenants.title')}
          columns={columns}
          data={rows}
          rowId={(row) => row.id}
          rowTestId="tenant-row"
        />
      ) : null}
    </div>
  )
}
