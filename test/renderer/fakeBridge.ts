import { PosError, type RawPosBridge } from '../../src/shared/ipc'

/** What a test sees of the register behind window.pos: it pushes events and counts listeners. */
export interface FakeBridge {
  emit: (event: string, payload: unknown) => void
  listenerCount: (event: string) => number
}

/** How the fake register answers a call: a value, or a thrown PosError as main would send it. */
export type Answer = (channel: string, input: unknown) => unknown

/**
 * Stands in for the preload bridge. Hooks that read through functions the test hands them need
 * only events here, and any call fails loudly; a hook that calls pos.invoke itself gets `answer`'s
 * reply in the envelope main's transport uses, so the renderer still checks it against the
 * contract.
 */
export function installBridge(answer?: Answer): FakeBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const bridge: RawPosBridge = {
    async invoke(channel, input) {
      if (!answer) throw new Error(`unexpected call to ${channel}`)
      try {
        return { ok: true, value: await answer(channel, input) }
      } catch (error) {
        if (error instanceof PosError) return { ok: false, error: error.toData() }
        throw error
      }
    },
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
