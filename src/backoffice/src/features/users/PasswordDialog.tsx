import { useState } from 'react'
import { UpdateAdminBody, type AdminView } from '../../../../shared/backoffice/api'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'

interface PasswordDialogProps {
  admin: AdminView
  onDone: () => void
  onClose: () => void
}

/** Sets a new password for a user who forgot theirs; the owner hands it over in person. */
export function PasswordDialog({ admin, onDone, onClose }: PasswordDialogProps) {
  const { t } = useTranslation('users')
  const { api } = useSignedIn()
  const [password, setPassword] = useState('')
  const form = useForm({
    schema: UpdateAdminBody,
    values: () => ({ password }),
    extraIssues: () => (password ? [] : [{ path: 'password', message: 'required' }]),
    send: (body) => api.updateAdmin(admin.id, body),
    onDone,
  })
  return (
    <Dialog title={t('resetTitle', { email: admin.email })} onClose={onClose}>
      <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
        <ErrorMessage>{form.formError}</ErrorMessage>
        <TextField
          name="password"
          label={t('newPassword')}
          hint={t('form.passwordHint')}
          type="password"
          dir="ltr"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={form.fieldErrors.password}
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
