import { useCallback, useEffect, useState } from 'react'
import { v4 as uuidv4 } from 'uuid'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import { useProtected } from '../approval/useProtected'
import {
  addCounted,
  countedLines,
  productsMissingExpected,
  removeLine,
  setCounted,
  withExpected,
  type CountLine,
} from './countModel'
import type { SubmitErrors } from './lineErrors'
import { itemKey, type StockItem } from './stockItem'
import type { StockMovementResult } from './stockTypes'
import { useSubmitOnce } from './useSubmitOnce'

/** A movement main stored, with the names of its products as the screen showed them. */
export interface AppliedMovement {
  result: StockMovementResult
  names: Record<string, string>
}

export interface CountSessionDraft {
  countId: string
  lines: CountLine[]
}

/** Whether the count on screen is the one kept: saving it, saved, or why it could not be. */
export type SaveState =
  { status: 'unsaved' | 'saving' | 'saved' } | { status: 'failed'; message: string }

export interface CountSession {
  draft: CountSessionDraft | null
  start: (draft?: CountSessionDraft) => void
  add: (item: StockItem, quantity: number) => void
  setLineCounted: (key: string, counted: number) => void
  remove: (key: string) => void
  discard: () => void
  apply: () => Promise<void>
  isApplying: boolean
  /** Keeps the count as it is (an OPEN count record), to resume after a restart. */
  save: () => Promise<void>
  saveState: SaveState
  errors: SubmitErrors
  expectedError: string | null
  /** What the last apply moved; cleared when a new count starts. */
  applied: AppliedMovement | null
  clearApplied: () => void
}

export function namesOf(items: readonly StockItem[]): Record<string, string> {
  return Object.fromEntries(items.map((item) => [itemKey(item), item.name]))
}

/**
 * A count in progress: scans add to counted, on hand is read for each new product, and Apply asks
 * for a manager where the store wants one. The movement id is made once per apply and kept until
 * it succeeds or the count changes, so a retried or double submit moves stock once.
 */
export function useCountSession(): CountSession {
  const { t } = useTranslation('stock')
  const protect = useProtected()
  const submitter = useSubmitOnce()
  const { invalidate, clearErrors } = submitter
  const [draft, setDraft] = useState<CountSessionDraft | null>(null)
  const [expectedError, setExpectedError] = useState<string | null>(null)
  const [applied, setApplied] = useState<AppliedMovement | null>(null)
  const [saveState, setSaveState] = useState<SaveState>({ status: 'unsaved' })

  const change = useCallback(
    (update: (lines: CountLine[]) => CountLine[]) => {
      invalidate()
      setSaveState({ status: 'unsaved' })
      setDraft((current) => (current ? { ...current, lines: update(current.lines) } : current))
    },
    [invalidate],
  )

  // On hand for products just added: read once per product, while the count goes on.
  const missing = draft ? productsMissingExpected(draft.lines).join(',') : ''
  useEffect(() => {
    if (missing === '') return
    const productIds = missing.split(',')
    let isCurrent = true
    pos.invoke('stock:levels', { productIds }).then(
      (levels) => {
        if (!isCurrent) return
        setExpectedError(null)
        setDraft((current) =>
          current ? { ...current, lines: withExpected(current.lines, productIds, levels) } : null,
        )
      },
      (failure: unknown) => {
        if (isCurrent) setExpectedError(t('count.expectedFailed', { error: errorMessage(failure) }))
      },
    )
    return () => {
      isCurrent = false
    }
  }, [missing, t])

  async function apply() {
    if (!draft || draft.lines.length === 0) return
    const lines = countedLines(draft.lines)
    const result = await submitter.submit(lines, ({ movementId }) =>
      protect(
        'stockAdjust',
        (approvalId) =>
          pos.invoke('stock:countApply', { movementId, countId: draft.countId, lines, approvalId }),
        t('count.approvalReason', { lines: draft.lines.length }),
      ),
    )
    if (result === null) return
    setApplied({ result, names: namesOf(draft.lines.map((line) => line.item)) })
    setDraft(null)
  }

  async function save() {
    if (!draft || saveState.status === 'saving') return
    setSaveState({ status: 'saving' })
    try {
      await pos.invoke('stock:countSave', {
        countId: draft.countId,
        lines: countedLines(draft.lines),
      })
      setSaveState({ status: 'saved' })
    } catch (failure) {
      setSaveState({
        status: 'failed',
        message: t('count.saveFailed', { error: errorMessage(failure) }),
      })
    }
  }

  return {
    draft,
    save,
    saveState,
    start: (resumed) => {
      invalidate()
      clearErrors()
      setApplied(null)
      setSaveState({ status: resumed ? 'saved' : 'unsaved' })
      setDraft(resumed ?? { countId: uuidv4(), lines: [] })
    },
    add: (item, quantity) => change((lines) => addCounted(lines, item, quantity)),
    setLineCounted: (key, counted) => change((lines) => setCounted(lines, key, counted)),
    remove: (key) => change((lines) => removeLine(lines, key)),
    discard: () => {
      invalidate()
      clearErrors()
      setDraft(null)
    },
    apply,
    isApplying: submitter.isBusy,
    errors: submitter.errors,
    expectedError,
    applied,
    clearApplied: () => setApplied(null),
  }
}
