import { useMemo } from 'react'
import { Link } from 'react-router'
import {
  HealthVerdict,
  type RegisterHealth,
  type StoreHealth,
} from '../../../../shared/backoffice/syncHealth'
import { columnHelper, DataTable } from '../../components/DataTable'
import { ErrorMessage } from '../../components/Messages'
import { useTranslation } from '../../i18n'
import { count, relativeTime } from '../format'
import { useSignedIn } from '../session/sessionContext'
import { useNow, usePolled } from './usePolled'

/** How often the page asks the server again. */
export const HEALTH_REFRESH_MS = 10_000

const column = columnHelper<RegisterHealth>()

/** The verdict in words on its colour; the words carry the meaning, the colour only helps. */
export function VerdictBadge({ register }: { register: RegisterHealth }) {
  const { t } = useTranslation('health')
  return (
    <span
      className={`status-badge bo-verdict bo-verdict-${register.verdict}`}
      data-verdict={register.verdict}
      title={t(`help.${register.verdict}`)}
    >
      {t(`verdicts.${register.verdict}`)}
    </span>
  )
}

/** Every register of every store this admin may see, refreshed every 10 seconds. */
export function SyncHealthPage() {
  const { t, i18n } = useTranslation('health')
  const { api } = useSignedIn()
  const health = usePolled(() => api.syncHealth(), HEALTH_REFRESH_MS)
  const now = useNow(1_000)
  const locale = i18n.language
  const stores = health.value?.stores ?? null

  return (
    <div className="page-content">
      <div className="page-header">
        <div>
          <h1 className="page-title">{t('title')}</h1>
          <p className="page-card-intro">{t('intro')}</p>
        </div>
        <div className="bo-health-refresh">
          <p className="bo-updated" data-testid="health-updated" aria-live="off">
            {health.updatedAt === null
              ? t('notYet')
              : t('updated', {
                  // The clock ticks each second; an answer newer than its last tick is "now", not "in 1 second".
                  ago: relativeTime(
                    new Date(health.updatedAt).toISOString(),
                    locale,
                    Math.max(now, health.updatedAt),
                  ),
                })}
          </p>
          <button type="button" className="button button-secondary" onClick={health.refresh}>
            {t('refresh')}
          </button>
        </div>
      </div>
      {health.error ? (
        <ErrorMessage>
          {stores ? t('refreshFailed', { reason: health.error }) : health.error}
        </ErrorMessage>
      ) : null}
      {stores === null && !health.error ? (
        <p className="page-loading">{t('common:loading')}</p>
      ) : null}
      {stores !== null && stores.length === 0 ? (
        <p className="page-card-empty">{t('noStores')}</p>
      ) : null}
      {stores?.map((store) => (
        <StoreHealthSection key={store.storeId} store={store} now={now} />
      ))}
      {stores && stores.length > 0 ? <VerdictLegend /> : null}
    </div>
  )
}

function StoreHealthSection({ store, now }: { store: StoreHealth; now: number }) {
  const { t, i18n } = useTranslation('health')
  const locale = i18n.language
  const headingId = `health-store-${store.storeId}`
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('name', {
          header: t('columns.register'),
          cell: (info) => {
            const code = info.row.original.registerCode
            return (
              <span className="bo-register-name">
                {info.getValue()}
                {code ? (
                  <span className="bo-muted" dir="ltr">
                    {' '}
                    {code}
                  </span>
                ) : null}
              </span>
            )
          },
        }),
        column.accessor('verdict', {
          header: t('columns.verdict'),
          cell: (info) => <VerdictBadge register={info.row.original} />,
        }),
        column.accessor('lastSeenAt', {
          header: t('columns.lastSeen'),
          cell: (info) => {
            const seen = info.getValue()
            return seen ? (
              <time dateTime={seen} title={seen}>
                {relativeTime(seen, locale, now)}
              </time>
            ) : (
              t('common:never')
            )
          },
        }),
        column.accessor('isConnected', {
          header: t('columns.connection'),
          cell: (info) => (info.getValue() ? t('connected') : t('notConnected')),
        }),
        column.accessor('cursorLag', {
          header: t('columns.cursorLag'),
          cell: (info) => <span className="numeric">{count(info.getValue(), locale)}</span>,
        }),
        column.accessor('pending', {
          header: t('columns.pending'),
          cell: (info) => {
            const pending = info.getValue()
            return pending === null ? (
              t('common:none')
            ) : (
              <span className="numeric">{count(pending, locale)}</span>
            )
          },
        }),
        column.accessor('deadRecords', {
          header: t('columns.refused'),
          cell: (info) => {
            const dead = info.getValue()
            const reasons = info.row.original.deadReasons
            if (dead === null) return t('common:none')
            if (dead === 0 || reasons.length === 0)
              return (
                <span className={dead ? 'bo-refused numeric' : 'numeric'}>
                  {count(dead, locale)}
                </span>
              )
            return (
              <details className="bo-dead">
                <summary className="bo-refused numeric">{count(dead, locale)}</summary>
                <ul>
                  {reasons.map((reason, index) => (
                    <li key={`${reason.label}-${index}`}>
                      <span dir="auto">{reason.label}</span>:{' '}
                      <span dir="auto">{reason.reason}</span>
                    </li>
                  ))}
                </ul>
              </details>
            )
          },
        }),
        column.accessor('openConflicts', {
          header: t('columns.conflicts'),
          cell: (info) => <span className="numeric">{count(info.getValue(), locale)}</span>,
        }),
        column.accessor('appVersion', {
          header: t('columns.appVersion'),
          cell: (info) => <span dir="ltr">{info.getValue() ?? t('common:none')}</span>,
        }),
      ]),
    [t, locale, now],
  )

  return (
    <section
      className="bo-section bo-health-store"
      aria-labelledby={headingId}
      data-testid="health-store"
      data-store-id={store.storeId}
    >
      <div className="page-header">
        <h2 id={headingId} className="page-card-title">
          {store.code} — {store.name}
        </h2>
        <p className="bo-health-summary">
          <span>{t('headSeq', { total: count(store.headSeq, locale) })}</span>{' '}
          {store.openConflicts > 0 ? (
            <Link to="/conflicts" className="bo-conflicts-link">
              {t('openConflicts', { total: count(store.openConflicts, locale) })}
            </Link>
          ) : (
            <span>{t('openConflicts', { total: count(store.openConflicts, locale) })}</span>
          )}
        </p>
      </div>
      {store.registers.length === 0 ? (
        <p className="page-card-empty">{t('noRegisters')}</p>
      ) : (
        <DataTable
          caption={t('tableCaption', { store: `${store.code} — ${store.name}` })}
          columns={columns}
          data={store.registers}
          rowId={(register) => register.deviceId}
          rowTestId="health-row"
          isWide
        />
      )}
    </section>
  )
}

function VerdictLegend() {
  const { t } = useTranslation('health')
  return (
    <section className="bo-section" aria-labelledby="health-legend">
      <h2 id="health-legend" className="page-card-title">
        {t('legendTitle')}
      </h2>
      <dl className="bo-legend">
        {HealthVerdict.options.map((verdict) => (
          <div key={verdict} className="bo-legend-row">
            <dt>
              <span className={`status-badge bo-verdict bo-verdict-${verdict}`}>
                {t(`verdicts.${verdict}`)}
              </span>
            </dt>
            <dd>{t(`help.${verdict}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
