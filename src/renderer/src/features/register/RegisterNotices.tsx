import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'

interface RegisterNoticesProps {
  notice: string | null
  unknownBarcode: string | null
  lookupError: string | null
  onDismissNotice: () => void
  onDismissUnknown: () => void
  /** Puts the unknown code in the search box instead. */
  onSearchUnknown: (code: string) => void
  onDismissLookupError: () => void
}

/** What the last scan, search, park or recall left to say, above the product grid. */
export function RegisterNotices(props: RegisterNoticesProps) {
  const { t } = useTranslation('register')
  const { notice, unknownBarcode, lookupError } = props
  return (
    <>
      {notice && (
        <div role="status" className="notice">
          <span className="notice-message">{notice}</span>
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={props.onDismissNotice}
          >
            {t('notices.dismiss')}
          </button>
        </div>
      )}
      {unknownBarcode && (
        <div role="status" className="notice" data-testid="unknown-barcode">
          <span className="notice-message">
            {t('notices.unknownBarcode', { code: unknownBarcode })}
          </span>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => props.onSearchUnknown(unknownBarcode)}
          >
            {t('notices.searchInstead')}
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={props.onDismissUnknown}
          >
            {t('notices.dismiss')}
          </button>
        </div>
      )}
      {lookupError && <ErrorAlert message={lookupError} onDismiss={props.onDismissLookupError} />}
    </>
  )
}
