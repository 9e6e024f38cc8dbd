import { useState } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { ProductPicker } from './ProductPicker'
import { ReceivingTable } from './ReceivingTable'
import type { ReceivingLine } from './receivingModel'
import type { StockItem } from './stockItem'
import type { StockMovementResult } from './stockTypes'
import { namesOf } from './useCountSession'
import { useReceivingDraft } from './useReceivingDraft'
import { useSubmitOnce, type SubmitIds } from './useSubmitOnce'

export interface ReceiveCall {
  ids: SubmitIds
  lines: { productId: string; variantId: string | null; quantity: number }[]
  note: string | undefined
}

interface ReceivingViewProps<T extends StockMovementResult> {
  title: string
  lines: ReceivingLine[]
  /** "Ordered" or "Sent". */
  dueLabel: string
  hasNote: boolean
  isActive: boolean
  receive: (call: ReceiveCall) => Promise<T>
  onHistory: (item: StockItem) => void
  onBack: () => void
  onReceived: (result: T, names: Record<string, string>) => void
}

/**
 * A purchase order or a transfer being received: scan what came, see over and under per line,
 * receive what is here (the rest can come later).
 */
export function ReceivingView<T extends StockMovementResult>(props: ReceivingViewProps<T>) {
  const { title, isActive, onHistory, onBack, onReceived } = props
  const { t } = useTranslation('stock')
  const submitter = useSubmitOnce()
  const [note, setNote] = useState('')
  const draft = useReceivingDraft(props.lines, isActive && !submitter.isBusy, submitter.invalidate)

  async function receive() {
    const lines = draft.inputs
    const trimmed = note.trim()
    const result = await submitter.submit(lines, (ids) =>
      props.receive({ ids, lines, note: trimmed === '' ? undefined : trimmed }),
    )
    if (result) onReceived(result, namesOf(draft.lines.map((line) => line.item)))
  }

  return (
    <div className="stock-section" data-testid="receiving">
      <div className="page-card-header">
        <h4 className="stock-result-title">{title}</h4>
        <button type="button" className="button button-secondary button-small" onClick={onBack}>
          {t('receive.back')}
        </button>
      </div>
      <ProductPicker scan={draft.scan} label={t('receive.pickLabel')} />
      <ReceivingTable
        lines={draft.lines}
        dueLabel={props.dueLabel}
        errors={submitter.errors.lines}
        onReceiving={draft.setNow}
        onHistory={onHistory}
      />
      {props.hasNote && (
        <label className="field">
          <span className="field-label">{t('receive.note')}</span>
          <input
            className="field-input"
            maxLength={500}
            value={note}
            onChange={(event) => {
              submitter.invalidate()
              setNote(event.target.value)
            }}
          />
        </label>
      )}
      {submitter.errors.form && <ErrorAlert message={submitter.errors.form} />}
      <div className="stock-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={submitter.isBusy || draft.inputs.length === 0}
          aria-busy={submitter.isBusy}
          onClick={() => void receive()}
        >
          {submitter.isBusy && <span className="spinner" aria-hidden="true" />}
          {t('receive.submit')}
        </button>
      </div>
    </div>
  )
}
