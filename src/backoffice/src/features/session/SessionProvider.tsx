import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { SessionReply, SignInBody } from '../../../../shared/backoffice/api'
import { BackofficeApi } from '../../api/backoffice'
import type { HttpClientOptions } from '../../api/client'
import { SessionContext, type SessionValue, type SignedOutReason } from './sessionContext'

interface SessionProviderProps {
  /** Where and how to call the server; the browser's same-origin fetch by default. */
  http?: Pick<HttpClientOptions, 'fetch' | 'baseUrl'>
  children: ReactNode
}

/** A session the server no longer knows: back to sign in, saying why. */
function endSession(current: State): State {
  return current.session
    ? { session: null, isChecked: true, signedOutReason: 'sessionEnded' }
    : current
}

interface State {
  session: SessionReply | null
  isChecked: boolean
  signedOutReason: SignedOutReason
}

/**
 * Holds who is signed in. Any 401 on an ordinary call ends the session on this page too: the
 * server ended it (idle expiry, a disabled account, a sign-out elsewhere). After the idle time
 * without a call, the page asks the server once, so an idle screen shows the sign-in page with
 * the reason instead of waiting for the next click to fail.
 */
export function SessionProvider({ http, children }: SessionProviderProps) {
  const [state, setState] = useState<State>({
    session: null,
    isChecked: false,
    signedOutReason: null,
  })
  const [activity, setActivity] = useState(0)
  // The server address does not change while the page is open: one client for its lifetime.
  const [api] = useState(
    () =>
      new BackofficeApi({
        ...http,
        onSessionEnded: () => setState(endSession),
        onActivity: () => setActivity((count) => count + 1),
      }),
  )

  useEffect(() => {
    let isCurrent = true
    api
      .currentSession()
      .then((session) => {
        if (isCurrent) setState({ session, isChecked: true, signedOutReason: null })
      })
      .catch(() => {
        if (isCurrent) setState({ session: null, isChecked: true, signedOutReason: null })
      })
    return () => {
      isCurrent = false
    }
  }, [api])

  const idleMinutes = state.session?.idleMinutes
  useEffect(() => {
    if (!idleMinutes) return
    // A little past the server's limit, so the check does not itself keep the session alive.
    const timer = setTimeout(
      () => {
        void api.currentSession().then((session) => {
          if (!session) setState(endSession)
        })
      },
      idleMinutes * 60_000 + 5_000,
    )
    return () => clearTimeout(timer)
  }, [api, idleMinutes, activity])

  const signIn = useCallback(
    async (body: SignInBody) => {
      const session = await api.signIn(body)
      setState({ session, isChecked: true, signedOutReason: null })
    },
    [api],
  )

  const signOut = useCallback(async () => {
    try {
      await api.signOut()
    } finally {
      setState({ session: null, isChecked: true, signedOutReason: 'signedOut' })
    }
  }, [api])

  const finishSetup = useCallback((session: SessionReply | null) => {
    setState({ session, isChecked: true, signedOutReason: session ? null : 'setupDone' })
  }, [])

  const value = useMemo<SessionValue>(
    () => ({ api, ...state, signIn, signOut, finishSetup }),
    [api, state, signIn, signOut, finishSetup],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}
