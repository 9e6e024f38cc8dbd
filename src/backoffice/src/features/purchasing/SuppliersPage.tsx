import { useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import type { AdminRecord } from '../../../../shared/backoffice/catalog'
import type { SupplierRecordData } from '../../../../shared/backoffice/purchasing'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'
import { useStoreChoice } from '../catalog/storeChoice'
import { CsvPanel } from './CsvPanel'
import { SimpleTable } from './SimpleTable'
import { SupplierCostsDialog } from './SupplierCostsDialog'
import { SupplierForm } from './SupplierForm'
import { usePurchasingApi } from './usePurchasing'

const dataOf = (record: AdminRecord) => record.data as SupplierRecordData

type Open =
  | { kind: 'none' }
  | { kind: 'edit'; record: AdminRecord | null }
  | { kind: 'costs'; record: AdminRecord }

/** The suppliers of one store: add, edit, deactivate; what each sells at what cost; CSV files. */
export function SuppliersPage() {
  const { t } = useTranslation('purchasing')
  const { store, picker } = useStoreChoice()
  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('suppliers.title')}</h1>
      </div>
      {picker}
      {store ? <StoreSuppliers key={store.id} store={store} /> : null}
    </div>
  )
}

function StoreSuppliers({ store }: { store: StoreDetail }) {
  const { t } = useTranslation('purchasing')
  const { api } = useSignedIn()
  const purchasing = usePurchasingApi(store)
  const { load, reload } = useLoad(
    () => Promise.all([purchasing.suppliers(), api.listProducts(store.id)]),
    store.id,
  )
  const [open, setOpen] = useState<Open>({ kind: 'none' })
  const [notice, setNotice] = useState<string | null>(null)
  const [suppliers, products] = load.state === 'ready' ? load.value : [[], []]
  const sorted = [...suppliers].sort((a, b) => dataOf(a).name.localeCompare(dataOf(b).name))
  const close = () => setOpen({ kind: 'none' })
  return (
    <section className="bo-section" aria-label={t('suppliers.title')}>
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
          {t('suppliers.add')}
        </button>
      </div>
      <StatusMessage>{notice}</StatusMessage>
      {load.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {load.state === 'ready' && sorted.length === 0 ? (
        <p className="page-card-empty">{t('suppliers.empty')}</p>
      ) : null}
      {sorted.length > 0 ? (
        <SimpleTable
          caption={t('suppliers.title')}
          rowTestId="supplier-row"
          headers={[
            t('suppliers.name'),
            t('suppliers.contactName'),
            t('suppliers.email'),
            t('suppliers.phone'),
            t('suppliers.leadTimeDays'),
            t('suppliers.status'),
            t('actions'),
          ]}
          rows={sorted.map((record) => {
            const data = dataOf(record)
            return {
              id: record.id,
              cells: [
                <span key="name" dir="auto">
                  {data.name}
                </span>,
                data.contactName ?? '',
                <span key="email" dir="ltr">
                  {data.email ?? ''}
                </span>,
                <span key="phone" dir="ltr">
                  {data.phone ?? ''}
                </span>,
                data.leadTimeDays == null
                  ? ''
                  : t('suppliers.leadTime', { count: data.leadTimeDays }),
                data.isActive === false ? t('suppliers.inactive') : t('suppliers.active'),
                <div key="actions" className="bo-row-actions">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-label={t('suppliers.editLabel', { name: data.name })}
                    onClick={() => setOpen({ kind: 'edit', record })}
                  >
                    {t('common:actions.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-label={t('suppliers.costsLabel', { name: data.name })}
                    onClick={() => setOpen({ kind: 'costs', record })}
                  >
                    {t('suppliers.costs')}
                  </button>
                </div>,
              ],
            }
          })}
        />
      ) : null}
      <CsvPanel store={store} onImported={reload} />
      {open.kind === 'edit' ? (
        <SupplierForm
          store={store}
          record={open.record}
          onClose={close}
          onDone={(name) => {
            setNotice(t('saved', { name }))
            close()
            reload()
          }}
        />
      ) : null}
      {open.kind === 'costs' ? (
        <SupplierCostsDialog
          store={store}
          supplier={open.record}
          products={products}
          onClose={close}
        />
      ) : null}
    </section>
  )
}
