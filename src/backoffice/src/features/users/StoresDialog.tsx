import { useState } from 'react'
import {
  UpdateAdminBody,
  type AdminView,
  type StoreDetail,
} from '../../../../shared/backoffice/api'
import { Dialog } from '../../components/Dialog'
import { CheckboxGroup } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'

interface StoresDialogProps {
  admin: AdminView
  stores: readonly StoreDetail[]
  onDone: () => void
  onClose: () => void
}

/** The stores a store manager may see and run; at least one. */
export function StoresDialog({ admin, stores, onDone, onClose }: StoresDialogProps) {
  const { t } = useTranslation('users')
  const { api } = useSignedIn()
  const [storeIds, setStoreIds] = useState<string[]>(admin.storeIds)
  const form = useForm({
    schema: UpdateAdminBody,
    values: () => ({ storeIds }),
    extraIssues: () =>
      storeIds.length === 0 ? [{ path: 'storeIds', message: 'at least one store' }] : [],
    send: (body) => api.updateAdmin(admin.id, body),
    onDone,
  })
  return (
    <Dialog title={t('editStoresTitle', { email: admin.email })} onClose={onClose}>
      <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
        <ErrorMessage>{form.formError}</ErrorMessage>
        <CheckboxGroup
          name="storeIds"
          legend={t('form.stores')}
          options={stores.map((store) => ({
            value: store.id,
            label: `${store.code} — ${store.name}`,
          }))}
          selected={storeIds}
          onChange={setStoreIds}
          error={form.fieldErrors.storeIds}
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
