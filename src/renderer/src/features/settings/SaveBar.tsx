import { useTranslation } from '../../i18n'

interface SaveBarProps {
  label: string
  savedText: string
  isSaving: boolean
  isSaved: boolean
  isDirty: boolean
  testId: string
}

/** A settings form's submit button with its saving / saved / unsaved status beside it. */
export function SaveBar({ label, savedText, isSaving, isSaved, isDirty, testId }: SaveBarProps) {
  const { t } = useTranslation('settings')
  return (
    <div className="settings-save">
      <button
        type="submit"
        className="button button-primary settings-save-button"
        disabled={isSaving}
        aria-busy={isSaving}
      >
        {isSaving && <span className="spinner" aria-hidden="true" />}
        {label}
      </button>
      <span className="settings-save-status" role="status" data-testid={testId}>
        {isSaving ? t('saving') : isSaved ? savedText : isDirty ? t('unsaved') : ''}
      </span>
    </div>
  )
}
