import { useMemo, useState } from 'react'
import {
  CreateStoreBody,
  UpdateStoreBody,
  type StoreDetail,
} from '../../../../shared/backoffice/api'
import { SelectField, TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { browserTimeZone, currencyChoices, timeZoneChoices, withValue } from './choices'

export interface StoreFormProps {
  /** The store being edited; a new store when absent. */
  store?: StoreDetail | undefined
  /** Sends the body to the server: create for a new store, update otherwise. */
  onCreate: (body: CreateStoreBody) => Promise<StoreDetail>
  onUpdate: (id: string, body: UpdateStoreBody) => Promise<StoreDetail>
  onDone: (store: StoreDetail) => void
  onCancel: () => void
}

/** Every field of a store (StoreFields), checked by the shared schema, then by the server. */
export function StoreForm({ store, onCreate, onUpdate, onDone, onCancel }: StoreFormProps) {
  const { t, i18n } = useTranslation('stores')
  const [values, setValues] = useState({
    code: store?.code ?? '',
    name: store?.name ?? '',
    address: store?.address ?? '',
    phone: store?.phone ?? '',
    taxId: store?.taxId ?? '',
    currency: store?.currency ?? 'USD',
    timeZone: store?.timeZone ?? browserTimeZone(),
    locale: store?.locale ?? 'en',
  })
  const zones = useMemo(() => timeZoneChoices(), [])
  const currencies = useMemo(() => currencyChoices(i18n.language), [i18n.language])
  const set = (key: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [key]: value }))

  const form = useForm({
    schema: store ? UpdateStoreBody : CreateStoreBody,
    values: () => {
      if (!store) return { ...values, code: values.code.trim().toUpperCase() }
      const { code: _code, ...changes } = values
      return changes
    },
    send: (body) => {
      if ('code' in body) return onCreate(body)
      if (!store) throw new Error('an edit needs its store')
      return onUpdate(store.id, body)
    },
    onDone,
    codeFields: { STORE_CODE_TAKEN: { field: 'code', message: t('codeTaken') } },
  })
  const errors = form.fieldErrors

  return (
    <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
      <ErrorMessage>{form.formError}</ErrorMessage>
      <div className="bo-form-grid">
        <TextField
          name="code"
          label={t('form.code')}
          hint={t('form.codeHint')}
          value={values.code}
          onChange={(value) => set('code')(value.toUpperCase())}
          error={errors.code}
          isReadOnly={Boolean(store)}
          dir="ltr"
          maxLength={16}
        />
        <TextField
          name="name"
          label={t('form.name')}
          value={values.name}
          onChange={set('name')}
          error={errors.name}
        />
        <TextField
          name="address"
          label={t('form.address')}
          value={values.address}
          onChange={set('address')}
          error={errors.address}
          autoComplete="street-address"
        />
        <TextField
          name="phone"
          label={t('form.phone')}
          type="tel"
          dir="ltr"
          value={values.phone}
          onChange={set('phone')}
          error={errors.phone}
        />
        <TextField
          name="taxId"
          label={t('form.taxId')}
          dir="ltr"
          value={values.taxId}
          onChange={set('taxId')}
          error={errors.taxId}
        />
        <SelectField
          name="currency"
          label={t('form.currency')}
          value={values.currency}
          options={withValue(currencies, values.currency)}
          onChange={set('currency')}
          error={errors.currency}
        />
        <SelectField
          name="timeZone"
          label={t('form.timeZone')}
          value={values.timeZone}
          options={withValue(zones, values.timeZone)}
          onChange={set('timeZone')}
          error={errors.timeZone}
        />
        <SelectField
          name="locale"
          label={t('form.locale')}
          value={values.locale}
          options={[
            { value: 'en', label: t('common:language.en') },
            { value: 'ar', label: t('common:language.ar') },
          ]}
          onChange={set('locale')}
          error={errors.locale}
        />
      </div>
      <div className="bo-form-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={form.isSubmitting}>
          {form.isSubmitting ? t('common:saving') : store ? t('form.save') : t('form.create')}
        </button>
      </div>
    </form>
  )
}
