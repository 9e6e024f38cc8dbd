import '../../styles/approval.css'
import { useCallback, useRef, useState, type ReactNode } from 'react'
import type { ProtectedAction } from '../../../../shared/store/options'
import { ApprovalContext, type RequestApproval } from './approvalContext'
import { ApprovalDialog } from './ApprovalDialog'

interface PendingApproval {
  action: ProtectedAction
  reason: string
  /** Changes per request, so a second request gets a fresh dialog. */
  sequence: number
}

/** Mounted once around the shell: the one "Manager approval" dialog every protected call uses. */
export function ApprovalProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<PendingApproval | null>(null)
  const resolveRef = useRef<((approvalId: string | null) => void) | null>(null)
  const sequenceRef = useRef(0)

  const requestApproval = useCallback<RequestApproval>(
    (action, reason) =>
      new Promise((resolve) => {
        // One dialog at a time: an older request still waiting counts as cancelled.
        resolveRef.current?.(null)
        resolveRef.current = resolve
        sequenceRef.current += 1
        setPending({ action, reason, sequence: sequenceRef.current })
      }),
    [],
  )

  const finish = useCallback((approvalId: string | null) => {
    const resolve = resolveRef.current
    resolveRef.current = null
    setPending(null)
    resolve?.(approvalId)
  }, [])

  return (
    <ApprovalContext.Provider value={requestApproval}>
      {children}
      {pending && (
        <ApprovalDialog
          key={pending.sequence}
          action={pending.action}
          reason={pending.reason}
          onApproved={finish}
          onCancel={() => finish(null)}
        />
      )}
    </ApprovalContext.Provider>
  )
}
