import type { EventChannel, EventPayload } from '../shared/ipc/contract'

export type EventListener<E extends EventChannel> = (payload: EventPayload<E>) => void
export type AnyEventListener = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void

/** Main → renderer events; transports subscribe once with `onAny` and forward everything. */
export interface RegisterEvents {
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void
  onAny(listener: AnyEventListener): () => void
}

export function createRegisterEvents(): RegisterEvents {
  const listeners = new Set<AnyEventListener>()
  return {
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload)
    },
    onAny(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
