import { useState } from 'react'
import { AdjustmentReason } from '../../../../shared/sync/inventoryEntities'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import { useProtected } from '../approval/useProtected'
import { MovementResultView } from './MovementResultView'
import { ProductPicker } from './ProductPicker'
import {
  addToLine,
  lineInputs,
  removeQuantityLine,
  setLineQuantity,
  type QuantityLine,
} from './quantityLines'
import { QuantityLinesTable } from './QuantityLinesTable'
import type { StockItem } from './stockItem'
import { namesOf, type AppliedMovement } from './useCountSession'
import { useStockScan } from './useStockScan'
import { useSubmitOnce } from './useSubmitOnce'

type Reason = AdjustmentReason

interface AdjustSectionProps {
  isActive: boolean
  onHistory: (item: StockItem) => void
}

/**
 * Stock in or out for a reason (damaged, stolen, corrected, used in the store): each scan takes
 * one more off; the change is typed with its sign. A manager approves where the store asks it.
 */
export function AdjustSection({ isActive, onHistory }: AdjustSectionProps) {
  const { t } = useTranslation('stock')
  const protect = useProtected()
  const submitter = useSubmitOnce()
  const [lines, setLines] = useState<QuantityLine[]>([])
  const [reason, setReason] = useState<Reason>('DAMAGE')
  const [note, setNote] = useState('')
  const [applied, setApplied] = useState<AppliedMovement | null>(null)

  function change(update: (current: QuantityLine[]) => QuantityLine[]) {
    submitter.invalidate()
    setLines(update)
  }

  const scan = useStockScan(isActive && !submitter.isBusy, (item, quantity) =>
    change((current) => addToLine(current, item, -quantity)),
  )
  const hasZero = lines.some((line) => line.quantity === 0)

  async function submit() {
    const inputs = lineInputs(lines)
    const result = await submitter.submit(inputs, ({ movementId }) =>
      protect(
        'stockAdjust',
        (approvalId) =>
          pos.invoke('stock:adjust', {
            movementId,
            reason,
            note: note.trim() === '' ? undefined : note.trim(),
            lines: inputs,
            approvalId,
          }),
        t('adjust.approvalReason', { reason: t(`reasons.${reason}`), lines: lines.length }),
      ),
    )
    if (result === null) return
    setApplied({ result, names: namesOf(lines.map((line) => line.item)) })
    setLines([])
    setNote('')
  }

  return (
    <div className="stock-section" data-testid="adjust-section">
      {applied && (
        <MovementResultView
          title={t('adjust.appliedTitle')}
          result={applied.result}
          names={applied.names}
          onDone={() => setApplied(null)}
        />
      )}
      <ProductPicker scan={scan} label={t('adjust.pickLabel')} />
      {lines.length === 0 ? (
        <p className="page-card-empty">{t('adjust.empty')}</p>
      ) : (
        <QuantityLinesTable
          testId="adjust-lines"
          lines={lines}
          quantityLabel={t('columns.change')}
          fieldLabel={(name) => t('adjust.changeFor', { name })}
          allowNegative
          errors={submitter.errors.lines}
          onQuantity={(key, quantity) =>
            change((current) => setLineQuantity(current, key, quantity))
          }
          onRemove={(key) => change((current) => removeQuantityLine(current, key))}
          onHistory={onHistory}
        />
      )}
      <p className="field-hint">{t('adjust.signHint')}</p>
      <div className="stock-form-row">
        <label className="field">
          <span className="field-label">{t('adjust.reason')}</span>
          <select
            className="field-input"
            value={reason}
            onChange={(event) => {
              submitter.invalidate()
              setReason(AdjustmentReason.parse(event.target.value))
            }}
          >
            {AdjustmentReason.options.map((option) => (
              <option key={option} value={option}>
                {t(`reasons.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field stock-note">
          <span className="field-label">{t('adjust.note')}</span>
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
      </div>
      {submitter.errors.form && <ErrorAlert message={submitter.errors.form} />}
      <div className="stock-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={submitter.isBusy || lines.length === 0 || hasZero}
          aria-busy={submitter.isBusy}
          onClick={() => void submit()}
        >
          {submitter.isBusy && <span className="spinner" aria-hidden="true" />}
          {t('adjust.submit')}
        </button>
      </div>
    </div>
  )
}
