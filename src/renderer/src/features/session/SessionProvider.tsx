import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { i18n } from '../../i18n'
import { useSubscribedLoad } from '../../hooks/useSubscribedLoad'
import { pos } from '../../pos'
import type { Session } from '../../types'
import { SessionContext, type LockTask, type SessionState } from './useSession'

/** A lock task that hangs must not keep main signed in behind the lock screen. */
const lockTaskLimitMs = 5_000

/**
 * Reads session:get once and then follows session:changed. Main decides who is signed in; the
 * renderer only mirrors it, except that a lock shows at once even if the sign-out call fails.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  // Locked here until someone signs in again, whatever main says: a lock must never fail open.
  const [isLockedLocally, setIsLockedLocally] = useState(false)
  const source = useSubscribedLoad(
    () => pos.invoke('session:get'),
    'session:changed',
    (next) => {
      if (next.employee === null) setIsLockedLocally(false)
    },
  )
  // One set for the provider's life; tasks come and go with the components that registered them.
  const [lockTasks] = useState(() => new Set<LockTask>())
  const { data: session, update: apply } = source

  const refresh = useCallback(async () => {
    apply(await pos.invoke('session:get'))
  }, [apply])

  const update = useCallback(
    (next: Session) => {
      // Only a sign-in lifts a local lock; any other update keeps the register locked.
      setIsLockedLocally((isLocked) => isLocked && next.employee === null)
      apply(next)
    },
    [apply],
  )

  const lock = useCallback(async () => {
    setIsLockedLocally(true)
    // Who main has signed in (the screen may already show the lock), for the lock tasks.
    const employee = session?.employee
    if (employee) {
      const tasks = [...lockTasks].map((task) => task(employee))
      await Promise.race([
        Promise.allSettled(tasks),
        new Promise((resolve) => window.setTimeout(resolve, lockTaskLimitMs)),
      ])
    }
    try {
      apply(await pos.invoke('session:signOut'))
    } catch (failure) {
      // The lock screen is already up; a later sign-in replaces whoever main still holds.
      console.error('Signing out failed; the register stays locked', failure)
    }
  }, [apply, session, lockTasks])

  const beforeLock = useCallback(
    (task: LockTask) => {
      lockTasks.add(task)
      return () => {
        lockTasks.delete(task)
      }
    },
    [lockTasks],
  )

  const value = useMemo<SessionState | null>(() => {
    if (!session) return null
    const shown = isLockedLocally ? { ...session, employee: null } : session
    return { session: shown, refresh, update, lock, beforeLock }
  }, [session, isLockedLocally, refresh, update, lock, beforeLock])

  if (source.error && !source.isLoading && !value)
    return (
      <main className="startup">
        <h1 className="startup-title">{i18n.t('common:appName')}</h1>
        <ErrorAlert
          message={i18n.t('session:checkFailed', { error: source.error })}
          onRetry={source.reload}
        />
      </main>
    )
  if (!value)
    return (
      <main className="startup">
        <h1 className="startup-title">{i18n.t('common:appName')}</h1>
        <div className="spinner spinner-large" aria-hidden="true" />
        <p role="status">{i18n.t('session:starting')}</p>
      </main>
    )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}
