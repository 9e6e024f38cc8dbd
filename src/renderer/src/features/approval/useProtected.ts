import { useCallback, useContext } from 'react'
import { PosError } from '../../../../shared/ipc'
import type { ProtectedAction } from '../../../../shared/store/options'
import { ApprovalContext } from './approvalContext'

/**
 * Runs a protected call: first as the signed-in employee; if main answers APPROVAL_REQUIRED, a
 * manager's PIN is asked for (ApprovalProvider) and the call runs again with that approval.
 * Resolves to the result, or null when the approval was cancelled; other errors are thrown.
 */
export function useProtected(): <T>(
  action: ProtectedAction,
  run: (approvalId?: string) => Promise<T>,
) => Promise<T | null> {
  const requestApproval = useContext(ApprovalContext)
  return useCallback(
    async <T>(action: ProtectedAction, run: (approvalId?: string) => Promise<T>) => {
      try {
        return await run(undefined)
      } catch (error) {
        // Without a provider there is no one to ask: the refusal stands and is shown as an error.
        if (!(error instanceof PosError) || error.code !== 'APPROVAL_REQUIRED' || !requestApproval)
          throw error
        const approvalId = await requestApproval(action, error.message)
        if (approvalId === null) return null
        return await run(approvalId)
      }
    },
    [requestApproval],
  )
}
