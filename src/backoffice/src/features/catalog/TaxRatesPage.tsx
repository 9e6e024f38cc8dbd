import { useMemo, useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import {
  AdminTaxRateBody,
  type AdminRecord,
  type TaxRateRecordData,
} from '../../../../shared/backoffice/catalog'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { columnHelper, DataTable } from '../../components/DataTable'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/Field'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'
import { inUseReason } from './inUse'
import { CheckField, useStoreChoice } from './storeChoice'

const column = columnHelper<AdminRecord>()
const dataOf = (record: AdminRecord) => record.data as TaxRateRecordData

type Open =
  | { kind: 'none' }
  | { kind: 'edit'; record: AdminRecord | null }
  | { kind: 'delete'; record: AdminRecord }

/** "8.25" % as basis points (825), NaN when it is not a percentage with up to two decimals. */
export function basisPointsOf(text: string): number {
  const trimmed = text.trim()
  if (!/^\d+(\.\d{0,2})?$/.test(trimmed)) return Number.NaN
  const [whole, fraction = ''] = trimmed.split('.')
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
}

const percentText = (basisPoints: number) => (basisPoints / 100).toFixed(2)

/** The tax rates of one store: add, edit, delete (refused while a product uses one). */
export function TaxRatesPage() {
  const { t } = useTranslation('catalog')
  const { store, picker } = useStoreChoice()
  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('taxRates.title')}</h1>
      </div>
      {picker}
      {store ? <StoreTaxRates key={store.id} store={store} /> : null}
    </div>
  )
}

function StoreTaxRates({ store }: { store: StoreDetail }) {
  const { t } = useTranslation('catalog')
  const { api } = useSignedIn()
  const { load, reload } = useLoad(() => api.listTaxRates(store.id), store.id)
  const [open, setOpen] = useState<Open>({ kind: 'none' })
  const [notice, setNotice] = useState<string | null>(null)
  const close = () => setOpen({ kind: 'none' })
  const rows = load.state === 'ready' ? load.value : []
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor((row) => dataOf(row).name, { id: 'name', header: t('taxRates.name') }),
        column.accessor((row) => dataOf(row).rateBasisPoints, {
          id: 'rate',
          header: t('taxRates.rate'),
          cell: (info) => <span className="numeric">{percentText(info.getValue())} %</span>,
        }),
        column.accessor((row) => dataOf(row).isInclusive, {
          id: 'inclusive',
          header: t('taxRates.inclusive'),
          cell: (info) => (info.getValue() ? t('yes') : t('no')),
        }),
        column.accessor((row) => dataOf(row).isDefault === true, {
          id: 'default',
          header: t('taxRates.default'),
          cell: (info) => (info.getValue() ? t('yes') : t('no')),
        }),
        column.display({
          id: 'actions',
          header: t('actions'),
          cell: (info) => {
            const record = info.row.original
            return (
              <div className="bo-row-actions">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={t('editLabel', { name: dataOf(record).name })}
                  onClick={() => setOpen({ kind: 'edit', record })}
                >
                  {t('common:actions.edit')}
                </button>
                <button
                  type="button"
                  className="button button-danger-outline button-small"
                  aria-label={t('deleteLabel', { name: dataOf(record).name })}
                  onClick={() => {
                    setNotice(null)
                    setOpen({ kind: 'delete', record })
                  }}
                >
                  {t('delete')}
                </button>
              </div>
            )
          },
        }),
      ]),
    [t],
  )
  return (
    <section className="bo-section" aria-label={t('taxRates.title')}>
      <div className="page-header">
        <span />
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setNotice(null)
            setOpen({ kind: 'edit', record: null })
          }}
        >
          {t('taxRates.add')}
        </button>
      </div>
      <StatusMessage>{notice}</StatusMessage>
      {load.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {load.state === 'ready' && rows.length === 0 ? (
        <p className="page-card-empty">{t('taxRates.empty')}</p>
      ) : null}
      {rows.length > 0 ? (
        <DataTable
          caption={t('taxRates.title')}
          columns={columns}
          data={rows}
          rowId={(row) => row.id}
          rowTestId="tax-rate-row"
        />
      ) : null}
      {open.kind === 'edit' ? (
        <TaxRateForm
          store={store}
          record={open.record}
          onClose={close}
          onDone={(name) => {
            setNotice(t('savedName', { name }))
            close()
            reload()
          }}
        />
      ) : null}
      {open.kind === 'delete' ? (
        <ConfirmDialog
          title={t('deleteTitle', { name: dataOf(open.record).name })}
          text={t('taxRates.deleteText')}
          confirmLabel={t('delete')}
          onClose={close}
          describeError={(error) => inUseReason(error, t, 'taxRates.inUse')}
          onConfirm={async () => {
            await api.deleteTaxRate(store.id, open.record.id, open.record.version)
            setNotice(t('deleted', { name: dataOf(open.record).name }))
            close()
            reload()
          }}
        />
      ) : null}
    </section>
  )
}

interface TaxRateFormProps {
  store: StoreDetail
  record: AdminRecord | null
  onDone: (name: string) => void
  onClose: () => void
}

function TaxRateForm({ store, record, onDone, onClose }: TaxRateFormProps) {
  const { t } = useTranslation('catalog')
  const { api } = useSignedIn()
  const data = record ? dataOf(record) : null
  const [id] = useState(() => record?.id ?? crypto.randomUUID())
  const [name, setName] = useState(data?.name ?? '')
  const [rate, setRate] = useState(data ? percentText(data.rateBasisPoints) : '')
  const [isInclusive, setIsInclusive] = useState(data?.isInclusive ?? false)
  const [isDefault, setIsDefault] = useState(data?.isDefault ?? false)
  const form = useForm({
    schema: AdminTaxRateBody,
    values: () => ({
      baseVersion: record?.version ?? 0,
      name,
      rateBasisPoints: basisPointsOf(rate),
      isInclusive,
      isDefault,
    }),
    send: async (body) => {
      await api.saveTaxRate(store.id, id, body)
      return body.name
    },
    onDone,
  })
  return (
    <Dialog title={record ? t('taxRates.editTitle') : t('taxRates.newTitle')} onClose={onClose}>
      <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
        <ErrorMessage>{form.formError}</ErrorMessage>
        <TextField
          name="name"
          label={t('taxRates.name')}
          value={name}
          onChange={setName}
          error={form.fieldErrors.name}
          dir="auto"
        />
        <TextField
          name="rateBasisPoints"
          label={t('taxRates.ratePercent')}
          value={rate}
          onChange={setRate}
          error={form.fieldErrors.rateBasisPoints}
          dir="ltr"
        />
        <CheckField
          name="isInclusive"
          label={t('taxRates.inclusiveLabel')}
          isChecked={isInclusive}
          onChange={setIsInclusive}
        />
        <CheckField
          name="isDefault"
          label={t('taxRates.defaultLabel')}
          isChecked={isDefault}
          onChange={setIsDefault}
        />
        <div className="bo-form-actions">
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={form.isSubmitting}>
            {t('common:actions.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
