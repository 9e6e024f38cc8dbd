import { useEffect, useRef, useState, type FormEvent } from 'react'
import { PosError } from '../../../../shared/ipc'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { Customer } from './saleTypes'

const debounceMs = 200

interface CustomerDialogProps {
  onAttach: (customer: Customer) => void
  onClose: () => void
}

interface SearchResult {
  query: string
  customers: Customer[]
  error: string | null
}

type NewCustomerField = 'name' | 'phone' | 'email'

/** Finds a customer (name, phone or email) or creates one on the spot; both work offline. */
export function CustomerDialog({ onAttach, onClose }: CustomerDialogProps) {
  const { t } = useTranslation('register')
  const searchRef = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const [result, setResult] = useState<SearchResult>({ query: '', customers: [], error: null })
  const [isCreating, setIsCreating] = useState(false)
  const [draft, setDraft] = useState<Record<NewCustomerField, string>>({
    name: '',
    phone: '',
    email: '',
  })
  const [isSaving, setIsSaving] = useState(false)
  const [createError, setCreateError] = useState<{ message: string; field?: string } | null>(null)
  const trimmed = query.trim()

  useEffect(() => {
    if (trimmed === '') return
    let isLatest = true
    const timer = window.setTimeout(() => {
      pos.invoke('customer:search', { query: trimmed, limit: 10 }).then(
        (customers) => {
          if (isLatest) setResult({ query: trimmed, customers, error: null })
        },
        (error: unknown) => {
          if (isLatest)
            setResult({
              query: trimmed,
              customers: [],
              error: t('customer.searchFailed', { error: errorMessage(error) }),
            })
        },
      )
    }, debounceMs)
    return () => {
      isLatest = false
      window.clearTimeout(timer)
    }
  }, [trimmed, t])

  const isCurrent = result.query === trimmed && trimmed !== ''

  async function create(event: FormEvent) {
    event.preventDefault()
    if (draft.name.trim() === '' || isSaving) return
    setIsSaving(true)
    setCreateError(null)
    try {
      const customer = await pos.invoke('customer:create', {
        name: draft.name.trim(),
        ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
        ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
      })
      onAttach(customer)
    } catch (failure) {
      setCreateError({
        message: errorMessage(failure),
        field: failure instanceof PosError ? failure.path : undefined,
      })
      setIsSaving(false)
    }
  }

  function field(name: NewCustomerField, label: string, type: string, isFirst = false) {
    const error = createError?.field === name ? createError.message : null
    return (
      <label className="field">
        <span className="field-label">{label}</span>
        <input
          className="field-input"
          type={type}
          autoComplete="off"
          // The new-customer form opens on demand, so its first field takes focus then.
          autoFocus={isFirst}
          value={draft[name]}
          readOnly={isSaving}
          aria-invalid={error !== null}
          onChange={(event) =>
            setDraft((previous) => ({ ...previous, [name]: event.target.value }))
          }
        />
        {error && <span className="field-hint field-hint-error">{error}</span>}
      </label>
    )
  }

  return (
    <Modal
      title={t('customer.title')}
      onClose={onClose}
      isCloseable={!isSaving}
      initialFocusRef={searchRef}
      className="customer-dialog"
    >
      <div className="dialog-form">
        <label className="field">
          <span className="field-label">{t('customer.search')}</span>
          <input
            ref={searchRef}
            className="field-input"
            type="search"
            autoComplete="off"
            placeholder={t('customer.searchPlaceholder')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              // Enter takes the first match, as the product search does.
              const first = isCurrent ? result.customers[0] : undefined
              if (event.key === 'Enter' && first) {
                event.preventDefault()
                onAttach(first)
              }
            }}
          />
        </label>
        {isCurrent && result.error && <ErrorAlert message={result.error} />}
        {isCurrent && !result.error && result.customers.length === 0 && (
          <p className="dialog-muted">{t('customer.noMatch', { query: trimmed })}</p>
        )}
        {trimmed !== '' && result.customers.length > 0 && (
          <ul className="customer-results" aria-label={t('customer.found')}>
            {result.customers.map((customer) => (
              <li key={customer.id}>
                <button
                  type="button"
                  className="customer-result"
                  onClick={() => onAttach(customer)}
                >
                  <span className="customer-result-name">{customer.name}</span>
                  <span className="customer-result-contact">
                    {[customer.phone, customer.email].filter(Boolean).join(' · ')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}

        {!isCreating ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setIsCreating(true)
              setDraft((previous) => ({ ...previous, name: previous.name || trimmed }))
            }}
          >
            {t('customer.new')}
          </button>
        ) : (
          <form
            className="customer-new"
            aria-label={t('customer.new')}
            onSubmit={(event) => void create(event)}
            noValidate
          >
            {field('name', t('customer.name'), 'text', true)}
            {field('phone', t('customer.phone'), 'tel')}
            {field('email', t('customer.email'), 'email')}
            {createError && !createError.field && <ErrorAlert message={createError.message} />}
            <button
              type="submit"
              className="button button-primary"
              disabled={draft.name.trim() === '' || isSaving}
              aria-busy={isSaving}
            >
              {isSaving && <span className="spinner" aria-hidden="true" />}
              {t('customer.createAndAttach')}
            </button>
          </form>
        )}
      </div>
    </Modal>
  )
}
