import { useSearchParams } from 'react-router'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import { SelectField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'

/**
 * The store a catalog or staff page edits (catalog records are per store): the stores this admin
 * may see, the choice kept in `?store=` so a link opens the same store.
 */
export function useStoreChoice() {
  const { t } = useTranslation('catalog')
  const { api } = useSignedIn()
  const { load } = useLoad(() => api.listStores(), 'stores')
  const [params, setParams] = useSearchParams()
  const stores = load.state === 'ready' ? load.value : []
  const store: StoreDetail | undefined =
    stores.find((candidate) => candidate.id === params.get('store')) ?? stores[0]
  const picker = (
    <>
      {load.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {load.state === 'ready' && !store ? <p className="page-card-empty">{t('noStores')}</p> : null}
      {store ? (
        <div className="bo-toolbar">
          <SelectField
            name="store"
            label={t('store')}
            value={store.id}
            options={stores.map((candidate) => ({
              value: candidate.id,
              label: `${candidate.code} — ${candidate.name}`,
            }))}
            onChange={(id) => setParams({ store: id })}
          />
        </div>
      ) : null}
    </>
  )
  return { store, stores, picker }
}

interface CheckFieldProps {
  name: string
  label: string
  isChecked: boolean
  onChange: (isChecked: boolean) => void
  error?: string | undefined
}

/** One yes/no field (active, tracks stock), its error under it. */
export function CheckField({ name, label, isChecked, onChange, error }: CheckFieldProps) {
  return (
    <div className="field">
      <label className="bo-checkbox">
        <input
          type="checkbox"
          name={name}
          checked={isChecked}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
      {error ? <p className="field-hint field-hint-error">{error}</p> : null}
    </div>
  )
}
