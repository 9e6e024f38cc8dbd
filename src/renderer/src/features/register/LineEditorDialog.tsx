import '../../styles/lineEditor.css'
import { useId, useRef, useState, type FormEvent } from 'react'
import { asciiDigits, type LineTotals } from '../../../../shared/domain'
import { useAppInfo, useMoney } from '../../appInfo'
import { Modal } from '../../components/Modal'
import { ModalActions } from '../../components/ModalActions'
import { useTranslation } from '../../i18n'
import { discountText, lineDetails, shownLineCents } from './CartLineRow'
import { lineDisplayName, maxQuantity, unitPriceCents, type CartLine } from './cartModel'
import { hasOptions } from './optionChoices'

/** What the editor changes directly; discount and options have their own dialogs. */
export interface LineEdit {
  quantity: number
  note: string
}

interface LineEditorDialogProps {
  line: CartLine
  totals: LineTotals | undefined
  onSave: (edit: LineEdit) => void
  /** Saves the typed quantity and note first, then opens the line's discount dialog. */
  onDiscount: (edit: LineEdit) => void
  onOptions: (edit: LineEdit) => void
  onRemove: () => void
  onClose: () => void
}

function parseQuantity(text: string): number | null {
  const trimmed = asciiDigits(text).trim()
  if (!/^\d{1,4}$/.test(trimmed)) return null
  const quantity = Number(trimmed)
  return quantity >= 1 && quantity <= maxQuantity ? quantity : null
}

/**
 * A tapped cart line: its quantity (− / typed / +), discount, note and options, or taking it off.
 * Enter saves; Esc leaves the line as it was.
 */
export function LineEditorDialog(props: LineEditorDialogProps) {
  const { line, totals } = props
  const { t } = useTranslation('cart')
  const money = useMoney()
  const { pricingRules } = useAppInfo()
  const quantityRef = useRef<HTMLInputElement>(null)
  const hintId = useId()
  const [quantityText, setQuantityText] = useState(String(line.quantity))
  const [note, setNote] = useState(line.note)
  const quantity = parseQuantity(quantityText)
  const details = lineDetails(line, money)
  const lineCents = shownLineCents(totals, pricingRules.pricesIncludeTax)
  const edit = (): LineEdit => ({ quantity: quantity ?? line.quantity, note })

  function step(delta: number) {
    const next = Math.min(maxQuantity, Math.max(1, (quantity ?? line.quantity) + delta))
    setQuantityText(String(next))
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    if (quantity !== null) props.onSave({ quantity, note })
  }

  return (
    <Modal
      title={lineDisplayName(line)}
      onClose={props.onClose}
      isCloseable
      initialFocusRef={quantityRef}
      className="line-editor"
    >
      <form className="dialog-form line-editor-form" onSubmit={submit} noValidate>
        <p className="line-editor-summary">
          {details && <span className="line-editor-details">{details}</span>}
          <span>
            {t('editor.unitPrice')} {money(unitPriceCents(line))}
            {lineCents !== undefined && (
              <>
                {' · '}
                {t('editor.lineTotal')}{' '}
                <strong data-testid="line-editor-total">{money(lineCents)}</strong>
              </>
            )}
          </span>
        </p>

        <div className="field">
          <label className="field-label" htmlFor={`${hintId}-quantity`}>
            {t('editor.quantity')}
          </label>
          <div className="line-editor-stepper">
            <button
              type="button"
              className="icon-button"
              aria-label={t('editor.decrease')}
              disabled={(quantity ?? line.quantity) <= 1}
              onClick={() => step(-1)}
            >
              −
            </button>
            <input
              ref={quantityRef}
              id={`${hintId}-quantity`}
              className="field-input line-editor-quantity"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              value={quantityText}
              aria-invalid={quantity === null}
              aria-describedby={quantity === null ? hintId : undefined}
              onFocus={(event) => event.currentTarget.select()}
              onChange={(event) => setQuantityText(event.target.value)}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={t('editor.increase')}
              disabled={(quantity ?? line.quantity) >= maxQuantity}
              onClick={() => step(1)}
            >
              +
            </button>
          </div>
          {quantity === null && (
            <p id={hintId} className="field-hint field-hint-error">
              {t('editor.badQuantity')}
            </p>
          )}
        </div>

        <div className="line-editor-row">
          <span className="field-label">{t('editor.discount')}</span>
          <span className="line-editor-value" data-testid="line-editor-discount">
            {line.discount ? discountText(line.discount, money) : t('editor.noDiscount')}
          </span>
          <button
            type="button"
            className="button button-secondary"
            disabled={quantity === null}
            onClick={() => props.onDiscount(edit())}
          >
            {line.discount ? t('editor.changeDiscount') : t('editor.addDiscount')}
          </button>
        </div>

        <label className="field">
          <span className="field-label">{t('editor.note')}</span>
          <input
            className="field-input"
            type="text"
            autoComplete="off"
            maxLength={200}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>

        <ModalActions
          className="modal-actions line-editor-actions"
          submitLabel={t('editor.done')}
          onCancel={props.onClose}
          isSubmitDisabled={quantity === null}
        >
          <div className="line-editor-tools">
            <button type="button" className="button button-danger-ghost" onClick={props.onRemove}>
              {t('editor.remove')}
            </button>
            {hasOptions(line.product) && (
              <button
                type="button"
                className="button button-secondary"
                disabled={quantity === null}
                onClick={() => props.onOptions(edit())}
              >
                {t('editor.options')}
              </button>
            )}
          </div>
        </ModalActions>
      </form>
    </Modal>
  )
}
