import { useState } from 'react'
import { useTranslation } from '../../i18n'
import { roleLabel, useSession } from './useSession'

/** The signed-in employee in the top bar, with the button that locks the register. */
export function SessionControls() {
  const { t } = useTranslation('session')
  const { session, lock } = useSession()
  const [isLocking, setIsLocking] = useState(false)
  const employee = session.employee
  if (!employee) return null
  return (
    <div className="top-bar-session">
      <span className="top-bar-employee" data-testid="signed-in-employee">
        <span className="top-bar-employee-name" title={employee.name}>
          {employee.name}
        </span>
        <span className="top-bar-employee-role">{roleLabel(employee.role)}</span>
      </span>
      <button
        type="button"
        className="top-bar-lock"
        disabled={isLocking}
        onClick={() => {
          setIsLocking(true)
          void lock().finally(() => setIsLocking(false))
        }}
      >
        {t('lock')}
      </button>
    </div>
  )
}
