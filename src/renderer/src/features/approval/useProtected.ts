import { useCallback, useContext } from 'react'
import { PosError } from '../../../../shared/ipc'
import type { ProtectedAction } from '../../../../shared/store/options'
import { i18n } from '../../i18n'
import { ApprovalContext } from './approvalContext'

/**
 * Runs a protected call: first as the signed-in employee; if main answers APPROVAL_REQUIRED, a
 * manager's PIN is asked for (ApprovalProvider) and the call runs again with that approval.
 * Resolves to the result, or null when the approval was cancelled; other errors are thrown.
 * `reason` says in the cashier's language what is being approved ("Discount over your limit: 25%
 * on Latte"); without it main's own words are shown, in English only.
 */
export function useProtected(): <T>(
  action: ProtectedAction,
  run: (approvalId?: string) => Promise<T>,
  reason?: string,
) => Promise<T | null> {
  const requestApproval = useContext(ApprovalContext)
  return useCallback(
    async <T>(
      action: ProtectedAction,
      run: (approvalId?: string) => Promise<T>,
      reason?: string,
    ) => {
      try {
        return await run(undefined)
      } catch (error) {
        // Without a provider there is no one to ask: the refusal stands and is shown as an error.
        if (!(error instanceof PosError) || error.code !== 'APPROVAL_REQUIRED' || !requestApproval)
          throw error
        const words = reason ?? (i18n.language === 'en' ? error.message : '')
        const approvalId = await requestApproval(action, words)
        if (approvalId === null) return null
        return await run(approvalId)
      }
    },
    [requestApproval],
  )
}
