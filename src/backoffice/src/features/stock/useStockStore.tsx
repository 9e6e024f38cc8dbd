import { useSearchParams } from 'react-router'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import { SelectField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'

export const ALL_STORES = 'all'

/**
 * The store a stock page works in, kept in `?store=` (a link opens the same store); with
 * `canPickAll`, an admin of several stores may pick all of them side by side.
 */
export function useStockStore(canPickAll = false) {
  const { t } = useTranslation('stock')
  const { api } = useSignedIn()
  const { load } = useLoad(() => api.listStores(), 'stores')
  const [params, setParams] = useSearchParams()
  const stores: StoreDetail[] = load.state === 'ready' ? load.value : []
  const asked = params.get('store')
  const isAll = canPickAll && asked === ALL_STORES && stores.length > 1
  const store = isAll ? undefined : (stores.find((one) => one.id === asked) ?? stores[0])
  const options = [
    ...(canPickAll && stores.length > 1 ? [{ value: ALL_STORES, label: t('allStores') }] : []),
    ...stores.map((one) => ({ value: one.id, label: `${one.code} — ${one.name}` })),
  ]
  const picker = (
    <>
      {load.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {stores.length > 0 ? (
        <SelectField
          name="store"
          label={t('store')}
          value={isAll ? ALL_STORES : (store?.id ?? '')}
          options={options}
          onChange={(id) => setParams({ store: id })}
        />
      ) : null}
    </>
  )
  return { store, stores, isAll, picker }
}
