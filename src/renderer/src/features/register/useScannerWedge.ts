import { useEffect, useRef } from 'react'
import { createScanDetector } from './scanDetector'

export interface ScanEvent {
  code: string
  /** The field the scanner typed into, if any (its text now ends with the code). */
  field: HTMLInputElement | HTMLTextAreaElement | null
}

function editableField(target: EventTarget | null): HTMLInputElement | HTMLTextAreaElement | null {
  if (target instanceof HTMLTextAreaElement) return target
  if (
    target instanceof HTMLInputElement &&
    !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type)
  )
    return target
  return null
}

/**
 * Listens for a keyboard-wedge barcode scanner on the whole window while `isEnabled`: a burst of
 * fast keys ending in Enter is a scan wherever focus is (nowhere, a button, or a field marked
 * `data-scan-target`), and its Enter never reaches the page. Fields without that mark keep their
 * keys: a scan there is typing. A dialog on screen turns the scanner off.
 */
export function useScannerWedge(isEnabled: boolean, onScan: (scan: ScanEvent) => void): void {
  const onScanRef = useRef(onScan)
  useEffect(() => {
    onScanRef.current = onScan
  }, [onScan])

  useEffect(() => {
    if (!isEnabled) return
    const detector = createScanDetector()
    function listen(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return
      const field = editableField(event.target)
      const isScanTarget = field === null || field.dataset.scanTarget !== undefined
      if (!isScanTarget || document.querySelector('dialog[open]')) {
        detector.reset()
        return
      }
      if (event.key === 'Enter') {
        const burst = detector.enter(event.timeStamp)
        if (burst === null) return
        // A busy page can delay the scanner's first keys past the gap; when the field holds
        // nothing but digits ending in the burst, all of it was the scan.
        const held = field?.value.trim() ?? ''
        const code = /^[0-9]+$/.test(held) && held.endsWith(burst) ? held : burst
        event.preventDefault()
        event.stopPropagation()
        onScanRef.current({ code, field })
        return
      }
      if (event.key.length === 1) detector.key(event.key, event.timeStamp)
      else if (event.key !== 'Shift') detector.reset()
    }
    // Capture, so a scan's Enter is taken before the search box or a focused button acts on it.
    window.addEventListener('keydown', listen, true)
    return () => window.removeEventListener('keydown', listen, true)
  }, [isEnabled])
}
