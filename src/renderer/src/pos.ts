import {
  eventContract,
  invokeContract,
  PosError,
  PosErrorShape,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type InvokeInput,
  type InvokeOutput,
  type PosBridge,
  type RawPosBridge,
} from '../../shared/ipc'
import { z } from 'zod'
import { i18n } from './i18n'

// The transport hands back an envelope; anything else means the bridge itself is broken.
const Envelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: PosErrorShape }),
])

function rawBridge(): RawPosBridge {
  if (!window.pos) {
    throw new PosError('INTERNAL', i18n.t('common:errors.notConnected'))
  }
  return window.pos
}

async function invoke<C extends InvokeChannel>(
  channel: C,
  input: InvokeInput<C> | undefined,
): Promise<InvokeOutput<C>> {
  let raw: unknown
  try {
    raw = await rawBridge().invoke(channel, input)
  } catch (error) {
    // The transport should answer with an envelope; a thrown error still reaches callers typed.
    if (error instanceof PosError) throw error
    throw new PosError(
      'INTERNAL',
      error instanceof Error ? error.message : i18n.t('common:errors.callFailed', { channel }),
    )
  }
  const reply = Envelope.safeParse(raw)
  if (!reply.success)
    throw new PosError('INTERNAL', i18n.t('common:errors.unreadableReply', { channel }))
  if (!reply.data.ok) throw PosError.fromData(reply.data.error)
  // Checking the value against the contract keeps a mismatched main from showing wrong numbers.
  const value = invokeContract[channel].output.safeParse(reply.data.value)
  if (!value.success)
    throw new PosError('INTERNAL', i18n.t('common:errors.unexpectedReply', { channel }))
  // safeParse on the union of every channel's schema loses the link to C; the schema is C's.
  return value.data as InvokeOutput<C>
}

function on<E extends EventChannel>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return rawBridge().on(event, (payload) => {
    const parsed = eventContract[event].safeParse(payload)
    if (!parsed.success) {
      console.error(`Ignored a malformed ${event} event from the register`, parsed.error)
      return
    }
    // As in invoke: the union of every event's schema loses the link to E; the schema is E's.
    listener(parsed.data as EventPayload<E>)
  })
}

/** The typed `window.pos`: resolves to the channel's value or rejects with a PosError. */
export const pos: PosBridge = {
  invoke: (channel, ...input) => invoke(channel, input[0]),
  on,
}

/** A sentence for the cashier from anything a call or the money engine threw. */
export function errorMessage(error: unknown): string {
  // Main explains itself in English; another language gets the translation of the error's code.
  if (error instanceof PosError && i18n.language !== 'en') {
    const key = `common:errors.codes.${error.code}`
    if (i18n.exists(key)) return i18n.t(key)
  }
  if (error instanceof Error && error.message) return error.message
  return i18n.t('common:errors.generic')
}
