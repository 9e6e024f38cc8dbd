import { useEffect, useId, useState, type FormEvent } from 'react'
import type { z } from 'zod'
import { ApiError, issuesToFields, zodIssues, type FieldIssue } from '../api/errors'
import { useTranslation } from '../i18n'
import { errorSentence, fieldMessages } from './errorText'

/** A server refusal that belongs to one field: `STORE_CODE_TAKEN` → `code`. */
export interface CodeField {
  field: string
  message: string
}

interface UseFormOptions<S extends z.ZodType, R> {
  /** The contract's body schema: checked here first, then again by the server. */
  schema: S
  /** The form's values, shaped like the body (strings are trimmed by the schema). */
  values: () => unknown
  send: (body: z.output<S>) => Promise<R>
  onDone: (reply: R) => void
  /** Checks the contract cannot make (two password boxes agree). */
  extraIssues?: () => FieldIssue[]
  /** Show `extraIssues` messages as given rather than the field's usual rule. */
  keepsExtraWording?: boolean
  codeFields?: Record<string, CodeField>
}

/**
 * A form against the contract: Enter submits (a real <form>), the shared zod schema checks
 * first, the server's `issues[].path` land next to their fields, and focus moves to the first
 * invalid field in the form's order.
 */
export function useForm<S extends z.ZodType, R>(options: UseFormOptions<S, R>) {
  const { t } = useTranslation('common')
  // The form is found by id, not a ref: the hook's result is read freely while rendering.
  const formId = useId()
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  /** The full paths of the last refusal's issues (`modifierGroups.0.options.1.name`). */
  const [issuePaths, setIssuePaths] = useState<readonly string[]>([])
  const [formError, setFormError] = useState<string | null>(null)
  const [isSubmitting, setIsSubmitting] = useState(false)
  const [focusRequest, setFocusRequest] = useState(0)

  useEffect(() => {
    if (focusRequest === 0) return
    document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [focusRequest, formId])

  /** Our own or the server's validation (400) reads per field in the UI language; other refusals
   * that name a field (a taken e-mail) keep the server's words. */
  function showIssues(issues: FieldIssue[], sentence: string | null, isValidation = true) {
    setFieldErrors(isValidation ? fieldMessages(issues, t) : issuesToFields(issues))
    setIssuePaths(issues.map((issue) => issue.path))
    setFormError(sentence)
    setFocusRequest((count) => count + 1)
  }

  async function submit() {
    const { schema, values, send, onDone, extraIssues, codeFields } = options
    const parsed = schema.safeParse(values())
    const extra = extraIssues?.() ?? []
    const issues = [...(parsed.success ? [] : zodIssues(parsed.error)), ...extra]
    if (!parsed.success || issues.length > 0) {
      showIssues(issues, t('errors.formHasErrors'))
      // Asked for: the form's own checks keep their words (translated, saying more than the rule).
      if (options.keepsExtraWording)
        setFieldErrors((fields) => ({ ...fields, ...issuesToFields(extra) }))
      return
    }
    setIsSubmitting(true)
    setFormError(null)
    try {
      const reply = await send(parsed.data)
      setFieldErrors({})
      setIssuePaths([])
      onDone(reply)
    } catch (error) {
      const known = error instanceof ApiError ? codeFields?.[error.code] : undefined
      if (known) {
        setFieldErrors({ [known.field]: known.message })
        setFormError(null)
        setFocusRequest((count) => count + 1)
      } else if (error instanceof ApiError && error.issues.length > 0) {
        showIssues(error.issues, errorSentence(error, t), error.status === 400)
      } else {
        setFieldErrors({})
        setFormError(errorSentence(error, t))
      }
    } finally {
      setIsSubmitting(false)
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (!isSubmitting) void submit()
  }

  return { formId, fieldErrors, issuePaths, formError, isSubmitting, onSubmit }
}
