import type { RawPosBridge } from '../../src/shared/ipc'

/** What a test sees of the register behind window.pos: it pushes events and counts listeners. */
export interface FakeBridge {
  emit: (event: string, payload: unknown) => void
  listenerCount: (event: string) => number
}

/**
 * Stands in for the preload bridge: hooks under test read through functions the test hands
 * them, so only events need a register here. Calls to invoke fail loudly.
 */
export function installBridge(): FakeBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const bridge: RawPosBridge = {
    invoke: (channel) => Promise.reject(new Error(`unexpected call to ${channel}`)),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
  }
  Object.defineProperty(window, 'pos', { value: bridge, configurable: true })
  return {
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  }
}

/** A promise the test settles when it chooses, to order answers the way a slow register would. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve
    reject = onReject
  })
  return { promise, resolve, reject }
}
