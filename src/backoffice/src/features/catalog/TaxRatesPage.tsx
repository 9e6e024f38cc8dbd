import { useMemo, useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import {
  AdminTaxRateBody,
  type AdminRecord,
  type TaxRateRecordData,
} from '../../../../shared/backoffice/catalog'
import { columnHelper } from '../../components/DataTable'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'
import { RecordListSection, type RecordFormProps } from './RecordListSection'
import { CheckField, useStoreChoice } from './storeChoice'

const column = columnHelper<AdminRecord>()
const nameOf = (record: AdminRecord) => dataOf(record).name
const dataOf = (record: AdminRecord) => record.data as TaxRateRecordData

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
      ]),
    [t],
  )
  return (
    <RecordListSection
      section="taxRates"
      load={load}
      rows={rows}
      reload={reload}
      columns={columns}
      nameOf={nameOf}
      rowTestId="tax-rate-row"
      renderForm={(props) => <TaxRateForm store={store} {...props} />}
      deleteRecord={(record) => api.deleteTaxRate(store.id, record.id, record.version)}
    />
  )
}

interface TaxRateFormProps extends RecordFormProps {
  store: StoreDetail
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
