import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from '../i18n'

interface DialogProps {
  title: string
  onClose: () => void
  children: ReactNode
  /** Screens that show a dialog for a confirmation use `alertdialog`. */
  role?: 'dialog' | 'alertdialog'
}

const focusableSelector = [
  'button:not([disabled])',
  'input:not([disabled])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'a[href]',
  '[tabindex]:not([tabindex="-1"])',
].join(',')

/**
 * A modal on the native <dialog>, as on the register: showModal() makes the page behind it inert,
 * Tab cycles inside, Escape closes, and focus returns to what opened it.
 */
export function Dialog({ title, onClose, children, role = 'dialog' }: DialogProps) {
  const { t } = useTranslation('common')
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal?.()
    const first = [...dialog.querySelectorAll<HTMLElement>(focusableSelector)].find(
      (element) => !element.classList.contains('dialog-close'),
    )
    ;(first ?? dialog).focus()
    return () => {
      if (dialog.open) dialog.close?.()
      opener?.focus()
    }
  }, [])

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onClose()
      return
    }
    if (event.key !== 'Tab' || !dialogRef.current) return
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>(focusableSelector)]
    const first = focusable[0]
    const last = focusable[focusable.length - 1]
    if (!first || !last) return
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <dialog
      ref={dialogRef}
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      className="modal bo-dialog"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // Escape: React state decides whether the dialog goes, not the browser.
        event.preventDefault()
        onClose()
      }}
    >
      <header className="modal-header">
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <button
          type="button"
          className="button button-ghost modal-close dialog-close"
          aria-label={t('actions.close')}
          onClick={onClose}
        >
          ✕
        </button>
      </header>
      <div className="bo-dialog-body">{children}</div>
    </dialog>
  )
}
