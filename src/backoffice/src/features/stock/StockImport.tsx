import { useMemo, useState } from 'react'
import type { StockImportReply, StockImportRow } from '../../../../shared/backoffice/stockOffice'
import { columnHelper, DataTable } from '../../components/DataTable'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { errorSentence } from '../../forms/errorText'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'
import { importStock, quantityText } from './stockApi'

const column = columnHelper<StockImportRow>()

/** "Set on hand to N" per SKU from a CSV: preview every row, then apply all or nothing. */
export function StockImport({ storeId, onApplied }: { storeId: string; onApplied: () => void }) {
  const { t, i18n } = useTranslation('stock')
  const { api } = useSignedIn()
  const locale = i18n.language
  const [csv, setCsv] = useState('')
  const [preview, setPreview] = useState<StockImportReply | null>(null)
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null)
  const [isBusy, setIsBusy] = useState(false)

  const run = async (apply: boolean) => {
    setIsBusy(true)
    setMessage(null)
    try {
      const reply = await importStock(api, storeId, csv, apply)
      setPreview(reply)
      if (reply.isApplied) {
        setMessage({ isError: false, text: t('import.applied', { count: reply.rows.length }) })
        setCsv('')
        setPreview(null)
        onApplied()
      } else if (reply.errorCount > 0)
        setMessage({ isError: true, text: t('import.errors', { count: reply.errorCount }) })
    } catch (error) {
      setMessage({ isError: true, text: errorSentence(error, t) })
    } finally {
      setIsBusy(false)
    }
  }
  const number = (value: number | null) => (
    <span className="numeric">{value === null ? '' : quantityText(value, locale)}</span>
  )
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('line', { header: t('import.columns.line') }),
        column.accessor('sku', { header: t('import.columns.sku') }),
        column.accessor('name', { header: t('import.columns.name') }),
        column.accessor('expected', {
          header: t('import.columns.expected'),
          cell: (info) => number(info.getValue()),
        }),
        column.accessor('counted', {
          header: t('import.columns.counted'),
          cell: (info) => number(info.getValue()),
        }),
        column.accessor('difference', {
          header: t('import.columns.difference'),
          cell: (info) => number(info.getValue()),
        }),
        column.accessor('error', { header: t('import.columns.error') }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, locale],
  )

  return (
    <section aria-labelledby="stock-import-title" className="page-card">
      <h2 id="stock-import-title" className="page-section-title">
        {t('import.title')}
      </h2>
      <p className="field-hint">{t('import.hint')}</p>
      <div className="field">
        <label htmlFor="stock-import-file">{t('import.file')}</label>
        <input
          id="stock-import-file"
          name="stockCsv"
          type="file"
          accept=".csv,text/csv"
          className="field-input"
          onChange={(event) => {
            const file = event.target.files?.[0]
            setPreview(null)
            if (file) void file.text().then(setCsv)
          }}
        />
      </div>
      <div className="bo-toolbar">
        <button
          type="button"
          className="button button-secondary"
          disabled={!csv || isBusy}
          onClick={() => void run(false)}
        >
          {t('import.preview')}
        </button>
        {preview && preview.errorCount === 0 ? (
          <button
            type="button"
            className="button button-primary"
            disabled={isBusy}
            onClick={() => void run(true)}
          >
            {t('import.apply', { count: preview.rows.length })}
          </button>
        ) : null}
      </div>
      {message?.isError ? <ErrorMessage>{message.text}</ErrorMessage> : null}
      {message && !message.isError ? <StatusMessage>{message.text}</StatusMessage> : null}
      {preview ? (
        <DataTable
          caption={t('import.title')}
          columns={columns}
          data={preview.rows}
          rowId={(row) => String(row.line)}
          rowTestId="stock-import-row"
        />
      ) : null}
    </section>
  )
}
