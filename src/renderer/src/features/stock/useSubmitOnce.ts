import { useCallback, useRef, useState } from 'react'
import { v4 as uuidv4 } from 'uuid'
import { noErrors, submitErrors, type SubmitErrors } from './lineErrors'

type LineRef = { productId: string; variantId: string | null }

/** The ids one submit carries: its movement's, and the document's it creates (a transfer). */
export interface SubmitIds {
  movementId: string
  documentId: string
}

export interface SubmitOnce {
  /**
   * Runs `run` with this submit's ids: made on the first try and kept through an approval, a
   * failure and a retry, so the register stores the movement once however often it is sent.
   * Resolves to the result, or null if it failed (errors are set) or was called off.
   */
  submit: <T>(
    lines: readonly LineRef[],
    run: (ids: SubmitIds) => Promise<T | null>,
  ) => Promise<T | null>
  /** The draft changed: the next submit is a new movement with a new id. */
  invalidate: () => void
  isBusy: boolean
  errors: SubmitErrors
  clearErrors: () => void
}

export function useSubmitOnce(): SubmitOnce {
  const ids = useRef<SubmitIds | null>(null)
  const isRunning = useRef(false)
  const [isBusy, setIsBusy] = useState(false)
  const [errors, setErrors] = useState<SubmitErrors>(noErrors)

  const submit = useCallback(
    async <T>(lines: readonly LineRef[], run: (submitIds: SubmitIds) => Promise<T | null>) => {
      // A second click before the first answer is the same submit: it does nothing.
      if (isRunning.current) return null
      isRunning.current = true
      ids.current ??= { movementId: uuidv4(), documentId: uuidv4() }
      setIsBusy(true)
      setErrors(noErrors)
      try {
        const result = await run(ids.current)
        if (result !== null) ids.current = null
        return result
      } catch (failure) {
        setErrors(submitErrors(failure, lines))
        return null
      } finally {
        isRunning.current = false
        setIsBusy(false)
      }
    },
    [],
  )

  const invalidate = useCallback(() => {
    ids.current = null
  }, [])
  const clearErrors = useCallback(() => setErrors(noErrors), [])
  return { submit, invalidate, isBusy, errors, clearErrors }
}
