import { useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import type { CsvImportReply } from '../../../../shared/backoffice/purchasing'
import { SelectField } from '../../components/Field'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { errorSentence } from '../../forms/errorText'
import { useTranslation } from '../../i18n'
import { usePurchasingApi } from './usePurchasing'

type Kind = 'suppliers' | 'costs'

/**
 * CSV files of suppliers and supplier costs: download links, and an import that first checks the
 * file (each bad row named) and only then writes every row at once.
 */
export function CsvPanel({ store, onImported }: { store: StoreDetail; onImported(): void }) {
  const { t } = useTranslation('purchasing')
  const purchasing = usePurchasingApi(store)
  const [kind, setKind] = useState<Kind>('suppliers')
  const [csv, setCsv] = useState<string | null>(null)
  const [fileKey, setFileKey] = useState(0)
  const [result, setResult] = useState<CsvImportReply | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setIsBusy] = useState(false)

  async function run(isApplied: boolean) {
    if (csv === null) return
    setIsBusy(true)
    setError(null)
    try {
      const reply = await purchasing.importCsv(kind, csv, isApplied)
      setResult(reply)
      if (reply.isApplied) {
        setCsv(null)
        setFileKey((key) => key + 1)
        onImported()
      }
    } catch (failure) {
      setResult(null)
      setError(errorSentence(failure, t))
    } finally {
      setIsBusy(false)
    }
  }

  const isReady = result !== null && !result.isApplied && result.errors.length === 0
  return (
    <section className="bo-section" aria-label={t('csv.title')}>
      <h2 className="page-subtitle">{t('csv.title')}</h2>
      <div className="bo-toolbar">
        <a className="button button-secondary" href={purchasing.csvHref('suppliers')} download>
          {t('csv.exportSuppliers')}
        </a>
        <a className="button button-secondary" href={purchasing.csvHref('costs')} download>
          {t('csv.exportCosts')}
        </a>
      </div>
      <div className="bo-form">
        <SelectField
          name="kind"
          label={t('csv.kind')}
          value={kind}
          options={[
            { value: 'suppliers', label: t('csv.kindSuppliers') },
            { value: 'costs', label: t('csv.kindCosts') },
          ]}
          onChange={(value) => {
            setKind(value as Kind)
            setResult(null)
          }}
        />
        <div className="field">
          <label className="field-label" htmlFor="purchasing-csv-file">
            {t('csv.file')}
          </label>
          <input
            key={fileKey}
            id="purchasing-csv-file"
            className="field-input"
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              const file = event.target.files?.[0]
              setResult(null)
              if (file) void file.text().then(setCsv)
              else setCsv(null)
            }}
          />
        </div>
        <ErrorMessage>{error}</ErrorMessage>
        {result ? (
          <StatusMessage>
            {result.isApplied
              ? t('csv.applied', { created: result.created, updated: result.updated })
              : t('csv.summary', result)}{' '}
            {!result.isApplied && result.errors.length === 0 ? t('csv.noErrors') : null}
          </StatusMessage>
        ) : null}
        {result && result.errors.length > 0 ? (
          <div role="alert" className="error-alert">
            <p>{t('csv.errorsTitle')}</p>
            <ul data-testid="csv-errors">
              {result.errors.map((rowError) => (
                <li key={`${rowError.row}-${rowError.column}-${rowError.message}`}>
                  {t('csv.rowError', rowError)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="bo-form-actions">
          <button
            type="button"
            className="button button-secondary"
            disabled={csv === null || isBusy}
            onClick={() => void run(false)}
          >
            {t('csv.preview')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!isReady || isBusy}
            onClick={() => void run(true)}
          >
            {t('csv.apply')}
          </button>
        </div>
      </div>
    </section>
  )
}
