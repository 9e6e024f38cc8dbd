import { useEffect, useMemo, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { SetupBody } from '../../../../shared/backoffice/api'
import { SelectField, TextField } from '../../components/Field'
import { LanguageSwitch } from '../../components/LanguageSwitch'
import { ErrorMessage } from '../../components/Messages'
import { errorSentence } from '../../forms/errorText'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { useSession } from '../session/sessionContext'
import { browserTimeZone, currencyChoices, timeZoneChoices, withValue } from '../stores/choices'

type Status = 'checking' | 'needed' | 'done' | { error: string }

/** First run: the business, its first store and the owner, from the link the server printed. */
export function SetupPage() {
  const { t, i18n } = useTranslation('session')
  const { api, finishSetup } = useSession()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const token = params.get('token') ?? ''
  const [status, setStatus] = useState<Status>('checking')
  const [values, setValues] = useState({
    businessName: '',
    storeCode: '',
    storeName: '',
    timeZone: browserTimeZone(),
    currency: 'USD',
    email: '',
    password: '',
    confirmPassword: '',
  })
  const zones = useMemo(() => timeZoneChoices(), [])
  const currencies = useMemo(() => currencyChoices(i18n.language), [i18n.language])

  useEffect(() => {
    let isCurrent = true
    api
      .setupStatus()
      .then((reply) => isCurrent && setStatus(reply.isSetupNeeded ? 'needed' : 'done'))
      .catch((error: unknown) => isCurrent && setStatus({ error: errorSentence(error, t) }))
    return () => {
      isCurrent = false
    }
  }, [api, t])

  const form = useForm({
    schema: SetupBody,
    values: () => {
      const { confirmPassword: _confirm, ...body } = values
      return { ...body, token, storeCode: body.storeCode.trim().toUpperCase() }
    },
    extraIssues: () =>
      values.confirmPassword === values.password
        ? []
        : [{ path: 'confirmPassword', message: 'passwords differ' }],
    send: (body) => api.setup(body),
    onDone: (session) => {
      finishSetup(session)
      void navigate('/stores', { replace: true })
    },
    codeFields: {
      STORE_CODE_TAKEN: { field: 'storeCode', message: t('stores:codeTaken') },
      EMAIL_TAKEN: { field: 'email', message: t('users:emailTaken') },
      SETUP_TOKEN_REJECTED: { field: 'token', message: t('common:fieldErrors.token') },
    },
  })
  const set = (key: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [key]: value }))
  const errors = form.fieldErrors

  return (
    <main className="bo-auth">
      <div className="bo-auth-card bo-auth-card-wide">
        <div className="bo-auth-top">
          <p className="bo-brand">{t('common:appName')}</p>
          <LanguageSwitch />
        </div>
        <h1 className="page-title">{t('setup.title')}</h1>
        {status === 'checking' ? <p className="page-loading">{t('common:loading')}</p> : null}
        {typeof status === 'object' ? <ErrorMessage>{status.error}</ErrorMessage> : null}
        {status === 'done' ? (
          <>
            <p>{t('setup.alreadyDone')}</p>
            <Link className="button button-secondary" to="/signin">
              {t('setup.goToSignIn')}
            </Link>
          </>
        ) : null}
        {status === 'needed' && !token ? <ErrorMessage>{t('setup.noToken')}</ErrorMessage> : null}
        {status === 'needed' && token ? (
          <>
            <p className="page-card-intro">{t('setup.intro')}</p>
            <ErrorMessage>{errors.token ?? form.formError}</ErrorMessage>
            <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
              <fieldset className="bo-fieldset">
                <legend>{t('setup.business')}</legend>
                <TextField
                  name="businessName"
                  label={t('setup.businessName')}
                  value={values.businessName}
                  onChange={set('businessName')}
                  error={errors.businessName}
                  autoComplete="organization"
                />
              </fieldset>
              <fieldset className="bo-fieldset">
                <legend>{t('setup.store')}</legend>
                <div className="bo-form-grid">
                  <TextField
                    name="storeCode"
                    label={t('setup.storeCode')}
                    hint={t('setup.storeCodeHint')}
                    value={values.storeCode}
                    onChange={(value) => set('storeCode')(value.toUpperCase())}
                    error={errors.storeCode}
                    dir="ltr"
                    maxLength={16}
                  />
                  <TextField
                    name="storeName"
                    label={t('setup.storeName')}
                    value={values.storeName}
                    onChange={set('storeName')}
                    error={errors.storeName}
                  />
                  <SelectField
                    name="timeZone"
                    label={t('setup.timeZone')}
                    value={values.timeZone}
                    options={withValue(zones, values.timeZone)}
                    onChange={set('timeZone')}
                    error={errors.timeZone}
                  />
                  <SelectField
                    name="currency"
                    label={t('setup.currency')}
                    value={values.currency}
                    options={withValue(currencies, values.currency)}
                    onChange={set('currency')}
                    error={errors.currency}
                  />
                </div>
              </fieldset>
              <fieldset className="bo-fieldset">
                <legend>{t('setup.owner')}</legend>
                <TextField
                  name="email"
                  label={t('setup.email')}
                  type="email"
                  autoComplete="username"
                  dir="ltr"
                  value={values.email}
                  onChange={set('email')}
                  error={errors.email}
                />
                <div className="bo-form-grid">
                  <TextField
                    name="password"
                    label={t('setup.password')}
                    hint={t('setup.passwordHint')}
                    type="password"
                    autoComplete="new-password"
                    dir="ltr"
                    value={values.password}
                    onChange={set('password')}
                    error={errors.password}
                  />
                  <TextField
                    name="confirmPassword"
                    label={t('setup.confirmPassword')}
                    type="password"
                    autoComplete="new-password"
                    dir="ltr"
                    value={values.confirmPassword}
                    onChange={set('confirmPassword')}
                    error={errors.confirmPassword}
                  />
                </div>
              </fieldset>
              <button type="submit" className="button button-primary" disabled={form.isSubmitting}>
                {form.isSubmitting ? t('setup.submitting') : t('setup.submit')}
              </button>
            </form>
          </>
        ) : null}
      </div>
    </main>
  )
}
