import { useId, useState } from 'react'
import { useLoad } from '../../hooks/useLoad'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import {
  activeFilterCount,
  noFilter,
  type OrderFilterDraft,
  type PaymentMethodFilter,
} from './orderFilter'

interface OrderFiltersProps {
  filter: OrderFilterDraft
  onChange: (filter: OrderFilterDraft) => void
}

const paymentMethods: PaymentMethodFilter[] = ['cash', 'card', 'other']

function isPaymentMethod(value: string): value is PaymentMethodFilter {
  return value === '' || paymentMethods.some((method) => method === value)
}

/**
 * Date range, cashier, payment method and customer, behind a Filters button so the list keeps
 * its room at 800x600; the button says how many filters are on.
 */
export function OrderFilters({ filter, onChange }: OrderFiltersProps) {
  const { t } = useTranslation('orders')
  const baseId = useId()
  const [isOpen, setIsOpen] = useState(false)
  const employees = useLoad(() => pos.invoke('employee:list'), [], { isEnabled: isOpen })
  const count = activeFilterCount(filter)
  const edit = (change: Partial<OrderFilterDraft>) => onChange({ ...filter, ...change })

  return (
    <div className="order-filters">
      <div className="order-filters-bar">
        <button
          type="button"
          className="button button-secondary button-small"
          aria-expanded={isOpen}
          aria-controls={`${baseId}-panel`}
          onClick={() => setIsOpen((open) => !open)}
        >
          {count > 0 ? t('filters.toggleActive', { count }) : t('filters.toggle')}
        </button>
        {count > 0 && (
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => onChange(noFilter)}
          >
            {t('filters.clear')}
          </button>
        )}
      </div>
      {isOpen && (
        <fieldset id={`${baseId}-panel`} className="order-filters-panel">
          <legend className="visually-hidden">{t('filters.legend')}</legend>
          <label className="field">
            <span className="field-label">{t('filters.from')}</span>
            <input
              className="field-input"
              type="date"
              value={filter.fromDate}
              max={filter.toDate || undefined}
              onChange={(event) => edit({ fromDate: event.target.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">{t('filters.to')}</span>
            <input
              className="field-input"
              type="date"
              value={filter.toDate}
              min={filter.fromDate || undefined}
              onChange={(event) => edit({ toDate: event.target.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">{t('filters.cashier')}</span>
            <select
              className="field-input"
              value={filter.employeeId}
              onChange={(event) => edit({ employeeId: event.target.value })}
            >
              <option value="">{t('filters.anyone')}</option>
              {(employees.data ?? []).map((employee) => (
                <option key={employee.id} value={employee.id}>
                  {employee.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('filters.payment')}</span>
            <select
              className="field-input"
              value={filter.paymentMethod}
              onChange={(event) => {
                const value = event.target.value
                if (isPaymentMethod(value)) edit({ paymentMethod: value })
              }}
            >
              <option value="">{t('filters.anyPayment')}</option>
              {paymentMethods.map((method) => (
                <option key={method} value={method}>
                  {t(`payment.${method}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field order-filters-wide">
            <span className="field-label">{t('filters.customer')}</span>
            <input
              className="field-input"
              type="search"
              autoComplete="off"
              maxLength={80}
              placeholder={t('filters.customerPlaceholder')}
              value={filter.customer}
              onChange={(event) => edit({ customer: event.target.value })}
            />
          </label>
        </fieldset>
      )}
    </div>
  )
}
