import { createContext, useContext } from 'react'
import { i18n } from '../../i18n'
import type { Role, Session } from '../../types'

export interface SessionState {
  /** Who is at the register and its shift; `employee` is null while the register is locked. */
  session: Session
  /** Reads the session from main again (after a shift opens or closes, say). */
  refresh: () => Promise<void>
  /** Applies a session a call returned (sign-in) without waiting for the event. */
  update: (session: Session) => void
  /** Signs out now (Lock button, idle lock); the cart stays in the renderer. */
  lock: () => Promise<void>
}

export const SessionContext = createContext<SessionState | null>(null)

/** The register's session as the whole app sees it: one subscription, shared by every screen. */
export function useSession(): SessionState {
  const state = useContext(SessionContext)
  if (!state) throw new Error('useSession used outside SessionProvider')
  return state
}

/** Managers and admins run the store: catalog, audit log, approvals. */
export function isManagerRole(role: Role | undefined): boolean {
  return role === 'manager' || role === 'admin'
}

export function roleLabel(role: Role): string {
  return i18n.t(`session:roles.${role}`)
}
