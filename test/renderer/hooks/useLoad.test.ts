// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useLoad } from '../../../src/renderer/src/hooks/useLoad'
import { deferred, installBridge, type FakeBridge } from '../fakeBridge'

let bridge: FakeBridge
beforeEach(() => {
  bridge = installBridge()
})
afterEach(cleanup)

describe('useLoad', () => {
  it('reports loading, then the value read', async () => {
    const answer = deferred<string>()
    const { result } = renderHook(() => useLoad(() => answer.promise, []))
    expect(result.current).toMatchObject({ data: null, error: null, isLoading: true })
    await act(async () => answer.resolve('menu'))
    expect(result.current).toMatchObject({ data: 'menu', error: null, isLoading: false })
  })

  it('drops a slow answer for old deps when the newer one has arrived', async () => {
    const answers = { a: deferred<string>(), b: deferred<string>() }
    const { result, rerender } = renderHook(
      ({ id }: { id: 'a' | 'b' }) => useLoad(() => answers[id].promise, [id]),
      { initialProps: { id: 'a' as 'a' | 'b' } },
    )
    rerender({ id: 'b' })
    await act(async () => answers.b.resolve('order b'))
    await act(async () => answers.a.resolve('order a'))
    expect(result.current.data).toBe('order b')
    expect(result.current.isLoading).toBe(false)
  })

  it('keeps the last value through a reload and shows the describe error when it fails', async () => {
    let reads = 0
    const { result } = renderHook(() =>
      useLoad(
        () =>
          ++reads === 1 ? Promise.resolve(['espresso']) : Promise.reject(new Error('offline')),
        [],
        { describeError: (reason) => `Could not load: ${reason}` },
      ),
    )
    await waitFor(() => expect(result.current.data).toEqual(['espresso']))
    act(() => result.current.reload())
    expect(result.current.isLoading).toBe(true)
    expect(result.current.data).toEqual(['espresso'])
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    expect(result.current.data).toEqual(['espresso'])
    expect(result.current.error).toBe('Could not load: offline')
  })

  it('clears the error once a retry succeeds', async () => {
    let reads = 0
    const { result } = renderHook(() =>
      useLoad(
        () => (++reads === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(7)),
        [],
      ),
    )
    await waitFor(() => expect(result.current.error).toBe('offline'))
    act(() => result.current.reload())
    await waitFor(() => expect(result.current.data).toBe(7))
    expect(result.current.error).toBeNull()
  })

  it('reads again on each reloadOn event and stops listening when unmounted', async () => {
    let reads = 0
    const { result, unmount } = renderHook(() =>
      useLoad(() => Promise.resolve(++reads), [], { reloadOn: ['catalog:changed'] }),
    )
    await waitFor(() => expect(result.current.data).toBe(1))
    act(() => bridge.emit('catalog:changed', { count: 3 }))
    await waitFor(() => expect(result.current.data).toBe(2))
    unmount()
    expect(bridge.listenerCount('catalog:changed')).toBe(0)
  })

  it('reads nothing while disabled', () => {
    let reads = 0
    const { result } = renderHook(() =>
      useLoad(() => Promise.resolve(++reads), [null], { isEnabled: false }),
    )
    expect(result.current).toMatchObject({ data: null, error: null, isLoading: false })
    expect(reads).toBe(0)
  })
})
