import { useEffect, useId, useRef, type FormEvent } from 'react'
import {
  valueText,
  type ConflictFieldRow,
} from '../../../../renderer/src/features/manager/conflictFields'
import { useTranslation } from '../../i18n'

interface MergeFormProps {
  rows: ConflictFieldRow[]
  texts: Record<string, string>
  /** Per field: why the value cannot be used (read here, or refused by the server). */
  fieldErrors: Record<string, string>
  onChange: (field: string, text: string) => void
  onBack: () => void
  onReview: () => void
}

/** Every field of the record as text, starting from the register's copy; either side one click away. */
export function MergeForm({
  rows,
  texts,
  fieldErrors,
  onChange,
  onBack,
  onReview,
}: MergeFormProps) {
  const { t } = useTranslation('conflicts')
  const baseId = useId()
  const firstRef = useRef<HTMLInputElement>(null)

  useEffect(() => firstRef.current?.focus(), [])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    onReview()
  }

  return (
    <form className="bo-merge" noValidate onSubmit={submit} aria-label={t('editMerge')}>
      <p className="bo-muted">{t('merge.intro')}</p>
      {rows.map((row, index) => {
        const inputId = `${baseId}-${index}`
        const error = fieldErrors[row.field]
        return (
          <div
            key={row.field}
            className={
              row.isDifferent ? 'field bo-merge-row bo-field-different' : 'field bo-merge-row'
            }
          >
            <label className="field-label" htmlFor={inputId}>
              {row.field}
            </label>
            <input
              ref={index === 0 ? firstRef : undefined}
              id={inputId}
              name={row.field}
              className="field-input"
              dir="auto"
              value={texts[row.field] ?? ''}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-error` : undefined}
              spellCheck={false}
              onChange={(event) => onChange(row.field, event.target.value)}
            />
            {row.isDifferent ? (
              <div className="bo-row-actions">
                <button
                  type="button"
                  className="button button-ghost button-small"
                  aria-label={t('merge.useServerFor', { field: row.field })}
                  onClick={() => onChange(row.field, valueText(row.server))}
                >
                  {t('merge.useServer')}
                </button>
                <button
                  type="button"
                  className="button button-ghost button-small"
                  aria-label={t('merge.useDeviceFor', { field: row.field })}
                  onClick={() => onChange(row.field, valueText(row.device))}
                >
                  {t('merge.useDevice')}
                </button>
              </div>
            ) : null}
            {error ? (
              <p id={`${inputId}-error`} className="field-hint field-hint-error">
                {error}
              </p>
            ) : null}
          </div>
        )
      })}
      <div className="bo-form-actions">
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('confirm.back')}
        </button>
        <button type="submit" className="button button-primary">
          {t('merge.review')}
        </button>
      </div>
    </form>
  )
}
