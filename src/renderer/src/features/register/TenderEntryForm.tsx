import { useId, useMemo, type FormEvent, type RefObject } from 'react'
import { moneyText, type Cents, type TenderSummary } from '../../../../shared/domain'
import { useAppInfo, useMoney } from '../../appInfo'
import { i18n, useTranslation } from '../../i18n'
import { quickCashAmounts } from './cashAmounts'
import type { TenderMethod } from './saleTypes'
import { suggestedAmountCents } from './tenderModel'
import { tenderName } from '../../i18n/tenderName'

function referenceLabel(tender: TenderMethod): string {
  const base =
    tender.kind === 'card'
      ? i18n.t('register:tender.approvalCode')
      : i18n.t('register:tender.referenceNumber', { label: tenderName(tender.label, tender.kind) })
  return tender.requiresReference ? base : i18n.t('register:tender.optional', { label: base })
}

/** What the tender dialog made of the amount and reference typed so far. */
export interface TenderEntryState {
  entryCents: Cents | null
  isBlank: boolean
  isAmountInvalid: boolean
  isNonCashTooMuch: boolean
  isReferenceMissing: boolean
  canAddEntry: boolean
}

interface TenderEntryFormProps {
  tender: TenderMethod
  /** The payments taken so far, and what the sale would look like with this entry counted. */
  taken: TenderSummary
  summary: TenderSummary
  entry: TenderEntryState
  amountText: string
  referenceText: string
  isSubmitting: boolean
  amountRef: RefObject<HTMLInputElement | null>
  onAmountText: (text: string) => void
  onReferenceText: (text: string) => void
  onSubmit: (event: FormEvent) => void
}

/** One payment being taken: its amount (with quick cash amounts) and its reference. */
export function TenderEntryForm(props: TenderEntryFormProps) {
  const { currency } = useAppInfo()
  const money = useMoney()
  const { t } = useTranslation('register')
  const hintId = useId()
  const { tender, taken, summary, amountText, referenceText, isSubmitting, amountRef } = props
  const { onAmountText, onReferenceText, onSubmit } = props
  const { entryCents, isBlank, isAmountInvalid, isNonCashTooMuch, isReferenceMissing } = props.entry
  const { canAddEntry } = props.entry
  const quickAmounts = useMemo(
    () => quickCashAmounts(taken.cashToCompleteCents, currency),
    [taken.cashToCompleteCents, currency],
  )

  let hint = ''
  if (isAmountInvalid) hint = t('tender.badAmount')
  else if (isNonCashTooMuch) hint = t('tender.atMost', { amount: money(taken.remainingCents) })
  else if (tender.kind === 'cash' && !summary.isFullyPaid && !isBlank)
    hint = t('tender.moreNeeded', { amount: money(summary.cashToCompleteCents) })
  else if (!taken.isFullyPaid && isBlank)
    hint = t('tender.leaveBlank', { amount: money(suggestedAmountCents(tender, taken)) })

  let addLabel = t('tender.addPayment', { label: tenderName(tender.label, tender.kind) })
  if (tender.kind === 'card') addLabel = t('tender.cardApproved')

  return (
    <form
      className="tender-entry"
      aria-label={t('tender.entry', { label: tenderName(tender.label, tender.kind) })}
      onSubmit={onSubmit}
      noValidate
    >
      {tender.kind === 'card' && (
        <p className="tender-card-step" data-testid="card-step">
          <strong>{t('tender.cardTaken')}</strong>{' '}
          {t('tender.cardCharge', { amount: money(entryCents ?? taken.remainingCents) })}
        </p>
      )}
      <label className="field">
        <span className="field-label">
          {tender.kind === 'cash' ? t('tender.amountTendered') : t('tender.amount')}
        </span>
        <input
          ref={amountRef}
          className="field-input money-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          placeholder={moneyText(suggestedAmountCents(tender, taken), currency)}
          value={amountText}
          aria-invalid={isAmountInvalid || isNonCashTooMuch}
          aria-describedby={hintId}
          readOnly={isSubmitting}
          onChange={(event) => onAmountText(event.target.value)}
        />
      </label>
      <p
        id={hintId}
        className={
          isAmountInvalid || isNonCashTooMuch ? 'field-hint field-hint-error' : 'field-hint'
        }
      >
        {hint}
      </p>
      {tender.kind === 'cash' && (
        <div className="quick-amounts" role="group" aria-label={t('tender.quickAmounts')}>
          {quickAmounts.map((amountCents, index) => (
            <button
              key={amountCents}
              type="button"
              className="button button-secondary quick-amount"
              disabled={isSubmitting}
              onClick={() => {
                onAmountText(moneyText(amountCents, currency))
                amountRef.current?.focus()
              }}
            >
              {index === 0 ? t('tender.exact', { amount: money(amountCents) }) : money(amountCents)}
            </button>
          ))}
        </div>
      )}
      {tender.kind !== 'cash' && (
        <label className="field">
          <span className="field-label">{referenceLabel(tender)}</span>
          <input
            className="field-input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            value={referenceText}
            aria-invalid={isReferenceMissing && !isBlank}
            readOnly={isSubmitting}
            onChange={(event) => onReferenceText(event.target.value)}
          />
        </label>
      )}
      <button type="submit" className="button button-secondary" disabled={!canAddEntry}>
        {addLabel}
      </button>
    </form>
  )
}
