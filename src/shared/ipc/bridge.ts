import type {
  EventChannel,
  EventPayload,
  InvokeChannel,
  InvokeInput,
  InvokeOutput,
} from './contract'

/**
 * The whole surface the renderer sees as `window.pos`. The Electron preload and the web host's
 * WebSocket client both implement it; both reject with a PosError on failure.
 */
export interface PosBridge {
  invoke<C extends InvokeChannel>(
    channel: C,
    ...input: undefined extends InvokeInput<C> ? [input?: InvokeInput<C>] : [input: InvokeInput<C>]
  ): Promise<InvokeOutput<C>>
  /** Returns a function that removes the listener. */
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/** The raw transport the preload exposes: results come back as envelopes, not thrown errors. */
export interface RawPosBridge {
  invoke(channel: string, input: unknown): Promise<unknown>
  on(event: string, listener: (payload: unknown) => void): () => void
}
