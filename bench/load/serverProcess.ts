import { spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { request } from 'undici'
import type { ServerLogLevel } from './options'
import { readCpuSeconds, readPeakRssKb, readRssKb } from './procStats'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const CLI = path.join(REPO_ROOT, 'src/server/cli.ts')
const START_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 10_000
const RSS_SAMPLE_MS = 250

export interface ServerProcessOptions {
  name: string
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string }
  logPath: string
  logLevel: ServerLogLevel
  cpuProfileDir: string | null
}

export interface ServerProcess {
  name: string
  pid: number
  origin: string
  logPath: string
  /** Starts sampling VmRSS every 250 ms; the peak is what `stopSampling` returns. */
  startSampling(): void
  stopSampling(): { peakRssKb: number; lastRssKb: number; samples: number }
  cpuSeconds(): number | null
  /** VmHWM: the peak over the process's whole life, start-up included. */
  lifetimePeakRssKb(): number | null
  /** The process died on its own: the exit, for the report. */
  unexpectedExit(): string | null
  /** SIGTERM (a graceful close, which also writes the CPU profile), SIGKILL after 10 s. */
  stop(): Promise<void>
  stopNow(): void
  logTail(lines?: number): string
}

/**
 * The production entry point, `src/server/cli.ts`, as its own process: started by node with tsx
 * as a loader (not the tsx binary, which would put a wrapper process between us and the server
 * and make VmRSS and CPU the wrapper's). Output goes to a log file, not a pipe to this process.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: options.logLevel,
  }
  // Tokens were signed with the secret stored in the database: an inherited one would reject them.
  delete env.AURAFLOW_JWT_SECRET
  delete env.AURAFLOW_ENROLLMENT_CODE
  delete env.DATABASE_URL
  delete env.AURAFLOW_SERVER_DATA
  if (options.database.kind === 'postgres') env.DATABASE_URL = options.database.url
  else env.AURAFLOW_SERVER_DATA = options.database.dataDir

  const profileArgs = options.cpuProfileDir
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${options.cpuProfileDir}`,
        `--cpu-prof-name=${options.name}.cpuprofile`,
      ]
    : []
  const logFd = openSync(options.logPath, 'w')
  const child = spawn(process.execPath, [...profileArgs, '--import', 'tsx', CLI], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', logFd, logFd],
  })
  closeSync(logFd)
  if (child.pid === undefined) throw new Error(`${options.name}: spawn failed`)
  const pid = child.pid
  let exit: string | null = null
  let isStopping = false
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      if (!isStopping) exit = `exited on its own (code ${code}, signal ${signal})`
      resolve()
    }),
  )

  const logTail = (lines = 20) => {
    try {
      return readFileSync(options.logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
    } catch {
      return '(no log)'
    }
  }
  const stopNow = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }

  let origin: string
  try {
    origin = await waitForListening(options, () => exit, logTail)
  } catch (error) {
    stopNow()
    throw error
  }

  let sampler: NodeJS.Timeout | null = null
  let peakRssKb = 0
  let lastRssKb = 0
  let samples = 0
  const sample = () => {
    const rss = readRssKb(pid)
    if (rss === null) return
    lastRssKb = rss
    peakRssKb = Math.max(peakRssKb, rss)
    samples += 1
  }

  return {
    name: options.name,
    pid,
    origin,
    logPath: options.logPath,
    startSampling() {
      sample()
      sampler = setInterval(sample, RSS_SAMPLE_MS)
    },
    stopSampling() {
      if (sampler) clearInterval(sampler)
      sampler = null
      sample()
      return { peakRssKb, lastRssKb, samples }
    },
    cpuSeconds: () => readCpuSeconds(pid),
    lifetimePeakRssKb: () => readPeakRssKb(pid),
    unexpectedExit: () => exit,
    async stop() {
      if (sampler) clearInterval(sampler)
      isStopping = true
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const isExited = await Promise.race([
        exited.then(() => true),
        sleep(STOP_TIMEOUT_MS).then(() => false),
      ])
      if (!isExited) {
        stopNow()
        await exited
      }
    },
    stopNow,
    logTail,
  }
}

/** The CLI prints its address once listening; then /readyz says whether migrations are in. */
async function waitForListening(
  options: ServerProcessOptions,
  exit: () => string | null,
  logTail: () => string,
): Promise<string> {
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    const failure = exit()
    if (failure) throw new Error(`${options.name} ${failure}:\n${logTail()}`)
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(
      readFileSync(options.logPath, 'utf8'),
    )
    if (match) {
      const origin = match[1]!
      const response = await request(`${origin}/readyz`)
      await response.body.dump()
      if (response.statusCode === 200) return origin
    }
    await sleep(100)
  }
  throw new Error(
    `${options.name} did not start within ${START_TIMEOUT_MS / 1000} s:\n${logTail()}`,
  )
}
