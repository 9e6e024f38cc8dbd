import { useId, useState } from 'react'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import { jobStatusText } from '../station/jobText'
import { useFollowedJob, type PrinterStatus } from '../station/usePrintData'
import type { FieldErrors, PrinterDraft } from './configForm'

interface PrinterFieldsProps {
  printer: PrinterDraft
  index: number
  errors: FieldErrors
  status: PrinterStatus | undefined
  /** The printer is saved as shown, so a test page prints with these settings. */
  isSaved: boolean
  onChange: (printer: PrinterDraft) => void
  onRemove: () => void
}

/** One printer: how to reach it, what it prints, and a test page with its live status. */
export function PrinterFields({
  printer,
  index,
  errors,
  status,
  isSaved,
  onChange,
  onRemove,
}: PrinterFieldsProps) {
  const { t } = useTranslation('settings')
  const { t: tStation } = useTranslation('station')
  const baseId = useId()
  const path = `config.printers.${index}`
  const [testJob, setTestJob] = useFollowedJob()
  const [testError, setTestError] = useState<string | null>(null)
  const [isTesting, setIsTesting] = useState(false)
  const displayName = printer.name.trim() || t('printers.unnamed', { number: index + 1 })

  function set<K extends keyof PrinterDraft>(key: K, value: PrinterDraft[K]) {
    onChange({ ...printer, [key]: value })
  }

  function fieldProps(field: string) {
    const message = errors[`${path}.${field}`]
    return {
      id: `${baseId}-${field}`,
      'aria-invalid': message !== undefined,
      'aria-describedby': message === undefined ? undefined : `${baseId}-${field}-error`,
    }
  }

  function fieldError(field: string) {
    const message = errors[`${path}.${field}`]
    if (message === undefined) return null
    return (
      <p
        id={`${baseId}-${field}-error`}
        className="field-hint field-hint-error"
        data-testid={`error-${path}.${field}`}
      >
        {message}
      </p>
    )
  }

  async function printTestPage() {
    setIsTesting(true)
    setTestError(null)
    setTestJob(null)
    try {
      setTestJob(await pos.invoke('printer:testPage', { printerId: printer.id }))
    } catch (failure) {
      setTestError(errorMessage(failure))
    } finally {
      setIsTesting(false)
    }
  }

  const state = status?.state ?? 'unknown'
  return (
    <fieldset className="printer-card" data-testid="printer" data-printer-id={printer.id}>
      <legend className="printer-card-legend">{displayName}</legend>

      <div className="printer-status-line">
        <span
          className={`printer-status printer-status-${state}`}
          data-testid="printer-status"
          data-state={state}
          role="status"
        >
          <span className="printer-status-dot" aria-hidden="true" />
          {t(`printers.state.${state}`)}
        </span>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={!isSaved || isTesting}
          aria-label={t('printers.testPageFor', { name: displayName })}
          onClick={() => void printTestPage()}
        >
          {isTesting && <span className="spinner" aria-hidden="true" />}
          {t('printers.testPage')}
        </button>
        <button
          type="button"
          className="button button-ghost button-small printer-remove"
          aria-label={t('printers.removeFor', { name: displayName })}
          onClick={onRemove}
        >
          {t('printers.remove')}
        </button>
      </div>
      {status?.lastError && state !== 'ready' && (
        <p className="printer-status-error" data-testid="printer-last-error">
          <bdi>{status.lastError}</bdi>
        </p>
      )}
      {!isSaved && <p className="field-hint">{t('printers.saveFirst')}</p>}
      {testJob && (
        <p className="field-hint" role="status" data-testid="printer-test-result">
          {t('printers.testSent', { status: jobStatusText(testJob, tStation) })}
        </p>
      )}
      {testError && (
        <p className="field-hint field-hint-error" role="alert">
          {t('printers.testFailed', { reason: testError })}
        </p>
      )}

      <div className="printer-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${baseId}-name`}>
            {t('printers.name')}
          </label>
          <input
            {...fieldProps('name')}
            className="field-input"
            value={printer.name}
            maxLength={60}
            onChange={(event) => set('name', event.target.value)}
          />
          {fieldError('name')}
        </div>

        <div className="field">
          <label className="field-label" htmlFor={`${baseId}-role`}>
            {t('printers.role')}
          </label>
          <select
            {...fieldProps('role')}
            className="field-input"
            value={printer.role}
            onChange={(event) =>
              set('role', event.target.value === 'kitchen' ? 'kitchen' : 'receipt')
            }
          >
            <option value="receipt">{t('printers.roles.receipt')}</option>
            <option value="kitchen">{t('printers.roles.kitchen')}</option>
          </select>
        </div>

        <div className="field">
          <label className="field-label" htmlFor={`${baseId}-kind`}>
            {t('printers.kind')}
          </label>
          <select
            {...fieldProps('kind')}
            className="field-input"
            value={printer.kind}
            onChange={(event) =>
              set('kind', event.target.value === 'system' ? 'system' : 'network')
            }
          >
            <option value="network">{t('printers.kinds.network')}</option>
            <option value="system">{t('printers.kinds.system')}</option>
          </select>
        </div>

        <div className="field">
          <label className="field-label" htmlFor={`${baseId}-paperWidthMm`}>
            {t('printers.paper')}
          </label>
          <select
            {...fieldProps('paperWidthMm')}
            className="field-input"
            value={printer.paperWidthMm}
            onChange={(event) => set('paperWidthMm', event.target.value === '58' ? 58 : 80)}
          >
            <option value="80">{t('printers.paperWidth', { width: 80 })}</option>
            <option value="58">{t('printers.paperWidth', { width: 58 })}</option>
          </select>
        </div>

        {printer.kind === 'network' ? (
          <>
            <div className="field">
              <label className="field-label" htmlFor={`${baseId}-host`}>
                {t('printers.host')}
              </label>
              <input
                {...fieldProps('host')}
                className="field-input"
                value={printer.host}
                inputMode="url"
                spellCheck={false}
                autoComplete="off"
                placeholder="192.168.1.50"
                dir="ltr"
                onChange={(event) => set('host', event.target.value)}
              />
              {fieldError('host')}
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${baseId}-port`}>
                {t('printers.port')}
              </label>
              <input
                {...fieldProps('port')}
                className="field-input printer-port"
                value={printer.port}
                inputMode="numeric"
                dir="ltr"
                onChange={(event) => set('port', event.target.value)}
              />
              {fieldError('port')}
            </div>
          </>
        ) : (
          <div className="field printer-grid-wide">
            <label className="field-label" htmlFor={`${baseId}-systemName`}>
              {t('printers.systemName')}
            </label>
            <input
              {...fieldProps('systemName')}
              className="field-input"
              value={printer.systemName}
              placeholder={t('printers.systemNamePlaceholder')}
              onChange={(event) => set('systemName', event.target.value)}
            />
            {fieldError('systemName')}
          </div>
        )}
      </div>

      <div className="printer-checks">
        <label className="settings-check">
          <input
            type="checkbox"
            checked={printer.hasArabicCodePage}
            onChange={(event) => set('hasArabicCodePage', event.target.checked)}
          />
          {t('printers.arabicCodePage')}
        </label>
        <label className="settings-check">
          <input
            type="checkbox"
            checked={printer.opensDrawer}
            onChange={(event) => set('opensDrawer', event.target.checked)}
          />
          {t('printers.opensDrawer')}
        </label>
      </div>
    </fieldset>
  )
}
