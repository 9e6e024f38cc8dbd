/** Seeded randomness and fault plans for the fault proxy: a failing run is replayed from its seed. */

/** mulberry32: tiny, fast, good enough to pick faults; the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** AURAFLOW_FAULT_SEED replays a run; otherwise a fresh seed, printed by the suite. */
export function faultSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.AURAFLOW_FAULT_SEED
  if (given && /^\d+$/.test(given)) return Number(given) >>> 0
  return Math.floor(Math.random() * 2 ** 32) >>> 0
}

/** AURAFLOW_FAULTS: total faults a default run injects (≥ 1,000); raise it for longer soak runs. */
export function faultBudget(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.AURAFLOW_FAULTS)
  return Number.isFinite(given) && given > 0 ? Math.floor(given) : 1_000
}

/** Deadlines and test timeouts grow with the budget, so a long soak run is not cut short. */
export function faultTimeScale(budget: number): number {
  return Math.max(1, budget / 1_000)
}

/**
 * What the proxy does to one HTTP exchange (request + reply) on a connection:
 * - delay: hold the request for `ms` before the server sees it;
 * - delayReply: the server answers at once, the answer reaches the client `ms` later (replies
 *   to concurrent requests arrive out of order; past the client's timeout the reply is lost);
 * - cutRequest: forward part of the request, then cut both sides (the server never commits);
 * - cutBeforeReply: forward the whole request, and cut when the reply starts — the server
 *   committed, the client never learns it;
 * - cutMidReply: the reply starts reaching the client and is cut half-way through;
 * - blackhole: swallow the request and never answer (the client's timeout fires).
 */
export type ExchangeFault =
  | { kind: 'pass' }
  | { kind: 'delay'; ms: number }
  | { kind: 'delayReply'; ms: number }
  | { kind: 'cutRequest' }
  | { kind: 'cutBeforeReply' }
  | { kind: 'cutMidReply' }
  | { kind: 'blackhole' }

/** At accept: take the connection, or close it at once (the register sees a refused connection). */
export type ConnectFault = { kind: 'accept' } | { kind: 'refuse' }

export type FaultKind = Exclude<ExchangeFault['kind'] | ConnectFault['kind'], 'pass' | 'accept'>
export const faultKinds: readonly FaultKind[] = [
  'refuse',
  'delay',
  'delayReply',
  'cutRequest',
  'cutBeforeReply',
  'cutMidReply',
  'blackhole',
]

export interface ExchangeInfo {
  connectionId: number
  /** 0 for the first request on a connection. */
  index: number
  method: string
  path: string
}

export interface FaultPlan {
  connect(): ConnectFault
  exchange(info: ExchangeInfo): ExchangeFault
}

export const passPlan: FaultPlan = {
  connect: () => ({ kind: 'accept' }),
  exchange: () => ({ kind: 'pass' }),
}
export const refusePlan: FaultPlan = {
  connect: () => ({ kind: 'refuse' }),
  exchange: () => ({ kind: 'cutRequest' }),
}

/** Relative weights of each fault; `pass` is the share of exchanges left alone. */
export interface FaultMix {
  pass: number
  refuse: number
  delay: number
  delayReply: number
  cutRequest: number
  cutBeforeReply: number
  cutMidReply: number
  blackhole: number
  /** Delays are drawn uniformly up to this many ms. */
  maxDelayMs: number
}

export const defaultMix: FaultMix = {
  pass: 30,
  refuse: 14,
  delay: 7,
  delayReply: 6,
  cutRequest: 12,
  cutBeforeReply: 18,
  cutMidReply: 12,
  blackhole: 1.5,
  maxDelayMs: 40,
}

/** Draws every decision from one seeded generator, so the sequence of faults is reproducible. */
export function randomPlan(random: () => number, mix: FaultMix = defaultMix): FaultPlan {
  const exchangeKinds = [
    'pass',
    'delay',
    'delayReply',
    'cutRequest',
    'cutBeforeReply',
    'cutMidReply',
    'blackhole',
  ] as const
  const exchangeTotal = exchangeKinds.reduce((sum, kind) => sum + mix[kind], 0)
  const refuseShare = mix.refuse / (exchangeTotal + mix.refuse)
  return {
    connect: () => (random() < refuseShare ? { kind: 'refuse' } : { kind: 'accept' }),
    exchange: () => {
      let pick = random() * exchangeTotal
      for (const kind of exchangeKinds) {
        pick -= mix[kind]
        if (pick >= 0) continue
        if (kind === 'delay' || kind === 'delayReply')
          return { kind, ms: 1 + Math.floor(random() * mix.maxDelayMs) }
        return { kind }
      }
      return { kind: 'pass' }
    },
  }
}
