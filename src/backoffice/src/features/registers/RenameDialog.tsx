import { useState } from 'react'
import { RenameRegisterBody, type RegisterView } from '../../../../shared/backoffice/api'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'

interface RenameDialogProps {
  register: RegisterView
  onDone: (name: string) => void
  onClose: () => void
}

export function RenameDialog({ register, onDone, onClose }: RenameDialogProps) {
  const { t } = useTranslation('registers')
  const { api } = useSignedIn()
  const [name, setName] = useState(register.name)
  const form = useForm({
    schema: RenameRegisterBody,
    values: () => ({ name }),
    send: async (body) => {
      await api.renameRegister(register.id, body)
      return body.name
    },
    onDone,
  })
  return (
    <Dialog title={t('renameTitle')} onClose={onClose}>
      <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
        <ErrorMessage>{form.formError}</ErrorMessage>
        <TextField
          name="name"
          label={t('newName')}
          value={name}
          onChange={setName}
          error={form.fieldErrors.name}
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
