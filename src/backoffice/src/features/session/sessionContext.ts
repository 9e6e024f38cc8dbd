import { createContext, useContext } from 'react'
import type { SessionReply, SignInBody } from '../../../../shared/backoffice/api'
import type { BackofficeApi } from '../../api/backoffice'

/** Why the sign-in page is showing, in words for the user. */
export type SignedOutReason = 'sessionEnded' | 'signedOut' | 'setupDone' | null

export interface SessionValue {
  api: BackofficeApi
  session: SessionReply | null
  /** False until the first check of an existing session has answered. */
  isChecked: boolean
  signedOutReason: SignedOutReason
  signIn(body: SignInBody): Promise<void>
  signOut(): Promise<void>
  /** After first-run setup: signed in when the server says so, else sent to sign in. */
  finishSetup(session: SessionReply | null): void
}

export const SessionContext = createContext<SessionValue | null>(null)

export function useSession(): SessionValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession outside <SessionProvider>')
  return value
}

/** The signed-in session; only for screens behind the sign-in guard. */
export function useSignedIn(): SessionValue & { session: SessionReply } {
  const value = useSession()
  if (!value.session) throw new Error('useSignedIn on a signed-out page')
  return value as SessionValue & { session: SessionReply }
}
