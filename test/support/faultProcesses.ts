import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'

export const repoRoot = path.resolve(import.meta.dirname, '../..')

/** Children still running: killed when this process exits, so an aborted run leaves none behind. */
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** A child Node process running a TypeScript entry point through tsx, with its output as lines. */
export interface ChildScript {
  readonly child: ChildProcess
  /** Every stdout line so far. */
  readonly lines: string[]
  /** Resolves with the first stdout line matching, or rejects when the process exits first. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>
  readonly exited: Promise<number | null>
  stderr(): string
}

export function spawnScript(
  entry: string,
  env: NodeJS.ProcessEnv,
  args: string[] = [],
): ChildScript {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, entry), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  const lines: string[] = []
  const waiters = new Set<{ pattern: RegExp; resolve: (match: RegExpMatchArray) => void }>()
  let errorText = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    errorText = (errorText + chunk.toString('utf8')).slice(-8_000)
  })
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line)
    for (const waiter of waiters) {
      const match = line.match(waiter.pattern)
      if (match) {
        waiters.delete(waiter)
        waiter.resolve(match)
      }
    }
  })
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  return {
    child,
    lines,
    exited,
    stderr: () => errorText,
    waitForLine(pattern, timeoutMs = 30_000) {
      const earlier = lines.map((line) => line.match(pattern)).find(Boolean)
      if (earlier) return Promise.resolve(earlier)
      return new Promise((resolve, reject) => {
        const waiter = {
          pattern,
          resolve: (match: RegExpMatchArray) => {
            clearTimeout(timer)
            resolve(match)
          },
        }
        const timer = setTimeout(() => {
          waiters.delete(waiter)
          reject(
            new Error(`${entry}: no line matching ${pattern} within ${timeoutMs} ms\n${errorText}`),
          )
        }, timeoutMs)
        waiters.add(waiter)
        void exited.then((code) => {
          if (!waiters.delete(waiter)) return
          clearTimeout(timer)
          reject(new Error(`${entry} exited (${code}) before printing ${pattern}\n${errorText}`))
        })
      })
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}

/** The sync server as its own process (`src/server/cli.ts`) on an ephemeral port. */
export interface ServerProcess extends ChildScript {
  readonly port: number
}

export async function startServerProcess(env: {
  databaseUrl: string
  enrollmentCode: string
  jwtSecret: string
}): Promise<ServerProcess> {
  const script = spawnScript('src/server/cli.ts', {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: env.databaseUrl,
    AURAFLOW_ENROLLMENT_CODE: env.enrollmentCode,
    AURAFLOW_JWT_SECRET: env.jwtSecret,
    LOG_LEVEL: 'error',
  })
  try {
    const match = await script.waitForLine(/listening on http:\/\/127\.0\.0\.1:(\d+)/, 30_000)
    return Object.assign(script, { port: Number(match[1]) })
  } catch (error) {
    await script.kill()
    throw error
  }
}
