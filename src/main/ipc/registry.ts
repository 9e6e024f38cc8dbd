import type { z } from 'zod'
import {
  invokeContract,
  isInvokeChannel,
  type InvokeChannel,
  type InvokeOutput,
  type InvokeParsedInput,
} from '../../shared/ipc/contract'
import { channelAccess } from '../../shared/ipc/access'
import { PosError, type InvokeResult } from '../../shared/ipc/errors'
import type { Actor } from '../services/authority'

export type Handler<C extends InvokeChannel> = (
  input: InvokeParsedInput<C>,
) => InvokeOutput<C> | Promise<InvokeOutput<C>>
export type Handlers = { [C in InvokeChannel]: Handler<C> }

export interface HandlerRegistry {
  /**
   * Runs one call from any transport (Electron IPC, the web host's WebSocket, tests): checks the
   * channel and who may call it, parses the input against the contract, runs the handler and
   * checks its output.
   */
  dispatch(channel: unknown, input: unknown): Promise<InvokeResult<unknown>>
}

export interface RegistryOptions {
  /** Who is signed in now: each channel's access (src/shared/ipc/access.ts) is checked against it. */
  signedIn: () => Actor | null
  /** Unexpected failures (bugs, disk errors) are logged here; the caller only sees INTERNAL. */
  onInternalError?: (channel: string, error: unknown) => void
}

/** Refuses a call the channel's access does not allow, before its input is even read. */
function checkAccess(channel: InvokeChannel, actor: Actor | null): void {
  const access = channelAccess(channel)
  if (access === 'public') return
  if (!actor) throw new PosError('SIGN_IN_REQUIRED', 'Sign in with your PIN first.')
  if (access === 'manager' && actor.role === 'cashier')
    throw new PosError('FORBIDDEN', `${actor.name} is a cashier; a manager must do this.`)
}

function describeIssue(error: z.ZodError): { message: string; path: string } {
  const issue = error.issues[0]
  const path = issue ? issue.path.map(String).join('.') : ''
  return { message: issue ? `${path || 'input'}: ${issue.message}` : 'Invalid input', path }
}

export function createHandlerRegistry(
  handlers: Handlers,
  options: RegistryOptions,
): HandlerRegistry {
  async function run<C extends InvokeChannel>(
    channel: C,
    rawInput: unknown,
  ): Promise<InvokeResult<InvokeOutput<C>>> {
    checkAccess(channel, options.signedIn())
    const entry = invokeContract[channel]
    const parsed = entry.input.safeParse(rawInput)
    if (!parsed.success) {
      const { message, path } = describeIssue(parsed.error)
      return { ok: false, error: new PosError('VALIDATION_FAILED', message, path).toData() }
    }
    const handler = handlers[channel] as Handler<C>
    const value = await handler(parsed.data as InvokeParsedInput<C>)
    const checked = entry.output.safeParse(value)
    if (!checked.success)
      throw new Error(`Handler for ${channel} broke its contract: ${checked.error.message}`)
    return { ok: true, value: checked.data as InvokeOutput<C> }
  }

  return {
    async dispatch(channel, input) {
      if (!isInvokeChannel(channel)) {
        return {
          ok: false,
          error: new PosError(
            'UNKNOWN_CHANNEL',
            `Unknown channel: ${String(channel).slice(0, 80)}`,
          ).toData(),
        }
      }
      try {
        return await run(channel, input)
      } catch (error) {
        if (error instanceof PosError) return { ok: false, error: error.toData() }
        options.onInternalError?.(channel, error)
        return {
          ok: false,
          error: new PosError(
            'INTERNAL',
            'The register could not finish this request. See the register log for details.',
          ).toData(),
        }
      }
    },
  }
}
