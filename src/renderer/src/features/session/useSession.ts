import { createContext, useContext } from 'react'
import { i18n } from '../../i18n'
import type { Employee, Role, Session } from '../../types'

/** Work to finish for the employee being locked out, while main still has them signed in. */
export type LockTask = (employee: Employee) => Promise<void>

export interface SessionState {
  /** Who is at the register and its shift; `employee` is null while the register is locked. */
  session: Session
  /** Reads the session from main again (after a shift opens or closes, say). */
  refresh: () => Promise<void>
  /** Applies a session a call returned (sign-in) without waiting for the event. */
  update: (session: Session) => void
  /** Signs out now (Lock button, idle lock), after the registered lock tasks. */
  lock: () => Promise<void>
  /** Runs `task` on every lock before main signs the employee out; returns the unsubscribe. */
  beforeLock: (task: LockTask) => () => void
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
