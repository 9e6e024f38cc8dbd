import type { RegisterCore } from '../../src/main/core'
import type { RunningServer } from '../../src/server/main'
import type { ServerQuery } from './faultInvariant'
import type { FaultProxy } from './faultProxy'
import { openEnrolledRegister, type FaultRegisterInput } from './faultRegisters'

/** What a fault scenario gets from the suite that runs it. */
export interface FaultSuite {
  /** The in-process sync server (PGlite in memory). */
  readonly server: RunningServer
  readonly query: ServerQuery
  readonly seed: number
  /** AURAFLOW_FAULTS: the number of faults the whole suite must inject. */
  readonly budget: number
  /** The suite's one seeded generator: faults, sales and jitter all draw from it. */
  random(): number
  tempDir(): string
  /** Registers handed here are closed after the test. */
  keep(core: RegisterCore): RegisterCore
  /** A fault proxy in front of the in-process server (or `port`); stopped and counted after the test. */
  proxyToServer(port?: number): Promise<FaultProxy>
  /** Runs after the test even if it timed out: stops processes and clusters a scenario started. */
  onCleanup(cleanup: () => Promise<void>): void
  /** Faults that are not the proxy's: a process killed. */
  countKill(kind: 'serverKill' | 'registerKill'): void
  totalInjected(): number
}

/** Opens and enrolls one register per code, each on its own data folder. */
export async function openRegisters(
  suite: FaultSuite,
  codes: readonly string[],
  input: Pick<FaultRegisterInput, 'serverUrl' | 'enrollmentCode'> &
    Partial<Pick<FaultRegisterInput, 'sync'>> & { nowFor?: (code: string) => () => Date },
): Promise<RegisterCore[]> {
  const registers: RegisterCore[] = []
  for (const registerCode of codes) {
    const now = input.nowFor?.(registerCode)
    const core = await openEnrolledRegister({
      dir: suite.tempDir(),
      registerCode,
      serverUrl: input.serverUrl,
      enrollmentCode: input.enrollmentCode,
      random: () => suite.random(),
      ...(now ? { now } : {}),
      ...(input.sync ? { sync: input.sync } : {}),
    })
    registers.push(suite.keep(core))
  }
  return registers
}

/** Decodes a register's pull cursor (the server's opaque token) to the sequence it holds. */
export function cursorSeq(core: RegisterCore): number {
  const row = core.database.sqlite.prepare('select pull_cursor as cursor from sync_state').get() as
    { cursor: string | null } | undefined
  if (!row?.cursor) return 0
  return (JSON.parse(Buffer.from(row.cursor, 'base64url').toString('utf8')) as { q: number }).q
}

/** Orders (rows, not outbox entries) a register holds. */
export function orderCount(core: RegisterCore): number {
  return (core.database.sqlite.prepare('select count(*) as n from orders').get() as { n: number }).n
}
