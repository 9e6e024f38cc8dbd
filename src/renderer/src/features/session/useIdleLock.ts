import { useEffect, useRef } from 'react'

// Anything a person does at the counter; a scanner's keystrokes count too.
const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const

/**
 * Calls `onIdle` once after `seconds` without pointer or keyboard input, while `isActive`.
 * Input only stamps a time; one timer checks it, so a moving mouse does not churn timers.
 */
export function useIdleLock(seconds: number, isActive: boolean, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle)
  useEffect(() => {
    onIdleRef.current = onIdle
  }, [onIdle])

  useEffect(() => {
    if (!isActive || seconds <= 0) return
    const limitMs = seconds * 1000
    let lastInputAt = Date.now()
    let timer = 0
    function check() {
      const idleMs = Date.now() - lastInputAt
      if (idleMs >= limitMs) onIdleRef.current()
      else timer = window.setTimeout(check, limitMs - idleMs)
    }
    function markInput() {
      lastInputAt = Date.now()
    }
    for (const name of activityEvents)
      window.addEventListener(name, markInput, { capture: true, passive: true })
    timer = window.setTimeout(check, limitMs)
    return () => {
      window.clearTimeout(timer)
      for (const name of activityEvents)
        window.removeEventListener(name, markInput, { capture: true })
    }
  }, [seconds, isActive])
}
