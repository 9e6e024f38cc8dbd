import { useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import type { AdminRecord } from '../../../../shared/backoffice/catalog'
import {
  AdminSupplierBody,
  type SupplierRecordData,
} from '../../../../shared/backoffice/purchasing'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { CheckField } from '../catalog/storeChoice'
import { usePurchasingApi } from './usePurchasing'

interface SupplierFormProps {
  store: StoreDetail
  record: AdminRecord | null
  onClose(): void
  onDone(name: string): void
}

/** A supplier's details; unticking Active deactivates it (orders that name it keep the name). */
export function SupplierForm({ store, record, onClose, onDone }: SupplierFormProps) {
  const { t } = useTranslation('purchasing')
  const purchasing = usePurchasingApi(store)
  const data = record ? (record.data as SupplierRecordData) : null
  const [id] = useState(() => record?.id ?? crypto.randomUUID())
  const [name, setName] = useState(data?.name ?? '')
  const [contactName, setContactName] = useState(data?.contactName ?? '')
  const [email, setEmail] = useState(data?.email ?? '')
  const [phone, setPhone] = useState(data?.phone ?? '')
  const [leadTime, setLeadTime] = useState(
    data?.leadTimeDays == null ? '' : String(data.leadTimeDays),
  )
  const [isActive, setIsActive] = useState(data?.isActive !== false)
  const form = useForm({
    schema: AdminSupplierBody,
    values: () => ({
      baseVersion: record?.version ?? 0,
      name,
      contactName: contactName || null,
      email: email.trim() || null,
      phone: phone || null,
      leadTimeDays: leadTime.trim() === '' ? null : Number(leadTime),
      isActive,
    }),
    send: async (body) => {
      await purchasing.saveSupplier(id, body)
      return body.name
    },
    onDone,
  })
  return (
    <Dialog title={record ? t('suppliers.editTitle') : t('suppliers.newTitle')} onClose={onClose}>
      <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
        <ErrorMessage>{form.formError}</ErrorMessage>
        <TextField
          name="name"
          label={t('suppliers.name')}
          value={name}
          onChange={setName}
          error={form.fieldErrors.name}
          dir="auto"
        />
        <TextField
          name="contactName"
          label={t('suppliers.contactName')}
          value={contactName}
          onChange={setContactName}
          error={form.fieldErrors.contactName}
          dir="auto"
        />
        <TextField
          name="email"
          type="email"
          label={t('suppliers.email')}
          value={email}
          onChange={setEmail}
          error={form.fieldErrors.email}
          dir="ltr"
        />
        <TextField
          name="phone"
          type="tel"
          label={t('suppliers.phone')}
          value={phone}
          onChange={setPhone}
          error={form.fieldErrors.phone}
          dir="ltr"
        />
        <TextField
          name="leadTimeDays"
          label={t('suppliers.leadTimeDays')}
          value={leadTime}
          onChange={setLeadTime}
          error={form.fieldErrors.leadTimeDays}
          dir="ltr"
        />
        <CheckField
          name="isActive"
          label={t('suppliers.activeLabel')}
          isChecked={isActive}
          onChange={setIsActive}
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
