// @vitest-environment happy-dom
import { cleanup, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  isTypingTarget,
  useRegisterShortcuts,
} from '../../../../src/renderer/src/features/register/registerShortcuts'

afterEach(() => {
  cleanup()
  document.body.innerHTML = ''
})

function press(key: string, target: EventTarget = window) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
}

function renderShortcuts(isIdle: boolean, canPay: boolean) {
  const search = document.createElement('input')
  document.body.append(search)
  const onPay = vi.fn()
  const onPark = vi.fn()
  renderHook(() =>
    useRegisterShortcuts(isIdle, {
      searchRef: { current: search },
      onPay: canPay ? onPay : null,
      onPark,
    }),
  )
  return { search, onPay, onPark }
}

describe('register shortcuts', () => {
  it('F4 pays and F8 parks while the register is idle', () => {
    const { onPay, onPark } = renderShortcuts(true, true)
    press('F4')
    press('F8')
    expect(onPay).toHaveBeenCalledTimes(1)
    expect(onPark).toHaveBeenCalledTimes(1)
  })

  it('F4 does nothing with nothing to pay for', () => {
    const { onPay } = renderShortcuts(true, false)
    press('F4')
    expect(onPay).not.toHaveBeenCalled()
  })

  it('leaves the keys alone while a dialog is open or the register is hidden', () => {
    const busy = renderShortcuts(false, true)
    press('F4')
    expect(busy.onPay).not.toHaveBeenCalled()
    cleanup()
    const idle = renderShortcuts(true, true)
    const dialog = document.createElement('dialog')
    dialog.setAttribute('open', '')
    document.body.append(dialog)
    press('F4')
    expect(idle.onPay).not.toHaveBeenCalled()
  })

  it('F2 puts the cursor in search', () => {
    const { search } = renderShortcuts(true, true)
    search.blur()
    press('F2')
    expect(document.activeElement).toBe(search)
  })

  it('treats text fields as typing but buttons and checkboxes not', () => {
    const text = document.createElement('input')
    const checkbox = document.createElement('input')
    checkbox.type = 'checkbox'
    expect(isTypingTarget(text)).toBe(true)
    expect(isTypingTarget(checkbox)).toBe(false)
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true)
    expect(isTypingTarget(document.createElement('button'))).toBe(false)
  })
})
