import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from '../../i18n'
import { mergeFields, valueText, type ConflictFieldRow } from './conflictFields'

interface MergeEditorProps {
  rows: ConflictFieldRow[]
  isBusy: boolean
  onCancel: () => void
  onMerge: (mergedData: Record<string, unknown>) => void
}

/** Every field of the record, starting from this device's version; each can take either side. */
export function MergeEditor({ rows, isBusy, onCancel, onMerge }: MergeEditorProps) {
  const { t } = useTranslation('manager')
  const baseId = useId()
  const firstRef = useRef<HTMLInputElement>(null)
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      rows.map((row) => [row.field, valueText(row.device !== undefined ? row.device : row.server)]),
    ),
  )
  const [badFields, setBadFields] = useState<string[]>([])

  useEffect(() => firstRef.current?.focus(), [])

  function setField(field: string, text: string) {
    setTexts((current) => ({ ...current, [field]: text }))
    setBadFields((current) => current.filter((bad) => bad !== field))
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const merged = mergeFields(rows, texts)
    if (!merged.ok) {
      setBadFields(merged.badFields)
      return
    }
    onMerge(merged.data)
  }

  return (
    <form
      className="manager-merge"
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          onCancel()
        }
      }}
    >
      <p className="manager-muted">{t('merge.intro')}</p>
      {rows.map((row, index) => {
        const inputId = `${baseId}-${index}`
        const isBad = badFields.includes(row.field)
        return (
          <div
            key={row.field}
            className={
              row.isDifferent ? 'manager-merge-row manager-field-different' : 'manager-merge-row'
            }
          >
            <label className="field-label" htmlFor={inputId}>
              {row.field}
            </label>
            <input
              ref={index === 0 ? firstRef : undefined}
              id={inputId}
              className="field-input manager-merge-input"
              value={texts[row.field] ?? ''}
              aria-invalid={isBad}
              aria-describedby={isBad ? `${inputId}-error` : undefined}
              spellCheck={false}
              onChange={(event) => setField(row.field, event.target.value)}
            />
            {row.isDifferent && (
              <div className="manager-merge-pick">
                <button
                  type="button"
                  className="button button-ghost button-small"
                  aria-label={t('merge.useServerFor', { field: row.field })}
                  onClick={() => setField(row.field, valueText(row.server))}
                >
                  {t('merge.useServer')}
                </button>
                <button
                  type="button"
                  className="button button-ghost button-small"
                  aria-label={t('merge.useDeviceFor', { field: row.field })}
                  onClick={() => setField(row.field, valueText(row.device))}
                >
                  {t('merge.useDevice')}
                </button>
              </div>
            )}
            {isBad && (
              <p id={`${inputId}-error`} className="field-hint field-hint-error">
                {t('merge.badValue')}
              </p>
            )}
          </div>
        )
      })}
      <div className="manager-conflict-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('merge.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={isBusy}>
          {isBusy && <span className="spinner" aria-hidden="true" />}
          {t('merge.save')}
        </button>
      </div>
    </form>
  )
}
