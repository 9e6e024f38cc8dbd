import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { RegisterView, StoreDetail } from '../../../../shared/backoffice/api'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { columnHelper, DataTable } from '../../components/DataTable'
import { SelectField } from '../../components/Field'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useTranslation } from '../../i18n'
import { count, relativeTime } from '../format'
import { useSignedIn } from '../session/sessionContext'
import { EnrollmentCodeDialog } from './EnrollmentCodeDialog'
import { RenameDialog } from './RenameDialog'

const column = columnHelper<RegisterView>()

/** A count from the last heartbeat; a dash before the register has reported one. */
function numberOrNone(value: number | null, locale: string, none: string) {
  return value === null ? none : <span className="numeric">{count(value, locale)}</span>
}

type Open =
  | { kind: 'none' }
  | { kind: 'enroll'; store: StoreDetail }
  | { kind: 'rename'; register: RegisterView }
  | { kind: 'revoke'; register: RegisterView }

/** The registers of one store: when each was last seen, its version, what waits, revoked ones. */
export function RegistersPage() {
  const { t } = useTranslation('registers')
  const { api } = useSignedIn()
  const { load: stores } = useLoad(() => api.listStores(), 'stores')
  const [params, setParams] = useSearchParams()
  const storeList = stores.state === 'ready' ? stores.value : []
  const store = storeList.find((candidate) => candidate.id === params.get('store')) ?? storeList[0]

  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('title')}</h1>
      </div>
      {stores.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {stores.state === 'failed' ? <ErrorMessage>{stores.error}</ErrorMessage> : null}
      {stores.state === 'ready' && !store ? (
        <p className="page-card-empty">{t('noStores')}</p>
      ) : null}
      {store ? (
        <>
          <div className="bo-toolbar">
            <SelectField
              name="store"
              label={t('store')}
              value={store.id}
              options={storeList.map((candidate) => ({
                value: candidate.id,
                label: `${candidate.code} — ${candidate.name}`,
              }))}
              onChange={(id) => setParams({ store: id })}
            />
          </div>
          <StoreRegisters key={store.id} store={store} />
        </>
      ) : null}
    </div>
  )
}

function StoreRegisters({ store }: { store: StoreDetail }) {
  const { t, i18n } = useTranslation('registers')
  const { api } = useSignedIn()
  const { load, reload } = useLoad(() => api.listRegisters(store.id), store.id)
  const [open, setOpen] = useState<Open>({ kind: 'none' })
  const [notice, setNotice] = useState<string | null>(null)
  const locale = i18n.language
  const close = () => setOpen({ kind: 'none' })

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('name', { header: t('columns.name') }),
        column.accessor('role', {
          header: t('columns.role'),
          cell: (info) => t(`kinds.${info.getValue()}`, { defaultValue: info.getValue() }),
        }),
        column.accessor('lastSeenAt', {
          header: t('columns.lastSeen'),
          cell: (info) => {
            const seen = info.getValue()
            return seen ? (
              <time dateTime={seen} title={seen}>
                {relativeTime(seen, locale)}
              </time>
            ) : (
              t('common:never')
            )
          },
        }),
        column.accessor('appVersion', {
          header: t('columns.appVersion'),
          cell: (info) => <span dir="ltr">{info.getValue() ?? t('common:none')}</span>,
        }),
        column.accessor('pending', {
          header: t('columns.pending'),
          cell: (info) => numberOrNone(info.getValue(), locale, t('common:none')),
        }),
        column.accessor('refused', {
          header: t('columns.refused'),
          cell: (info) => {
            const refused = info.getValue()
            return (
              <span className={refused ? 'bo-refused' : undefined}>
                {numberOrNone(refused, locale, t('common:none'))}
              </span>
            )
          },
        }),
        column.accessor('revokedAt', {
          header: t('columns.status'),
          cell: (info) =>
            info.getValue() ? (
              <span className="status-badge bo-badge-revoked">{t('status.revoked')}</span>
            ) : (
              <span className="status-badge bo-badge-active">{t('status.active')}</span>
            ),
        }),
        column.display({
          id: 'actions',
          header: t('columns.actions'),
          cell: (info) => {
            const register = info.row.original
            return (
              <div className="bo-row-actions">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={t('renameLabel', { name: register.name })}
                  onClick={() => setOpen({ kind: 'rename', register })}
                >
                  {t('rename')}
                </button>
                {register.revokedAt ? null : (
                  <button
                    type="button"
                    className="button button-danger-outline button-small"
                    aria-label={t('revokeLabel', { name: register.name })}
                    onClick={() => setOpen({ kind: 'revoke', register })}
                  >
                    {t('revoke')}
                  </button>
                )}
              </div>
            )
          },
        }),
      ]),
    [t, locale],
  )

  return (
    <section className="bo-section" aria-labelledby="registers-of-store">
      <div className="page-header">
        <h2 id="registers-of-store" className="page-card-title">
          {store.code} — {store.name}
        </h2>
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setNotice(null)
            setOpen({ kind: 'enroll', store })
          }}
        >
          {t('enroll.button')}
        </button>
      </div>
      <StatusMessage>{notice}</StatusMessage>
      {load.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {load.state === 'ready' && load.value.length === 0 ? (
        <p className="page-card-empty">{t('empty')}</p>
      ) : null}
      {load.state === 'ready' && load.value.length > 0 ? (
        <DataTable
          caption={t('title')}
          columns={columns}
          data={load.value}
          rowId={(register) => register.id}
          rowTestId="register-row"
        />
      ) : null}
      {open.kind === 'enroll' ? (
        <EnrollmentCodeDialog
          store={open.store}
          onClose={() => {
            close()
            reload()
          }}
        />
      ) : null}
      {open.kind === 'rename' ? (
        <RenameDialog
          register={open.register}
          onClose={close}
          onDone={(name) => {
            setNotice(t('renamed', { name }))
            close()
            reload()
          }}
        />
      ) : null}
      {open.kind === 'revoke' ? (
        <ConfirmDialog
          title={t('revokeTitle', { name: open.register.name })}
          text={t('revokeText')}
          confirmLabel={t('revokeConfirm')}
          onClose={close}
          onConfirm={async () => {
            await api.revokeRegister(open.register.id)
            setNotice(t('revoked', { name: open.register.name }))
            close()
            reload()
          }}
        />
      ) : null}
    </section>
  )
}
