import { useEffect, useRef, useState, type ChangeEvent } from 'react'
import type { InvokeOutput } from '../../../../shared/ipc'
import { useDisplayLocale } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import { useProtected } from '../approval/useProtected'
import { csvColumnMeaning, csvColumns, exportFileName, formatFileSize } from './csvFile'
import { ImportReport } from './ImportReport'

type Report = InvokeOutput<'catalog:importCsv'>

interface ChosenFile {
  name: string
  size: number
  text: string
}

// CsvImportInput's limit, in characters.
const maxCsvLength = 40_000_000

/** Products in and out as CSV: import with a per-line report, export of the whole catalog. */
export function CsvSection() {
  const { t } = useTranslation('catalog')
  const locale = useDisplayLocale()
  const protectedCall = useProtected()
  const [file, setFile] = useState<ChosenFile | null>(null)
  const [isReading, setIsReading] = useState(false)
  const [isImporting, setIsImporting] = useState(false)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  const [isExporting, setIsExporting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const stopListening = useRef<(() => void) | null>(null)
  const number = (value: number) => value.toLocaleString(locale)

  useEffect(() => () => stopListening.current?.(), [])

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0]
    setError(null)
    setReport(null)
    setProgress(null)
    setFile(null)
    if (!chosen) return
    setIsReading(true)
    try {
      const text = await chosen.text()
      setFile({ name: chosen.name, size: chosen.size, text })
      if (text.length > maxCsvLength) setError(t('csv.tooLarge'))
    } catch (failure) {
      setError(t('csv.readFailed', { name: chosen.name, error: errorMessage(failure) }))
    } finally {
      setIsReading(false)
    }
  }

  async function importFile() {
    if (!file || isImporting) return
    if (file.text.trim() === '') {
      setError(t('csv.empty', { name: file.name }))
      return
    }
    setError(null)
    setReport(null)
    setProgress(null)
    setIsImporting(true)
    setStatus(t('csv.importing', { name: file.name }))
    stopListening.current = pos.on('catalog:importProgress', setProgress)
    try {
      const result = await protectedCall('catalogEdit', (approvalId) =>
        pos.invoke('catalog:importCsv', { csv: file.text, approvalId }),
      )
      if (result === null) {
        setStatus(t('csv.cancelled'))
      } else {
        setReport(result)
        setStatus(
          t('csv.finished', {
            created: number(result.created),
            updated: number(result.updated),
            unchanged: number(result.unchanged),
            rejected: number(result.rejected.length),
          }),
        )
      }
    } catch (failure) {
      setStatus('')
      setError(t('csv.importFailed', { error: errorMessage(failure) }))
    } finally {
      stopListening.current?.()
      stopListening.current = null
      setIsImporting(false)
    }
  }

  async function exportFile() {
    setIsExporting(true)
    setError(null)
    try {
      const result = await pos.invoke('catalog:exportCsv')
      const name = exportFileName(new Date())
      const url = URL.createObjectURL(new Blob([result.csv], { type: 'text/csv;charset=utf-8' }))
      const link = document.createElement('a')
      link.href = url
      link.download = name
      document.body.append(link)
      link.click()
      link.remove()
      // The download reads the blob after this returns; free it once that has surely happened.
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
      setStatus(t('csv.exported', { rows: number(result.rows), name }))
    } catch (failure) {
      setError(t('csv.exportFailed', { error: errorMessage(failure) }))
    } finally {
      setIsExporting(false)
    }
  }

  const isTooLarge = file !== null && file.text.length > maxCsvLength

  return (
    <section className="page-card" aria-labelledby="catalog-csv-title">
      <div className="page-card-header">
        <div>
          <h3 id="catalog-csv-title" className="page-card-title">
            {t('csv.title')}
          </h3>
          <p className="page-card-intro">{t('csv.intro')}</p>
        </div>
        <button
          type="button"
          className="button button-secondary"
          disabled={isExporting}
          aria-busy={isExporting}
          onClick={() => void exportFile()}
        >
          {isExporting && <span className="spinner" aria-hidden="true" />}
          {t('csv.export')}
        </button>
      </div>

      <div className="catalog-import">
        <label className="field catalog-import-file">
          <span className="field-label">{t('csv.file')}</span>
          <input
            type="file"
            accept=".csv,text/csv"
            className="catalog-file-input"
            disabled={isImporting}
            onChange={(event) => void choose(event)}
          />
        </label>
        {file && (
          <p className="catalog-file-info" data-testid="csv-file-info">
            {file.name} · {formatFileSize(file.size, locale)}
          </p>
        )}
        {isReading && <p className="catalog-file-info">{t('csv.reading')}</p>}
        <button
          type="button"
          className="button button-primary"
          disabled={!file || isImporting || isReading || isTooLarge}
          aria-busy={isImporting}
          onClick={() => void importFile()}
        >
          {isImporting && <span className="spinner" aria-hidden="true" />}
          {t('csv.import')}
        </button>
      </div>

      {isImporting && (
        <div className="catalog-progress">
          <progress
            className="catalog-progress-bar"
            aria-label={t('csv.progress')}
            max={progress?.total || undefined}
            value={progress ? progress.done : undefined}
          />
          <span data-testid="import-progress">
            {progress
              ? t('csv.rows', { done: number(progress.done), total: number(progress.total) })
              : t('csv.readingRows')}
          </span>
        </div>
      )}

      {error && <ErrorAlert message={error} onDismiss={() => setError(null)} />}
      <p role="status" className="catalog-status" data-testid="csv-status">
        {status}
      </p>
      {report && <ImportReport report={report} />}

      <div className="catalog-columns">
        <h4 className="catalog-columns-title">{t('csv.columnsTitle')}</h4>
        <p className="page-card-intro">{t('csv.columnsIntro')}</p>
        <code className="catalog-columns-header">{csvColumns.map((c) => c.name).join(',')}</code>
        <dl className="catalog-columns-list">
          {csvColumns.map((column) => (
            <div key={column.name} className="catalog-column">
              <dt className="catalog-code">{column.name}</dt>
              <dd>{csvColumnMeaning(column.name)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  )
}
