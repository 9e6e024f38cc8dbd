import { useEffect, useRef, useState } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useLoad } from '../../hooks/useLoad'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import type { Employee } from '../../types'
import { roleLabel } from '../session/useSession'
import { EmployeeDialog } from './EmployeeDialog'

/** The dialog's state: closed, adding someone, or editing one person. */
type Editing = { employee: Employee | null } | null

/**
 * Everyone who works here, inactive people too, and the form to add or change one. Admins only:
 * a PIN is the key to the till. Main refuses anyone else whatever this screen shows.
 */
export function StaffSection() {
  const { t } = useTranslation('settings')
  const list = useLoad(() => pos.invoke('employee:listAll'), [])
  const staff = list.data
  const loadError = list.error
  const [editing, setEditing] = useState<Editing>(null)
  const [savedText, setSavedText] = useState('')
  // Where focus returns when the dialog closes: the button that opened it.
  const openerRef = useRef<HTMLElement | null>(null)

  function open(employee: Employee | null, opener: HTMLElement) {
    openerRef.current = opener
    setSavedText('')
    setEditing({ employee })
  }

  // Once the dialog is gone (the page behind a modal is inert until then), focus goes back.
  useEffect(() => {
    if (editing !== null) return
    openerRef.current?.focus()
    openerRef.current = null
  }, [editing])

  function close() {
    setEditing(null)
  }

  return (
    <div className="staff-section">
      <div className="staff-toolbar">
        <button
          type="button"
          className="button button-primary"
          onClick={(event) => open(null, event.currentTarget)}
        >
          {t('staff.add')}
        </button>
        <span className="settings-save-status" role="status" data-testid="staff-status">
          {savedText}
        </span>
      </div>

      {loadError ? (
        <ErrorAlert message={t('staff.loadFailed', { reason: loadError })} onRetry={list.reload} />
      ) : staff === null ? (
        <p className="page-loading">{t('staff.loading')}</p>
      ) : (
        <div className="store-table-scroll">
          <table className="store-table staff-table" aria-label={t('staff.listLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('staff.name')}</th>
                <th scope="col">{t('staff.role')}</th>
                <th scope="col">{t('staff.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('staff.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {staff.map((employee) => (
                <tr
                  key={employee.id}
                  className={employee.isActive ? undefined : 'staff-inactive'}
                  data-testid="staff-row"
                >
                  <td className="staff-name">{employee.name}</td>
                  <td>{roleLabel(employee.role)}</td>
                  <td>{employee.isActive ? t('staff.isActive') : t('staff.isInactive')}</td>
                  <td className="staff-edit-cell">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={t('staff.editFor', { name: employee.name })}
                      onClick={(event) => open(employee, event.currentTarget)}
                    >
                      {t('staff.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {editing && (
        <EmployeeDialog
          employee={editing.employee}
          onClose={close}
          onSaved={(saved) => {
            setSavedText(t('staff.saved', { name: saved.name }))
            list.reload()
            close()
          }}
        />
      )}
    </div>
  )
}
