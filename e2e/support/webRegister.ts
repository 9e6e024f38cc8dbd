import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

const projectRoot = resolve(import.meta.dirname, '..', '..')
const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx')

/** A web-host register running as its own process, as `npm run web` starts it. */
export interface WebRegister {
  url: string
  dataDir: string
  output: string[]
  stop(): Promise<void>
}

export function makeDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'auraflow-e2e-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface WebRegisterOptions {
  registerCode?: string
  /** Extra CLI flags, e.g. ['--sync-interval-ms', '1000', '--no-realtime']. */
  flags?: string[]
}

export async function startWebRegister(
  dataDir: string,
  options: WebRegisterOptions = {},
): Promise<WebRegister> {
  const args = [
    'src/main/web/cli.ts',
    '--data-dir',
    dataDir,
    '--port',
    '0',
    '--register-code',
    options.registerCode ?? 'E2E',
    ...(options.flags ?? []),
  ]
  const child: ChildProcess = spawn(tsx, args, {
    cwd: projectRoot,
    env: { ...process.env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const url = await waitForLine(child, output, /ready: (http:\/\/\S+)/, 'web host')
  return { url, dataDir, output, stop: () => stopChild(child) }
}

/**
 * Resolves with the first capture of `pattern` in the child's stdout; rejects if it exits first or
 * says nothing matching within `timeoutMs` (a server's first start migrates its database: slow on
 * a busy box).
 */
export function waitForLine(
  child: ChildProcess,
  output: string[],
  pattern: RegExp,
  what: string,
  timeoutMs = 90_000,
): Promise<string> {
  return new Promise<string>((resolveLine, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what} did not start:\n${output.join('\n')}`)),
      timeoutMs,
    )
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      output.push(line)
      const match = pattern.exec(line)
      if (match?.[1]) {
        clearTimeout(timer)
        resolveLine(match[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${what} exited with ${code}:\n${output.join('\n')}`))
    })
  })
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise<void>((resolveStop) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolveStop()
    child.once('exit', () => resolveStop())
    child.kill(signal)
  })
}

export function spawnTsx(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(tsx, args, {
    cwd: projectRoot,
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}
