import type { InvokeOutput } from '../../../../shared/ipc'
import { useTranslation } from '../../i18n'
import { useFormat } from './useFormat'

type RegisterHealth = InvokeOutput<'manager:getHealth'>['registers'][number]

/** One register's line in the sync health table. */
export function HealthRow({ register, nowMs }: { register: RegisterHealth; nowMs: number }) {
  const { t } = useTranslation('manager')
  const format = useFormat()
  const hasTrouble = register.deadRecords > 0 || register.openConflicts > 0
  const className = [
    'manager-health-row',
    register.isThisRegister ? 'manager-health-this' : '',
    register.isRevoked ? 'manager-health-revoked' : '',
    hasTrouble ? 'manager-health-trouble' : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <tr
      className={className}
      data-testid="health-row"
      data-register-code={register.registerCode ?? ''}
      data-this-register={register.isThisRegister ? 'true' : undefined}
    >
      <th scope="row">
        <span className="manager-health-name">
          <span className="manager-register-name">{register.name}</span>
          {register.registerCode && (
            <span className="manager-register-code">{register.registerCode}</span>
          )}
          {register.isThisRegister && (
            <span className="manager-this-badge">{t('health.thisRegister')}</span>
          )}
          {register.isRevoked && (
            <span className="manager-revoked-badge">{t('health.revoked')}</span>
          )}
        </span>
      </th>
      <td data-testid="health-last-seen">
        {register.isThisRegister ? (
          t('health.live')
        ) : register.lastSeenAt ? (
          <time dateTime={register.lastSeenAt} title={format.dateTime(register.lastSeenAt)}>
            {format.timeAgo(register.lastSeenAt, nowMs)}
          </time>
        ) : (
          t('health.never')
        )}
      </td>
      <td className="manager-number" data-testid="health-pending" data-value={register.pending}>
        {format.number(register.pending)}
      </td>
      <td data-testid="health-oldest">
        {register.oldestPendingAt
          ? format.duration(nowMs - Date.parse(register.oldestPendingAt))
          : '—'}
      </td>
      <td className="manager-number" data-testid="health-cursor-lag">
        {format.number(register.cursorLag)}
      </td>
      <td data-testid="health-dead">
        {register.deadRecords === 0 ? (
          format.number(0)
        ) : (
          <details className="manager-dead">
            <summary>{t('health.deadCount', { count: register.deadRecords })}</summary>
            <ul className="manager-dead-reasons">
              {register.deadReasons.map((dead, index) => (
                <li key={`${dead.label}-${index}`}>
                  <span className="manager-dead-label">{dead.label}</span>: {dead.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
      <td className="manager-number" data-testid="health-conflicts">
        {format.number(register.openConflicts)}
      </td>
    </tr>
  )
}
