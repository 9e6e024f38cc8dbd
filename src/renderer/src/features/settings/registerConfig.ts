import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import type { RegisterConfig } from '../../../../shared/store/registerConfig'
import { applyLanguage } from '../../i18n'
import { errorMessage, pos } from '../../pos'

export interface RegisterConfigState {
  /** Null until the first read (or push) arrives, or when the register could not say. */
  config: RegisterConfig | null
  /** Why the read failed; the register then runs as a plain till in English. */
  error: string | null
  /** Applies a config a call returned (Save) without waiting for the event. */
  update: (config: RegisterConfig) => void
  reload: () => void
}

export const RegisterConfigContext = createContext<RegisterConfigState | null>(null)

/** This register's mode, language, printers and subscriptions, shared by every screen. */
export function useRegisterConfig(): RegisterConfigState {
  const state = useContext(RegisterConfigContext)
  if (!state) throw new Error('useRegisterConfig used outside RegisterConfigContext')
  return state
}

export function isStationMode(config: RegisterConfig | null): boolean {
  return config !== null && config.mode !== 'register'
}

/**
 * Reads register:getConfig once (it is allowed before anyone signs in, so the lock screen speaks the
 * register's language) and follows register:configChanged; every config applies its language.
 */
export function useRegisterConfigSource(): RegisterConfigState {
  const [config, setConfig] = useState<RegisterConfig | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  // A pushed config is newer than a read that started before it, so that read is dropped.
  const pushedCount = useRef(0)

  const apply = useCallback((next: RegisterConfig) => {
    applyLanguage(next.language)
    setConfig(next)
    setError(null)
  }, [])

  useEffect(
    () =>
      pos.on('register:configChanged', (next) => {
        pushedCount.current += 1
        apply(next)
      }),
    [apply],
  )

  useEffect(() => {
    let isCurrent = true
    const pushedBefore = pushedCount.current
    pos.invoke('register:getConfig').then(
      (next) => {
        if (isCurrent && pushedCount.current === pushedBefore) apply(next)
      },
      (failure: unknown) => {
        if (isCurrent) setError(errorMessage(failure))
      },
    )
    return () => {
      isCurrent = false
    }
  }, [attempt, apply])

  const reload = useCallback(() => setAttempt((count) => count + 1), [])
  return useMemo(() => ({ config, error, update: apply, reload }), [config, error, apply, reload])
}
