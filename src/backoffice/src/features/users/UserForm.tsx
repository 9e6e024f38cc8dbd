import { useState } from 'react'
import {
  CreateAdminBody,
  type AdminView,
  type StoreDetail,
} from '../../../../shared/backoffice/api'
import { CheckboxGroup, SelectField, TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'

interface UserFormProps {
  stores: readonly StoreDetail[]
  onCreate: (body: CreateAdminBody) => Promise<AdminView>
  onDone: (admin: AdminView) => void
  onCancel: () => void
}

/** A new owner or store manager; a store manager is bound to the stores ticked here. */
export function UserForm({ stores, onCreate, onDone, onCancel }: UserFormProps) {
  const { t } = useTranslation('users')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [role, setRole] = useState<'tenant_admin' | 'store_manager'>('store_manager')
  const [storeIds, setStoreIds] = useState<string[]>([])

  const form = useForm({
    schema: CreateAdminBody,
    values: () => ({
      email: email.trim(),
      password,
      role,
      storeIds: role === 'store_manager' ? storeIds : [],
    }),
    extraIssues: () =>
      role === 'store_manager' && storeIds.length === 0
        ? [{ path: 'storeIds', message: 'at least one store' }]
        : [],
    send: onCreate,
    onDone,
    codeFields: {
      EMAIL_TAKEN: { field: 'email', message: t('emailTaken') },
    },
  })
  const errors = form.fieldErrors

  return (
    <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
      <ErrorMessage>{form.formError}</ErrorMessage>
      <TextField
        name="email"
        label={t('form.email')}
        type="email"
        dir="ltr"
        autoComplete="off"
        value={email}
        onChange={setEmail}
        error={errors.email}
      />
      <TextField
        name="password"
        label={t('form.password')}
        hint={t('form.passwordHint')}
        type="password"
        dir="ltr"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={errors.password}
      />
      <SelectField
        name="role"
        label={t('form.role')}
        value={role}
        options={[
          { value: 'store_manager', label: t('common:roles.store_manager') },
          { value: 'tenant_admin', label: t('common:roles.tenant_admin') },
        ]}
        onChange={(value) => setRole(value === 'tenant_admin' ? 'tenant_admin' : 'store_manager')}
        error={errors.role}
      />
      {role === 'store_manager' ? (
        <CheckboxGroup
          name="storeIds"
          legend={t('form.stores')}
          options={stores.map((store) => ({
            value: store.id,
            label: `${store.code} — ${store.name}`,
          }))}
          selected={storeIds}
          onChange={setStoreIds}
          error={errors.storeIds}
        />
      ) : null}
      <div className="bo-form-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={form.isSubmitting}>
          {t('form.create')}
        </button>
      </div>
    </form>
  )
}
