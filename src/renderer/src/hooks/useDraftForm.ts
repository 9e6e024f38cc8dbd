import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react'

/** Messages keyed by the field path they belong to. */
export type FieldErrors = Record<string, string>

/** What a failed save means for the form: messages beside fields, or one for the whole form. */
export type SaveFailure = { errors: FieldErrors } | { formError: string }

export interface DraftFormOptions<Value, Draft, Checked> {
  /** The saved value; a new one replaces the draft unless the draft has edits. */
  value: Value
  toDraft: (value: Value) => Draft
  /** Turns the draft into what is saved, or names what is wrong with it. */
  check: (draft: Draft) => { ok: true; value: Checked } | { ok: false; errors: FieldErrors }
  /** Saves and answers with the new saved value, or null when the save was called off. */
  save: (checked: Checked) => Promise<Value | null>
  describeFailure: (failure: unknown) => SaveFailure
  onSaved?: (value: Value) => void
}

export interface DraftForm<Value, Draft> {
  /** The value as last saved (or as last handed in). */
  base: Value
  draft: Draft
  /** Merges a change into the draft; the form is no longer "saved". */
  edit: (change: Partial<Draft>) => void
  errors: FieldErrors
  setErrors: (errors: FieldErrors) => void
  formError: string | null
  setFormError: (message: string | null) => void
  isDirty: boolean
  isSaving: boolean
  isSaved: boolean
  /** The form element; after a failed check or save its first invalid field takes focus. */
  formRef: RefObject<HTMLFormElement | null>
  /** Checks and saves the draft; pass the form's submit event so the page does not reload. */
  submit: (event?: Pick<FormEvent, 'preventDefault'>) => Promise<void>
}

/**
 * The settings-form state machine: a saved base, the draft being edited, field and form errors,
 * dirty and saved flags. A failed save keeps the draft so nothing typed is lost.
 */
export function useDraftForm<Value, Draft, Checked>({
  value,
  toDraft,
  check,
  save,
  describeFailure,
  onSaved,
}: DraftFormOptions<Value, Draft, Checked>): DraftForm<Value, Draft> {
  const formRef = useRef<HTMLFormElement>(null)
  const [base, setBase] = useState(value)
  const [draft, setDraft] = useState<Draft>(() => toDraft(value))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [isSaved, setIsSaved] = useState(false)
  const [isSaving, setIsSaving] = useState(false)
  const isDirty = JSON.stringify(draft) !== JSON.stringify(toDraft(base))

  // A change made elsewhere (another window, a sync) replaces the form unless it has edits.
  if (value !== base) {
    setBase(value)
    if (!isDirty) setDraft(toDraft(value))
  }

  useEffect(() => {
    if (Object.keys(errors).length === 0) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [errors])

  function edit(change: Partial<Draft>) {
    setDraft((current) => ({ ...current, ...change }))
    setIsSaved(false)
  }

  async function submit(event?: Pick<FormEvent, 'preventDefault'>) {
    event?.preventDefault()
    if (isSaving) return
    setFormError(null)
    setIsSaved(false)
    const checked = check(draft)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    setIsSaving(true)
    try {
      const saved = await save(checked.value)
      if (saved === null) return
      setBase(saved)
      setDraft(toDraft(saved))
      setIsSaved(true)
      onSaved?.(saved)
    } catch (failure) {
      const described = describeFailure(failure)
      if ('errors' in described) setErrors(described.errors)
      else setFormError(described.formError)
    } finally {
      setIsSaving(false)
    }
  }

  return {
    base,
    draft,
    edit,
    errors,
    setErrors,
    formError,
    setFormError,
    isDirty,
    isSaving,
    isSaved,
    formRef,
    submit,
  }
}
