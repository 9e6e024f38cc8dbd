// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useDraftForm, type DraftFormOptions } from '../../../src/renderer/src/hooks/useDraftForm'

interface Limits {
  discountPercent: number
}
interface LimitsDraft {
  discountPercent: string
}

afterEach(cleanup)

function renderForm(overrides: Partial<DraftFormOptions<Limits, LimitsDraft, Limits>> = {}) {
  const saved: Limits[] = []
  const options: DraftFormOptions<Limits, LimitsDraft, Limits> = {
    value: { discountPercent: 10 },
    toDraft: (value) => ({ discountPercent: String(value.discountPercent) }),
    check: (draft) => {
      const percent = Number(draft.discountPercent)
      return Number.isInteger(percent) && percent >= 0 && percent <= 100
        ? { ok: true, value: { discountPercent: percent } }
        : { ok: false, errors: { discountPercent: 'Enter a whole percent from 0 to 100' } }
    },
    save: (checked) => Promise.resolve(checked),
    describeFailure: (failure) => ({ formError: `Could not save: ${String(failure)}` }),
    onSaved: (value) => saved.push(value),
    ...overrides,
  }
  const hook = renderHook((props: { value: Limits }) => useDraftForm({ ...options, ...props }), {
    initialProps: { value: options.value },
  })
  return { ...hook, saved }
}

describe('useDraftForm', () => {
  it('is dirty after an edit and clean again when edited back', () => {
    const { result } = renderForm()
    expect(result.current.isDirty).toBe(false)
    act(() => result.current.edit({ discountPercent: '15' }))
    expect(result.current.isDirty).toBe(true)
    act(() => result.current.edit({ discountPercent: '10' }))
    expect(result.current.isDirty).toBe(false)
  })

  it('saves a valid draft, reports saved and becomes the new base', async () => {
    const { result, saved } = renderForm()
    act(() => result.current.edit({ discountPercent: '25' }))
    await act(() => result.current.submit())
    expect(saved).toEqual([{ discountPercent: 25 }])
    expect(result.current).toMatchObject({ isSaved: true, isDirty: false, isSaving: false })
    act(() => result.current.edit({ discountPercent: '30' }))
    expect(result.current.isSaved).toBe(false)
  })

  it('shows field errors for an invalid draft and does not save it', async () => {
    const { result, saved } = renderForm()
    act(() => result.current.edit({ discountPercent: '150' }))
    await act(() => result.current.submit())
    expect(result.current.errors).toEqual({
      discountPercent: 'Enter a whole percent from 0 to 100',
    })
    expect(saved).toEqual([])
  })

  it('keeps the draft and explains a failed save', async () => {
    const { result, saved } = renderForm({ save: () => Promise.reject(new Error('offline')) })
    act(() => result.current.edit({ discountPercent: '20' }))
    await act(() => result.current.submit())
    expect(result.current.draft).toEqual({ discountPercent: '20' })
    expect(result.current.formError).toBe('Could not save: Error: offline')
    expect(result.current).toMatchObject({ isDirty: true, isSaved: false, isSaving: false })
    expect(saved).toEqual([])
  })

  it('places a failure main names a field for beside that field', async () => {
    const { result } = renderForm({
      save: () => Promise.reject(new Error('too generous')),
      describeFailure: () => ({ errors: { discountPercent: 'Above the store limit' } }),
    })
    await act(() => result.current.submit())
    expect(result.current.errors).toEqual({ discountPercent: 'Above the store limit' })
    expect(result.current.formError).toBeNull()
  })

  it('leaves the form as it was when the save is called off (approval declined)', async () => {
    const { result } = renderForm({ save: () => Promise.resolve(null) })
    act(() => result.current.edit({ discountPercent: '40' }))
    await act(() => result.current.submit())
    expect(result.current).toMatchObject({ isSaved: false, isDirty: true })
  })

  it('takes a value changed elsewhere only while the draft has no edits', () => {
    const { result, rerender } = renderForm()
    rerender({ value: { discountPercent: 12 } })
    expect(result.current.draft).toEqual({ discountPercent: '12' })
    act(() => result.current.edit({ discountPercent: '50' }))
    rerender({ value: { discountPercent: 14 } })
    expect(result.current.draft).toEqual({ discountPercent: '50' })
  })
})
