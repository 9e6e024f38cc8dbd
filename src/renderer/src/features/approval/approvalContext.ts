import { createContext } from 'react'
import type { ProtectedAction } from '../../../../shared/store/options'

/** Asks a manager to approve `action`; resolves to the approval's id, or null if cancelled. */
export type RequestApproval = (action: ProtectedAction, reason: string) => Promise<string | null>

export const ApprovalContext = createContext<RequestApproval | null>(null)
