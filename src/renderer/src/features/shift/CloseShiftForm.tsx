import { asciiDigits } from '../../../../shared/domain'
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useMoney } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import { countedCents as sumCounts } from '../../../../shared/domain/cashCount'
import { PosError } from '../../../../shared/ipc'
import type { ZReport } from '../../types'
import { useProtected } from '../approval/useProtected'
import { differenceKind, differenceLabel } from './format'
import { useLoad } from '../../hooks/useLoad'
import { closeConcern, type CloseConcern } from './closeCheck'
import { CloseConfirm } from './CloseConfirm'

interface CloseShiftFormProps {
  shiftId: string
  onCancel: () => void
  onClosed: (report: ZReport) => void
}

/** Whole counts only; a blank row counts as none. Null when the text is not a count. */
function parseCount(text: string): number | null {
  const trimmed = asciiDigits(text).trim()
  if (trimmed === '') return 0
  if (!/^\d{1,6}$/.test(trimmed)) return null
  return Number(trimmed)
}

/**
 * Counting the drawer out: one row per bill and coin, the counted total live, and the expected
 * cash with the difference shown before anything is committed.
 */
export function CloseShiftForm({ shiftId, onCancel, onClosed }: CloseShiftFormProps) {
  const money = useMoney()
  const { t } = useTranslation('shift')
  const protectedCall = useProtected()
  const inputRefs = useRef<(HTMLInputElement | null)[]>([])
  const settings = useLoad(() => pos.invoke('settings:get'), [], {
    describeError: (reason) => `${t('close.denominationsFailed')}: ${reason}`,
  })
  const preview = useLoad(() => pos.invoke('shift:preview'), [shiftId], {
    describeError: (reason) => `${t('close.expectedFailed')}: ${reason}`,
  })
  const [countTexts, setCountTexts] = useState<Record<number, string>>({})
  const [isClosing, setIsClosing] = useState(false)
  const [problem, setProblem] = useState<{ index: number | null; message: string } | null>(null)
  const [concern, setConcern] = useState<CloseConcern | null>(null)

  const denominations = settings.data?.options.denominationsCents ?? null
  useEffect(() => {
    if (denominations) inputRefs.current[0]?.focus()
  }, [denominations])

  const rows = useMemo(
    () =>
      (denominations ?? []).map((denominationCents) => {
        const count = parseCount(countTexts[denominationCents] ?? '')
        return {
          denominationCents,
          count,
          lineCents: count === null ? null : denominationCents * count,
        }
      }),
    [denominations, countTexts],
  )
  const hasInvalidRow = rows.some((row) => row.count === null)
  // The same sum main stores, so the difference shown is the one the Z report will print.
  const countedCents = sumCounts(
    rows.map((row) => ({ denominationCents: row.denominationCents, count: row.count ?? 0 })),
  )
  const expectedCents = preview.data?.cash.expectedCents ?? null
  const differenceCents = expectedCents === null ? null : countedCents - expectedCents

  function submit(event: FormEvent) {
    event.preventDefault()
    void close(false)
  }

  /** Closes the shift; a blank or far-off count asks again first unless `isConfirmed`. */
  async function close(isConfirmed: boolean) {
    if (isClosing || !denominations) return
    const badIndex = rows.findIndex((row) => row.count === null)
    if (badIndex >= 0) {
      setProblem({ index: badIndex, message: t('close.badCount') })
      return
    }
    const counts = rows.map((row) => ({
      denominationCents: row.denominationCents,
      count: row.count ?? 0,
    }))
    if (!isConfirmed) {
      const found = closeConcern({
        countTexts: denominations.map((cents) => asciiDigits(countTexts[cents] ?? '')),
        countedCents,
        expectedCents,
        allowedCents: settings.data?.options.closeShiftVarianceCents ?? 0,
      })
      if (found) {
        setProblem(null)
        setConcern(found)
        return
      }
    }
    setConcern(null)
    setIsClosing(true)
    setProblem(null)
    try {
      const report = await protectedCall('closeShift', (approvalId) =>
        pos.invoke('shift:close', { counts, approvalId }),
      )
      if (report) {
        onClosed(report)
        return
      }
      setIsClosing(false)
    } catch (failure) {
      setProblem({
        index: rowIndexOf(failure),
        message: t('close.stillOpen', { error: errorMessage(failure) }),
      })
      setIsClosing(false)
    }
  }

  // Enter goes to the next count, as on a tally sheet; only the last one (or the button) closes.
  function moveOnEnter(event: KeyboardEvent<HTMLInputElement>, index: number) {
    const next = inputRefs.current[index + 1]
    if (event.key !== 'Enter' || !next) return
    event.preventDefault()
    next.focus()
    next.select()
  }

  function countAgain() {
    setConcern(null)
    inputRefs.current[0]?.focus()
    inputRefs.current[0]?.select()
  }

  // Escape answers the open question with "Count again"; otherwise it leaves the count.
  function cancelOnEscape(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Escape' || isClosing) return
    event.preventDefault()
    if (concern) countAgain()
    else onCancel()
  }

  if (settings.error) return <ErrorAlert message={settings.error} onRetry={settings.reload} />
  if (!denominations) return <p className="page-loading">{t('close.loading')}</p>

  return (
    <section className="page-card" aria-labelledby="close-shift-title">
      <h3 id="close-shift-title" className="page-card-title">
        {t('close.title')}
      </h3>
      <p className="page-card-intro">{t('close.intro')}</p>
      <form className="count-form" onSubmit={submit} onKeyDown={cancelOnEscape} noValidate>
        <div className="count-rows">
          {rows.map((row, index) => {
            const label = money(row.denominationCents)
            const isBad = row.count === null || problem?.index === index
            return (
              <div key={row.denominationCents} className="count-row">
                <label className="count-label" htmlFor={`count-${row.denominationCents}`}>
                  {t('close.times', { denomination: label })}
                </label>
                <input
                  ref={(element) => {
                    inputRefs.current[index] = element
                  }}
                  id={`count-${row.denominationCents}`}
                  className="field-input count-input"
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder="0"
                  data-testid={`count-${row.denominationCents}`}
                  value={countTexts[row.denominationCents] ?? ''}
                  aria-invalid={isBad}
                  readOnly={isClosing}
                  onKeyDown={(event) => moveOnEnter(event, index)}
                  onChange={(event) => {
                    setConcern(null)
                    setCountTexts((texts) => ({
                      ...texts,
                      [row.denominationCents]: event.target.value,
                    }))
                  }}
                />
                <span
                  className="count-line money"
                  data-testid={`count-line-${row.denominationCents}`}
                >
                  {row.lineCents === null ? t('close.notCount') : money(row.lineCents)}
                </span>
                {problem?.index === index && (
                  <span className="field-hint field-hint-error count-row-error">
                    {problem.message}
                  </span>
                )}
              </div>
            )
          })}
        </div>

        <dl className="count-summary" aria-live="polite">
          <div className="count-summary-row">
            <dt>{t('close.counted')}</dt>
            <dd className="money" data-testid="count-counted" data-cents={countedCents}>
              {money(countedCents)}
            </dd>
          </div>
          <div className="count-summary-row">
            <dt>{t('close.expected')}</dt>
            <dd
              className="money"
              data-testid="count-expected"
              data-cents={expectedCents ?? undefined}
            >
              {expectedCents === null
                ? preview.error
                  ? t('close.unknown')
                  : t('close.reading')
                : money(expectedCents)}
            </dd>
          </div>
          {differenceCents !== null && (
            <div
              className={`count-summary-row count-difference count-difference-${differenceKind(differenceCents)}`}
            >
              <dt>{t('close.difference')}</dt>
              <dd>
                <span className="money" data-testid="count-difference" data-cents={differenceCents}>
                  {money(differenceCents)}
                </span>
                <span
                  className={`z-difference-badge z-difference-badge-${differenceKind(differenceCents)}`}
                >
                  {differenceLabel(differenceCents)}
                </span>
              </dd>
            </div>
          )}
        </dl>

        {preview.error && <ErrorAlert message={preview.error} onRetry={preview.reload} />}
        {problem && problem.index === null && <ErrorAlert message={problem.message} />}
        {concern && (
          <CloseConfirm
            concern={concern}
            isClosing={isClosing}
            onCountAgain={countAgain}
            onCloseAnyway={() => void close(true)}
          />
        )}

        {/* While the question is open its own two buttons are the way on. */}
        {!concern && (
          <div className="count-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={onCancel}
              disabled={isClosing}
            >
              {t('close.back')}
            </button>
            <button
              type="submit"
              className="button button-primary"
              disabled={hasInvalidRow}
              aria-busy={isClosing}
            >
              {isClosing && <span className="spinner" aria-hidden="true" />}
              {t('close.confirm')}
            </button>
          </div>
        )}
      </form>
    </section>
  )
}

/** "counts.2.count" → 2: which row main refused, to show the message beside it. */
function rowIndexOf(failure: unknown): number | null {
  if (!(failure instanceof PosError) || !failure.path) return null
  const match = /^counts\.(\d+)/.exec(failure.path)
  return match ? Number(match[1]) : null
}
