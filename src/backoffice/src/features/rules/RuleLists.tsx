import type { TenderKind } from '../../../../shared/store/options'
import { useTranslation } from '../../i18n'
import type { AmountDraft, BarcodeDraft, TenderDraft } from './rulesForm'
import { newKey } from './rulesForm'

/** The error under one control, tied to it by aria-describedby. */
function RowError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="field-hint field-hint-error">
      {message}
    </p>
  ) : null
}

const described = (id: string, message: string | undefined) =>
  message ? { 'aria-invalid': true as const, 'aria-describedby': id } : {}

interface ListProps<T> {
  rows: T[]
  onChange: (rows: T[]) => void
  errors: Record<string, string>
}

const TENDER_KINDS: TenderKind[] = ['cash', 'card', 'other']

/** Ways to pay: name, code, kind, whether a reference is typed; add and remove. */
export function TenderList({ rows, onChange, errors }: ListProps<TenderDraft>) {
  const { t } = useTranslation('rules')
  const update = (index: number, patch: Partial<TenderDraft>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)))
  return (
    <fieldset className="bo-fieldset" data-testid="tenders">
      <legend>{t('tenders.title')}</legend>
      <p className="field-hint">{t('tenders.idHint')}</p>
      {rows.map((row, index) => {
        const number = index + 1
        const path = `tenderMethods.${index}`
        const labelError = errors[`${path}.label`]
        const idError = errors[`${path}.id`]
        return (
          <div key={row.key} className="bo-rule-row" data-testid="tender-row">
            <div className="field">
              <input
                className="field-input"
                name={`${path}.label`}
                aria-label={t('tenders.labelFor', { number })}
                placeholder={t('tenders.label')}
                value={row.label}
                dir="auto"
                {...described(`${path}.label-error`, labelError)}
                onChange={(event) => update(index, { label: event.target.value })}
              />
              <RowError id={`${path}.label-error`} message={labelError} />
            </div>
            <div className="field">
              <input
                className="field-input"
                name={`${path}.id`}
                aria-label={t('tenders.idFor', { number })}
                placeholder={t('tenders.id')}
                value={row.id}
                dir="ltr"
                {...described(`${path}.id-error`, idError)}
                onChange={(event) => update(index, { id: event.target.value })}
              />
              <RowError id={`${path}.id-error`} message={idError} />
            </div>
            <select
              className="field-input"
              name={`${path}.kind`}
              aria-label={t('tenders.kindFor', { number })}
              value={row.kind}
              onChange={(event) => update(index, { kind: event.target.value as TenderKind })}
            >
              {TENDER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`tenders.kinds.${kind}`)}
                </option>
              ))}
            </select>
            <label className="bo-checkbox">
              <input
                type="checkbox"
                aria-label={t('tenders.referenceFor', { number })}
                checked={row.requiresReference}
                onChange={(event) => update(index, { requiresReference: event.target.checked })}
              />
              {t('tenders.reference')}
            </label>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('tenders.removeFor', { number })}
              onClick={() => onChange(rows.filter((_, at) => at !== index))}
            >
              {t('tenders.remove')}
            </button>
          </div>
        )
      })}
      <RowError id="tenderMethods-error" message={errors.tenderMethods} />
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() =>
          onChange([
            ...rows,
            { key: newKey(), id: '', label: '', kind: 'other', requiresReference: false },
          ])
        }
      >
        {t('tenders.add')}
      </button>
    </fieldset>
  )
}

/** In-store label prefixes 20–29 and whether they carry a weight or a price. */
export function BarcodeList({ rows, onChange, errors }: ListProps<BarcodeDraft>) {
  const { t } = useTranslation('rules')
  const update = (index: number, patch: Partial<BarcodeDraft>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)))
  return (
    <fieldset className="bo-fieldset" data-testid="barcodes">
      <legend>{t('barcodes.title')}</legend>
      <p className="field-hint">{t('barcodes.hint')}</p>
      {rows.length === 0 ? <p className="page-card-empty">{t('barcodes.none')}</p> : null}
      {rows.map((row, index) => {
        const number = index + 1
        const path = `embeddedBarcodes.${index}`
        const error = errors[`${path}.prefix`]
        return (
          <div key={row.key} className="bo-rule-row">
            <div className="field">
              <input
                className="field-input"
                name={`${path}.prefix`}
                inputMode="numeric"
                aria-label={t('barcodes.prefixFor', { number })}
                value={row.prefix}
                dir="ltr"
                {...described(`${path}.prefix-error`, error)}
                onChange={(event) => update(index, { prefix: event.target.value })}
              />
              <RowError id={`${path}.prefix-error`} message={error} />
            </div>
            <select
              className="field-input"
              aria-label={t('barcodes.kindFor', { number })}
              value={row.kind}
              onChange={(event) =>
                update(index, { kind: event.target.value as BarcodeDraft['kind'] })
              }
            >
              <option value="weight">{t('barcodes.kinds.weight')}</option>
              <option value="price">{t('barcodes.kinds.price')}</option>
            </select>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('barcodes.removeFor', { number })}
              onClick={() => onChange(rows.filter((_, at) => at !== index))}
            >
              {t('tenders.remove')}
            </button>
          </div>
        )
      })}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => onChange([...rows, { key: newKey(), prefix: '', kind: 'price' }])}
      >
        {t('barcodes.add')}
      </button>
    </fieldset>
  )
}

/** Bills and coins counted at shift close, typed in the store's currency. */
export function DenominationList({
  rows,
  onChange,
  errors,
  currency,
}: ListProps<AmountDraft> & { currency: string }) {
  const { t } = useTranslation('rules')
  return (
    <fieldset className="bo-fieldset" data-testid="denominations">
      <legend>{t('denominations.title')}</legend>
      <p className="field-hint">{t('denominations.hint', { currency })}</p>
      {rows.map((row, index) => {
        const number = index + 1
        const path = `denominationsCents.${index}`
        const error = errors[path]
        return (
          <div key={row.key} className="bo-rule-row">
            <div className="field">
              <input
                className="field-input numeric"
                name={path}
                inputMode="decimal"
                aria-label={t('denominations.amountFor', { number })}
                value={row.text}
                dir="ltr"
                {...described(`${path}-error`, error)}
                onChange={(event) =>
                  onChange(
                    rows.map((other, at) =>
                      at === index ? { ...other, text: event.target.value } : other,
                    ),
                  )
                }
              />
              <RowError id={`${path}-error`} message={error} />
            </div>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('denominations.removeFor', { number })}
              onClick={() => onChange(rows.filter((_, at) => at !== index))}
            >
              {t('tenders.remove')}
            </button>
          </div>
        )
      })}
      <RowError id="denominationsCents-error" message={errors.denominationsCents} />
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => onChange([...rows, { key: newKey(), text: '' }])}
      >
        {t('denominations.add')}
      </button>
    </fieldset>
  )
}
