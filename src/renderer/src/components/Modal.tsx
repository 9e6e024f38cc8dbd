import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import { useTranslation } from '../i18n'

interface ModalProps {
  title: string
  /** Called on Esc or the close button; not offered while `isCloseable` is false. */
  onClose: () => void
  isCloseable: boolean
  /** Receives focus when the dialog opens (otherwise the first focusable element does). */
  initialFocusRef?: RefObject<HTMLElement | null>
  className?: string
  children: ReactNode
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
 * A modal on the native <dialog>: showModal() makes the page behind it inert, and Tab is kept
 * cycling inside so focus cannot wander off to the browser chrome either.
 */
export function Modal({
  title,
  onClose,
  isCloseable,
  initialFocusRef,
  className,
  children,
}: ModalProps) {
  const { t } = useTranslation('common')
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    initialFocusRef?.current?.focus()
    return () => dialog.close()
  }, [initialFocusRef])

  function trapTab(event: KeyboardEvent<HTMLDialogElement>) {
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
      aria-labelledby={titleId}
      className={className ? `modal ${className}` : 'modal'}
      onKeyDown={trapTab}
      onCancel={(event) => {
        // Esc: React state decides whether the dialog goes, not the browser.
        event.preventDefault()
        if (isCloseable) onClose()
      }}
    >
      <header className="modal-header">
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <button
          type="button"
          className="button button-ghost modal-close"
          aria-label={t('actions.close')}
          onClick={onClose}
          disabled={!isCloseable}
        >
          ✕
        </button>
      </header>
      {children}
    </dialog>
  )
}
