import { useEffect, useState } from 'react'
import { SignInBody } from '../../../../shared/backoffice/api'
import { TextField } from '../../components/Field'
import { LanguageSwitch } from '../../components/LanguageSwitch'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { useSession } from './sessionContext'
import { signInErrorText } from './signInError'

export function SignInPage() {
  const { t } = useTranslation('session')
  const { api, signIn, signedOutReason } = useSession()
  const [isSetupNeeded, setIsSetupNeeded] = useState(false)

  useEffect(() => {
    let isCurrent = true
    api
      .setupStatus()
      .then((status) => isCurrent && setIsSetupNeeded(status.isSetupNeeded))
      // Only a hint: sign in still works (or says why not) without it.
      .catch(() => {})
    return () => {
      isCurrent = false
    }
  }, [api])
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [refusal, setRefusal] = useState<string | null>(null)

  const form = useForm({
    schema: SignInBody,
    values: () => ({ email: email.trim(), password }),
    send: async (body) => {
      setRefusal(null)
      try {
        await signIn(body)
      } catch (error) {
        setRefusal(signInErrorText(error, t))
        setPassword('')
      }
    },
    onDone: () => {},
  })

  return (
    <main className="bo-auth">
      <div className="bo-auth-card">
        <div className="bo-auth-top">
          <p className="bo-brand">{t('common:appName')}</p>
          <LanguageSwitch />
        </div>
        <h1 className="page-title">{t('signIn.title')}</h1>
        <p className="page-card-intro">{t('signIn.intro')}</p>
        <StatusMessage>
          {signedOutReason && !refusal ? t(`signIn.${signedOutReason}`) : null}
        </StatusMessage>
        {isSetupNeeded ? <p className="notice notice-message">{t('signIn.setupNeeded')}</p> : null}
        <ErrorMessage>{refusal ?? form.formError}</ErrorMessage>
        <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
          <TextField
            name="email"
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            dir="ltr"
            value={email}
            onChange={setEmail}
            error={form.fieldErrors.email}
          />
          <TextField
            name="password"
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
            dir="ltr"
            value={password}
            onChange={setPassword}
            error={form.fieldErrors.password}
          />
          <button type="submit" className="button button-primary" disabled={form.isSubmitting}>
            {form.isSubmitting ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </div>
    </main>
  )
}
