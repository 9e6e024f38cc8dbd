import { useState } from 'react'
import {
  CreateEnrollmentCodeBody,
  type EnrollmentCodeReply,
  type StoreDetail,
} from '../../../../shared/backoffice/api'
import { Dialog } from '../../components/Dialog'
import { SelectField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { dateTime } from '../format'
import { useSignedIn } from '../session/sessionContext'

const expiries = [
  { key: 'm15', minutes: 15 },
  { key: 'h1', minutes: 60 },
  { key: 'h24', minutes: 24 * 60 },
  { key: 'd7', minutes: 7 * 24 * 60 },
] as const

/**
 * The QR code as an image: a data: URL never runs the SVG's scripts or reaches the page's DOM,
 * so a hostile SVG cannot act here (CSP img-src needs `data:`).
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

interface EnrollmentCodeDialogProps {
  store: StoreDetail
  onClose: () => void
}

/** A new one-time code for a store: the code, when it expires, and a QR code a register scans. */
export function EnrollmentCodeDialog({ store, onClose }: EnrollmentCodeDialogProps) {
  const { t, i18n } = useTranslation('registers')
  const { api } = useSignedIn()
  const [role, setRole] = useState<'register' | 'station'>('register')
  const [expiresInMinutes, setExpiresInMinutes] = useState('60')
  const [uses, setUses] = useState('1')
  const [reply, setReply] = useState<EnrollmentCodeReply | null>(null)

  const form = useForm({
    schema: CreateEnrollmentCodeBody,
    values: () => ({
      storeId: store.id,
      role,
      expiresInMinutes: Number(expiresInMinutes),
      uses: Number(uses),
    }),
    send: (body) => api.createEnrollmentCode(body),
    onDone: setReply,
  })

  return (
    <Dialog title={`${t('enroll.title')} — ${store.name}`} onClose={onClose}>
      {reply ? (
        <div className="bo-enrollment" data-testid="enrollment-code">
          <p>{t('enroll.intro')}</p>
          <p className="bo-enrollment-code">
            <span className="field-label">{t('enroll.code')}</span>{' '}
            <strong className="numeric" dir="ltr" data-testid="enrollment-code-value">
              {reply.code}
            </strong>
          </p>
          <p>{t('enroll.expires', { when: dateTime(reply.expiresAt, i18n.language) })}</p>
          <img
            className="bo-qr"
            src={svgDataUrl(reply.qrSvg)}
            alt={t('enroll.qrAlt', { code: reply.code })}
            width={240}
            height={240}
          />
          <p className="bo-enrollment-uri" dir="ltr">
            {reply.enrollUri}
          </p>
          <div className="bo-form-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setReply(null)}
            >
              {t('enroll.another')}
            </button>
            <button type="button" className="button button-primary" onClick={onClose}>
              {t('common:actions.close')}
            </button>
          </div>
        </div>
      ) : (
        <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
          <ErrorMessage>{form.formError}</ErrorMessage>
          <SelectField
            name="role"
            label={t('enroll.role')}
            value={role}
            options={[
              { value: 'register', label: t('kinds.register') },
              { value: 'station', label: t('kinds.station') },
            ]}
            onChange={(value) => setRole(value === 'station' ? 'station' : 'register')}
            error={form.fieldErrors.role}
          />
          <SelectField
            name="expiresInMinutes"
            label={t('enroll.expiresIn')}
            value={expiresInMinutes}
            options={expiries.map((expiry) => ({
              value: String(expiry.minutes),
              label: t(`expiry.${expiry.key}`),
            }))}
            onChange={setExpiresInMinutes}
            error={form.fieldErrors.expiresInMinutes}
          />
          <SelectField
            name="uses"
            label={t('enroll.uses')}
            value={uses}
            options={[1, 2, 3, 5, 10].map((value) => ({
              value: String(value),
              label: String(value),
            }))}
            onChange={setUses}
            error={form.fieldErrors.uses}
          />
          <div className="bo-form-actions">
            <button type="button" className="button button-secondary" onClick={onClose}>
              {t('common:actions.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={form.isSubmitting}>
              {t('enroll.create')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  )
}
