import type { KeyboardEvent, RefObject } from 'react'
import { useTranslation } from '../../i18n'

interface SearchBoxProps {
  inputRef: RefObject<HTMLInputElement | null>
  value: string
  onChange: (value: string) => void
  /** Enter after typing (a scanner's Enter is taken by useScannerWedge first). */
  onSubmit: (query: string) => void
}

export function SearchBox({ inputRef, value, onChange, onSubmit }: SearchBoxProps) {
  const { t } = useTranslation('register')
  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return
    event.preventDefault()
    const query = event.currentTarget.value.trim()
    if (query !== '') onSubmit(query)
  }

  return (
    <div className="search-box">
      <svg className="search-box-icon" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
        <path d="M15.5 15.5 21 21" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
      </svg>
      <input
        ref={inputRef}
        type="search"
        className="search-box-input"
        aria-label={t('catalog.search')}
        placeholder={t('catalog.searchPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        // A scanner typing here is a scan: useScannerWedge takes the code back out.
        data-scan-target=""
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={handleKeyDown}
      />
      {value === '' ? (
        <kbd className="search-box-shortcut" aria-hidden="true">
          /
        </kbd>
      ) : (
        <button
          type="button"
          className="search-box-reset"
          aria-label={t('catalog.resetSearch')}
          onClick={() => {
            onChange('')
            inputRef.current?.focus()
          }}
        >
          ✕
        </button>
      )}
    </div>
  )
}
