import { createContext, useContext, useMemo } from 'react'
import type { RegisterConfig } from '../../../../shared/store/registerConfig'
import { applyLanguage } from '../../i18n'
import { useSubscribedLoad } from '../../hooks/useSubscribedLoad'
import { pos } from '../../pos'

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
  const source = useSubscribedLoad(
    () => pos.invoke('register:getConfig'),
    'register:configChanged',
    (next) => applyLanguage(next.language),
  )
  const { data: config, error, update, reload } = source
  return useMemo(() => ({ config, error, update, reload }), [config, error, update, reload])
}
