import { useEffect, useId, useMemo, useRef, useState } from 'react'
import {
  conflictRows,
  mergeFields,
  valueText,
} from '../../../../renderer/src/features/manager/conflictFields'
import type { AdminConflict, AdminResolveBody } from '../../../../shared/backoffice/syncHealth'
import { ApiError } from '../../api/errors'
import { Dialog } from '../../components/Dialog'
import { ErrorMessage } from '../../components/Messages'
import { errorSentence, fieldOf } from '../../forms/errorText'
import { useTranslation } from '../../i18n'
import { count, relativeTime } from '../format'
import { useSignedIn } from '../session/sessionContext'
import { conflictLabel } from './conflictLabel'
import { MergeForm } from './MergeForm'

type Step =
  | { kind: 'compare' }
  | { kind: 'merge' }
  | { kind: 'confirm'; body: AdminResolveBody; from: 'compare' | 'merge' }

interface ConflictDialogProps {
  conflict: AdminConflict
  onClose: () => void
  onResolved: (label: string) => void
}

/**
 * One conflict: the server's and the register's copy side by side with the differing fields
 * marked; Keep server, Take device, or Edit and merge; every choice is confirmed before it is sent.
 */
export function ConflictDialog({ conflict, onClose, onResolved }: ConflictDialogProps) {
  const { t, i18n } = useTranslation('conflicts')
  const { api } = useSignedIn()
  const locale = i18n.language
  const label = conflictLabel(conflict)
  const rows = useMemo(
    () => conflictRows(conflict.serverData, conflict.clientData),
    [conflict.serverData, conflict.clientData],
  )
  const [step, setStep] = useState<Step>({ kind: 'compare' })
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      rows.map((row) => [row.field, valueText(row.device !== undefined ? row.device : row.server)]),
    ),
  )
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setIsBusy] = useState(false)

  function review() {
    const merged = mergeFields(rows, texts)
    if (!merged.ok) {
      setFieldErrors(
        Object.fromEntries(merged.badFields.map((field) => [field, t('merge.badValue')])),
      )
      return
    }
    setStep({ kind: 'confirm', body: { resolution: 'merge', data: merged.data }, from: 'merge' })
  }

  async function settle(body: AdminResolveBody) {
    setIsBusy(true)
    setError(null)
    try {
      await api.resolveConflict(conflict.conflictId, body)
      onResolved(label)
    } catch (caught) {
      setIsBusy(false)
      // Merged data the entity's schema refuses: back to the form, the failing fields marked.
      if (body.resolution === 'merge' && caught instanceof ApiError && caught.issues.length > 0) {
        setFieldErrors(
          Object.fromEntries(caught.issues.map((issue) => [fieldOf(issue.path), issue.message])),
        )
        setStep({ kind: 'merge' })
        return
      }
      setError(errorSentence(caught, t))
    }
  }

  const device = conflict.deviceName ?? t('unknownDevice')
  const entity = t(`entities.${conflict.entity}`, { defaultValue: conflict.entity })

  return (
    <Dialog title={label} onClose={onClose}>
      <p className="bo-muted">
        {t('meta', {
          entity,
          store: `${conflict.storeCode} — ${conflict.storeName}`,
          device,
          when: relativeTime(conflict.createdAt, locale),
        })}
      </p>
      {step.kind === 'compare' ? (
        <>
          {conflict.clientDeleted ? <p>{t('deletedOnDevice')}</p> : null}
          <div className="bo-table-wrap">
            <table className="bo-table bo-compare">
              <caption className="bo-visually-hidden">{t('compareCaption', { label })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('field')}</th>
                  <th scope="col">
                    {t('server')}{' '}
                    <span className="bo-muted">
                      {t('version', { version: count(conflict.serverVersion, locale) })}
                    </span>
                  </th>
                  <th scope="col">{t('device')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr
                    key={row.field}
                    className={row.isDifferent ? 'bo-field-different' : undefined}
                    data-testid="compare-row"
                    data-differs={row.isDifferent ? 'true' : undefined}
                  >
                    <th scope="row">
                      {row.field}
                      {row.isDifferent ? (
                        <span className="bo-differs-tag">{t('differs')}</span>
                      ) : null}
                    </th>
                    <td dir="auto">{valueText(row.server) || t('common:none')}</td>
                    <td dir="auto">{valueText(row.device) || t('common:none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="bo-form-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                setStep({ kind: 'confirm', body: { resolution: 'keep-server' }, from: 'compare' })
              }
            >
              {t('keepServer')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                setStep({ kind: 'confirm', body: { resolution: 'take-device' }, from: 'compare' })
              }
            >
              {t('takeDevice')}
            </button>
            {conflict.clientDeleted ? null : (
              <button
                type="button"
                className="button button-primary"
                onClick={() => setStep({ kind: 'merge' })}
              >
                {t('editMerge')}
              </button>
            )}
          </div>
        </>
      ) : null}
      {step.kind === 'merge' ? (
        <MergeForm
          rows={rows}
          texts={texts}
          fieldErrors={fieldErrors}
          onChange={(field, text) => {
            setTexts((current) => ({ ...current, [field]: text }))
            setFieldErrors((current) => {
              const { [field]: _dropped, ...rest } = current
              return rest
            })
          }}
          onBack={() => setStep({ kind: 'compare' })}
          onReview={review}
        />
      ) : null}
      {step.kind === 'confirm' ? (
        <ConfirmStep
          title={t(`confirm.${confirmKey(step.body)}Title`, { label })}
          text={t(`confirm.${confirmKey(step.body)}Text`)}
          error={error}
          isBusy={isBusy}
          onBack={() => {
            setError(null)
            setStep({ kind: step.from })
          }}
          onConfirm={() => void settle(step.body)}
        />
      ) : null}
    </Dialog>
  )
}

function confirmKey(body: AdminResolveBody): 'keepServer' | 'takeDevice' | 'merge' {
  switch (body.resolution) {
    case 'keep-server':
      return 'keepServer'
    case 'take-device':
      return 'takeDevice'
    case 'merge':
      return 'merge'
  }
}

interface ConfirmStepProps {
  title: string
  text: string
  error: string | null
  isBusy: boolean
  onBack: () => void
  onConfirm: () => void
}

/** The last look before a choice is sent; focus lands on the button that sends it. */
function ConfirmStep({ title, text, error, isBusy, onBack, onConfirm }: ConfirmStepProps) {
  const { t } = useTranslation('conflicts')
  const titleId = useId()
  const confirmRef = useRef<HTMLButtonElement>(null)
  useEffect(() => confirmRef.current?.focus(), [])
  return (
    <div className="bo-confirm" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} className="page-card-title">
        {title}
      </h3>
      <p className="bo-dialog-text">{text}</p>
      <ErrorMessage>{error}</ErrorMessage>
      <div className="bo-form-actions">
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('confirm.back')}
        </button>
        <button
          ref={confirmRef}
          type="button"
          className="button button-primary"
          disabled={isBusy}
          onClick={onConfirm}
        >
          {t('confirm.yes')}
        </button>
      </div>
    </div>
  )
}
