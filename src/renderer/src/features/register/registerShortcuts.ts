import { useEffect, type RefObject } from 'react'

/** True when a key belongs to what the cashier is typing, not to a register shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return (
    target instanceof HTMLInputElement &&
    !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type)
  )
}

interface ShortcutActions {
  searchRef: RefObject<HTMLInputElement | null>
  /** F4; called only when there is something to pay for. */
  onPay: (() => void) | null
  /** F8; called only when there is something to park. */
  onPark: (() => void) | null
}

/**
 * The register's keys while it is idle: F2 or / to search, F4 to pay, F8 to park. Search takes
 * focus on arrival and again whenever a dialog goes away.
 */
export function useRegisterShortcuts(
  isIdle: boolean,
  { searchRef, onPay, onPark }: ShortcutActions,
) {
  useEffect(() => {
    if (isIdle) searchRef.current?.focus()
  }, [isIdle, searchRef])

  useEffect(() => {
    if (!isIdle) return
    function shortcut(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return
      // Another screen's dialog (the lock screen, an approval) owns the keyboard.
      if (document.querySelector('dialog[open]')) return
      if (event.key === 'F2' || (event.key === '/' && !isTypingTarget(event.target))) {
        event.preventDefault()
        searchRef.current?.focus()
        searchRef.current?.select()
      } else if (event.key === 'F4') {
        event.preventDefault()
        onPay?.()
      } else if (event.key === 'F8') {
        event.preventDefault()
        onPark?.()
      }
    }
    window.addEventListener('keydown', shortcut)
    return () => window.removeEventListener('keydown', shortcut)
  }, [isIdle, searchRef, onPay, onPark])
}
