import { z } from 'zod'

/** What the browser may send over the bridge socket; anything else closes it. */
export const BridgeRequest = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  input: z.unknown().optional(),
})
