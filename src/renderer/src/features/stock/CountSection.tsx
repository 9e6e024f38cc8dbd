import { useRef } from 'react'
import { useDisplayLocale } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useLoad } from '../../hooks/useLoad'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import { difference, linesOfSavedCount } from './countModel'
import { CountTable } from './CountTable'
import { MovementResultView } from './MovementResultView'
import { ProductPicker } from './ProductPicker'
import type { StockItem } from './stockItem'
import { useCountSession } from './useCountSession'
import { useStockScan } from './useStockScan'

interface CountSectionProps {
  isActive: boolean
  onHistory: (item: StockItem) => void
}

/**
 * A count by scanning: each scan adds one (or a label's weight) to counted, beside what the register
 * expects. Only the products counted are applied, so a shelf at a time is a count too.
 */
export function CountSection({ isActive, onHistory }: CountSectionProps) {
  const { t } = useTranslation('stock')
  const locale = useDisplayLocale()
  const session = useCountSession()
  const { draft } = session
  const pickerRef = useRef<HTMLInputElement>(null)
  // Counts saved here or on the store's other registers, to pick up again.
  const saved = useLoad(() => pos.invoke('stock:counts', {}), [draft === null], {
    isEnabled: draft === null,
    describeError: (error) => t('count.savedFailed', { error }),
  })
  const focusPicker = () => requestAnimationFrame(() => pickerRef.current?.focus())
  const scan = useStockScan(isActive && draft !== null && !session.isApplying, session.add)
  const differing = draft ? draft.lines.filter((line) => (difference(line) ?? 0) !== 0).length : 0

  return (
    <div className="stock-section" data-testid="count-section">
      {session.applied && (
        <MovementResultView
          title={t('count.appliedTitle')}
          result={session.applied.result}
          names={session.applied.names}
          onDone={session.clearApplied}
        />
      )}
      {draft === null ? (
        <div className="stock-start">
          <p className="page-card-intro">{t('count.intro')}</p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              session.start()
              // The field appears with the count; focus it once it is there.
              focusPicker()
            }}
          >
            {t('count.start')}
          </button>
          {saved.error && <ErrorAlert message={saved.error} onRetry={saved.reload} />}
          {saved.data && saved.data.length > 0 && (
            <ul className="stock-list" aria-label={t('count.saved')}>
              {saved.data.map((count) => (
                <li key={count.id}>
                  <button
                    type="button"
                    className="button button-secondary stock-list-button"
                    data-testid="saved-count"
                    onClick={() => {
                      session.start({ countId: count.id, lines: linesOfSavedCount(count) })
                      focusPicker()
                    }}
                  >
                    {t('count.resume', {
                      date: new Intl.DateTimeFormat(locale, {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      }).format(new Date(count.createdAt)),
                      lines: count.lines.length,
                    })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <>
          <ProductPicker scan={scan} inputRef={pickerRef} label={t('count.pickLabel')} />
          {session.expectedError && <ErrorAlert message={session.expectedError} />}
          {draft.lines.length === 0 ? (
            <p className="page-card-empty">{t('count.empty')}</p>
          ) : (
            <>
              <p className="stock-summary" data-testid="count-summary">
                {t('count.summary', { lines: draft.lines.length, differing })}
              </p>
              <CountTable
                lines={draft.lines}
                errors={session.errors.lines}
                onCounted={session.setLineCounted}
                onRemove={session.remove}
                onHistory={onHistory}
              />
            </>
          )}
          {session.errors.form && <ErrorAlert message={session.errors.form} />}
          <p className="field-hint" role="status" data-testid="count-save-state">
            {session.saveState.status === 'saved' && t('count.savedAt')}
          </p>
          {session.saveState.status === 'failed' && (
            <ErrorAlert message={session.saveState.message} />
          )}
          <div className="stock-actions">
            <button
              type="button"
              className="button button-secondary"
              disabled={session.isApplying}
              onClick={session.discard}
            >
              {t('count.discard')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={session.isApplying || session.saveState.status === 'saving'}
              aria-busy={session.saveState.status === 'saving'}
              onClick={() => void session.save()}
            >
              {t('count.save')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={session.isApplying || draft.lines.length === 0}
              aria-busy={session.isApplying}
              onClick={() => void session.apply()}
            >
              {session.isApplying && <span className="spinner" aria-hidden="true" />}
              {t('count.apply')}
            </button>
          </div>
        </>
      )}
    </div>
  )
}
