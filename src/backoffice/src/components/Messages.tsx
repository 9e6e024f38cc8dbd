import type { ReactNode } from 'react'

/** An error the user must read: announced at once. */
export function ErrorMessage({ children }: { children: ReactNode }) {
  if (!children) return null
  return (
    <div className="error-alert" role="alert">
      <span className="error-alert-message">{children}</span>
    </div>
  )
}

/** A confirmation or a note: announced politely. */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <div className="bo-status" role="status">
      {children}
    </div>
  )
}
