import { useId } from 'react'
import type { TenderKind } from '../../../../shared/store/options'
import { useTranslation } from '../../i18n'
import type { FieldErrors } from './configForm'
import { resolveTenderIds, type BarcodeRuleDraft, type TenderDraft } from './storeOptionsForm'

/** Message ids and aria props for one field, keyed by main's path for it. */
function useFieldErrors(errors: FieldErrors) {
  const baseId = useId()
  const errorId = (path: string) => `${baseId}-${path}`
  return {
    invalid: (path: string) => ({
      'aria-invalid': errors[path] !== undefined,
      'aria-describedby': errors[path] === undefined ? undefined : errorId(path),
    }),
    message: (path: string) =>
      errors[path] === undefined ? null : (
        <p id={errorId(path)} className="field-hint field-hint-error" data-testid={`error-${path}`}>
          {errors[path]}
        </p>
      ),
  }
}

const tenderKinds: TenderKind[] = ['cash', 'card', 'other']

interface TenderTableProps {
  tenders: TenderDraft[]
  errors: FieldErrors
  onChange: (tenders: TenderDraft[]) => void
  onAdd: () => void
  onRemove: (key: string) => void
}

/** The payment methods the register offers at the tender step, one editable row each. */
export function TenderTable({ tenders, errors, onChange, onAdd, onRemove }: TenderTableProps) {
  const { t } = useTranslation('settings')
  const titleId = useId()
  const fields = useFieldErrors(errors)
  const ids = resolveTenderIds(tenders)

  function set(index: number, change: Partial<TenderDraft>) {
    onChange(tenders.map((tender, at) => (at === index ? { ...tender, ...change } : tender)))
  }

  return (
    <section className="settings-subsection" aria-labelledby={titleId}>
      <div className="settings-subsection-header">
        <h4 id={titleId} className="settings-subsection-title">
          {t('storeOptions.tenders.title')}
        </h4>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={tenders.length >= 20}
          onClick={onAdd}
        >
          {t('storeOptions.tenders.add')}
        </button>
      </div>
      <p className="field-hint">{t('storeOptions.tenders.hint')}</p>
      {fields.message('options.tenderMethods')}
      <div className="store-table-scroll">
        <table className="store-table" aria-labelledby={titleId} data-testid="tender-methods">
          <thead>
            <tr>
              <th scope="col">{t('storeOptions.tenders.name')}</th>
              <th scope="col">{t('storeOptions.tenders.kind')}</th>
              <th scope="col">{t('storeOptions.tenders.needsReference')}</th>
              <th scope="col">{t('storeOptions.tenders.id')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('storeOptions.tenders.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tenders.map((tender, index) => {
              const number = index + 1
              const path = `options.tenderMethods.${index}`
              const name =
                tender.label.trim() || t('storeOptions.tenders.unnamed', { number: number })
              return (
                <tr key={tender.key} data-testid="tender-method">
                  <td>
                    <input
                      {...fields.invalid(`${path}.label`)}
                      className="field-input"
                      aria-label={t('storeOptions.tenders.nameFor', { number })}
                      value={tender.label}
                      maxLength={40}
                      onChange={(event) => set(index, { label: event.target.value })}
                    />
                    {fields.message(`${path}.label`)}
                  </td>
                  <td>
                    <select
                      className="field-input"
                      aria-label={t('storeOptions.tenders.kindFor', { number })}
                      value={tender.kind}
                      onChange={(event) =>
                        set(index, {
                          kind: tenderKinds.find((kind) => kind === event.target.value) ?? 'other',
                        })
                      }
                    >
                      {tenderKinds.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`storeOptions.tenders.kinds.${kind}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="store-table-check">
                    <input
                      type="checkbox"
                      aria-label={t('storeOptions.tenders.referenceFor', { number })}
                      checked={tender.requiresReference}
                      onChange={(event) => set(index, { requiresReference: event.target.checked })}
                    />
                  </td>
                  <td>
                    {/* Ids are what sales record; a new one comes from the name when saved. */}
                    <code className="store-tender-id" dir="ltr" data-testid="tender-id">
                      {tender.id === null
                        ? t('storeOptions.tenders.newId', { id: ids[index] })
                        : ids[index]}
                    </code>
                    {fields.message(`${path}.id`)}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-ghost button-small store-remove"
                      aria-label={t('storeOptions.tenders.removeFor', { name })}
                      disabled={tenders.length <= 1}
                      onClick={() => onRemove(tender.key)}
                    >
                      {t('storeOptions.tenders.remove')}
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}

interface BarcodeRuleRowsProps {
  rules: BarcodeRuleDraft[]
  errors: FieldErrors
  onChange: (rules: BarcodeRuleDraft[]) => void
  onAdd: () => void
  onRemove: (key: string) => void
}

/** In-store EAN-13 prefixes (20–29) whose labels carry a weight or a price. */
export function BarcodeRuleRows({
  rules,
  errors,
  onChange,
  onAdd,
  onRemove,
}: BarcodeRuleRowsProps) {
  const { t } = useTranslation('settings')
  const titleId = useId()
  const fields = useFieldErrors(errors)

  function set(index: number, change: Partial<BarcodeRuleDraft>) {
    onChange(rules.map((rule, at) => (at === index ? { ...rule, ...change } : rule)))
  }

  return (
    <section className="settings-subsection" aria-labelledby={titleId}>
      <div className="settings-subsection-header">
        <h4 id={titleId} className="settings-subsection-title">
          {t('storeOptions.barcodes.title')}
        </h4>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={rules.length >= 10}
          onClick={onAdd}
        >
          {t('storeOptions.barcodes.add')}
        </button>
      </div>
      <p className="field-hint">{t('storeOptions.barcodes.intro')}</p>
      {rules.length === 0 ? (
        <p className="page-card-empty">{t('storeOptions.barcodes.none')}</p>
      ) : (
        <ul className="store-rule-list">
          {rules.map((rule, index) => {
            const number = index + 1
            const path = `options.embeddedBarcodes.${index}.prefix`
            return (
              <li key={rule.key} className="store-rule" data-testid="barcode-rule">
                <div className="field">
                  <input
                    {...fields.invalid(path)}
                    className="field-input store-rule-prefix"
                    aria-label={t('storeOptions.barcodes.prefixFor', { number })}
                    value={rule.prefix}
                    inputMode="numeric"
                    maxLength={2}
                    dir="ltr"
                    onChange={(event) => set(index, { prefix: event.target.value })}
                  />
                </div>
                <select
                  className="field-input store-rule-kind"
                  aria-label={t('storeOptions.barcodes.kindFor', { number })}
                  value={rule.kind}
                  onChange={(event) =>
                    set(index, { kind: event.target.value === 'price' ? 'price' : 'weight' })
                  }
                >
                  <option value="weight">{t('storeOptions.barcodes.kinds.weight')}</option>
                  <option value="price">{t('storeOptions.barcodes.kinds.price')}</option>
                </select>
                <button
                  type="button"
                  className="button button-ghost button-small store-remove"
                  aria-label={t('storeOptions.barcodes.removeFor', {
                    prefix: rule.prefix.trim() || String(number),
                  })}
                  onClick={() => onRemove(rule.key)}
                >
                  {t('storeOptions.tenders.remove')}
                </button>
                {fields.message(path)}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
