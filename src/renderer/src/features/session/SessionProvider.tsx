import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { i18n } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { Session } from '../../types'
import { SessionContext, type LockTask, type SessionState } from './useSession'

/** A lock task that hangs must not keep main signed in behind the lock screen. */
const lockTaskLimitMs = 5_000

type Load = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready' }

/**
 * Reads session:get once and then follows session:changed. Main decides who is signed in; the
 * renderer only mirrors it, except that a lock shows at once even if the sign-out call fails.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null)
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  // Locked here until someone signs in again, whatever main says: a lock must never fail open.
  const [isLockedLocally, setIsLockedLocally] = useState(false)
  // A pushed session is newer than a read that started before it, so that read is dropped.
  const pushedCount = useRef(0)
  // One set for the provider's life; tasks come and go with the components that registered them.
  const [lockTasks] = useState(() => new Set<LockTask>())

  const apply = useCallback((next: Session) => {
    setSession(next)
    setLoad({ status: 'ready' })
    if (next.employee === null) setIsLockedLocally(false)
  }, [])

  useEffect(
    () =>
      pos.on('session:changed', (next) => {
        pushedCount.current += 1
        apply(next)
      }),
    [apply],
  )

  useEffect(() => {
    let isCurrent = true
    const pushedBefore = pushedCount.current
    pos.invoke('session:get').then(
      (next) => {
        if (isCurrent && pushedCount.current === pushedBefore) apply(next)
      },
      (failure: unknown) => {
        if (isCurrent)
          setLoad({
            status: 'failed',
            message: i18n.t('session:checkFailed', { error: errorMessage(failure) }),
          })
      },
    )
    return () => {
      isCurrent = false
    }
  }, [attempt, apply])

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

  if (load.status === 'failed' && !value)
    return (
      <main className="startup">
        <h1 className="startup-title">{i18n.t('common:appName')}</h1>
        <ErrorAlert
          message={load.message}
          onRetry={() => {
            setLoad({ status: 'loading' })
            setAttempt((count) => count + 1)
          }}
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
