// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useSubscribedLoad } from '../../../src/renderer/src/hooks/useSubscribedLoad'
import { deferred, installBridge, type FakeBridge } from '../fakeBridge'

type PrintChange = { printerIds: string[] }

let bridge: FakeBridge
beforeEach(() => {
  bridge = installBridge()
})
afterEach(cleanup)

describe('useSubscribedLoad', () => {
  it('shows the read value, then each pushed one', async () => {
    const { result } = renderHook(() =>
      useSubscribedLoad(() => Promise.resolve({ printerIds: ['read'] }), 'print:changed'),
    )
    await waitFor(() => expect(result.current.data).toEqual({ printerIds: ['read'] }))
    act(() => bridge.emit('print:changed', { printerIds: ['pushed'] }))
    expect(result.current.data).toEqual({ printerIds: ['pushed'] })
  })

  it('keeps an event that arrived before the first read answered', async () => {
    const read = deferred<PrintChange>()
    const { result } = renderHook(() => useSubscribedLoad(() => read.promise, 'print:changed'))
    act(() => bridge.emit('print:changed', { printerIds: ['newer'] }))
    await act(async () => read.resolve({ printerIds: ['older'] }))
    expect(result.current.data).toEqual({ printerIds: ['newer'] })
    expect(result.current.isLoading).toBe(false)
  })

  it('reports a failed read, and a pushed value clears the failure', async () => {
    const seen: PrintChange[] = []
    const { result } = renderHook(() =>
      useSubscribedLoad(
        () => Promise.reject(new Error('register offline')),
        'print:changed',
        (value) => seen.push(value),
      ),
    )
    await waitFor(() => expect(result.current.error).toBe('register offline'))
    act(() => bridge.emit('print:changed', { printerIds: ['back'] }))
    expect(result.current.error).toBeNull()
    expect(seen).toEqual([{ printerIds: ['back'] }])
  })

  it('applies a value handed to update, and unsubscribes on unmount', () => {
    const { result, unmount } = renderHook(() =>
      useSubscribedLoad(() => new Promise<PrintChange>(() => undefined), 'print:changed'),
    )
    act(() => result.current.update({ printerIds: ['saved'] }))
    expect(result.current.data).toEqual({ printerIds: ['saved'] })
    unmount()
    expect(bridge.listenerCount('print:changed')).toBe(0)
  })
})
