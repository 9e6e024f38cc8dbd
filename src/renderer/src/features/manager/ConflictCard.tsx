import { useId, useMemo, useState } from 'react'
import type { InvokeInput, InvokeOutput } from '../../../../shared/ipc'
import { useTranslation } from '../../i18n'
import { conflictRows, valueText } from './conflictFields'
import { MergeEditor } from './MergeEditor'
import { useFormat } from './useFormat'

export type Conflict = InvokeOutput<'manager:listConflicts'>[number]
export type Resolution = Omit<InvokeInput<'manager:resolveConflict'>, 'conflictId'>

interface ConflictCardProps {
  conflict: Conflict
  onResolve: (resolution: Resolution) => Promise<boolean>
}

/** One conflict: the two versions side by side, differing fields marked, and the three ways out. */
export function ConflictCard({ conflict, onResolve }: ConflictCardProps) {
  const { t } = useTranslation('manager')
  const format = useFormat()
  const titleId = useId()
  const rows = useMemo(
    () => conflictRows(conflict.serverData, conflict.deviceData),
    [conflict.serverData, conflict.deviceData],
  )
  const [isMerging, setIsMerging] = useState(false)
  const [isBusy, setIsBusy] = useState(false)

  async function resolve(resolution: Resolution) {
    setIsBusy(true)
    const isDone = await onResolve(resolution)
    setIsBusy(false)
    if (isDone) setIsMerging(false)
  }

  return (
    <li
      className="manager-conflict"
      aria-labelledby={titleId}
      data-testid="conflict"
      data-record-id={conflict.recordId}
    >
      <header className="manager-conflict-header">
        <h4 id={titleId} className="manager-conflict-title">
          {conflict.label}
        </h4>
        <p className="manager-muted">
          {t('conflicts.meta', {
            entity: conflict.entity,
            device: conflict.deviceName ?? t('conflicts.unknownDevice'),
            time: format.dateTime(conflict.createdAt),
          })}
        </p>
      </header>

      {isMerging ? (
        <MergeEditor
          rows={rows}
          isBusy={isBusy}
          onCancel={() => setIsMerging(false)}
          onMerge={(mergedData) => void resolve({ resolution: 'merge', mergedData })}
        />
      ) : (
        <>
          <div className="manager-table-wrap">
            <table className="manager-table manager-conflict-table">
              <caption className="visually-hidden">
                {t('conflicts.compareCaption', { label: conflict.label })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('conflicts.field')}</th>
                  <th scope="col">
                    {t('conflicts.server')}
                    {conflict.serverVersion !== null && (
                      <span className="manager-muted">
                        {' '}
                        {t('conflicts.version', { version: format.number(conflict.serverVersion) })}
                      </span>
                    )}
                  </th>
                  <th scope="col">{t('conflicts.device')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr
                    key={row.field}
                    className={row.isDifferent ? 'manager-field-different' : undefined}
                    data-differs={row.isDifferent ? 'true' : undefined}
                  >
                    <th scope="row">
                      {row.field}
                      {row.isDifferent && (
                        <span className="manager-differs-tag">{t('conflicts.differs')}</span>
                      )}
                    </th>
                    <td className="manager-field-value">{valueText(row.server) || '—'}</td>
                    <td className="manager-field-value">{valueText(row.device) || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="manager-conflict-actions">
            <button
              type="button"
              className="button button-secondary"
              disabled={isBusy}
              onClick={() => void resolve({ resolution: 'keep-server' })}
            >
              {t('conflicts.keepServer')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={isBusy}
              onClick={() => void resolve({ resolution: 'take-client' })}
            >
              {t('conflicts.takeDevice')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={isBusy}
              onClick={() => setIsMerging(true)}
            >
              {t('conflicts.editMerge')}
            </button>
          </div>
        </>
      )}
    </li>
  )
}
