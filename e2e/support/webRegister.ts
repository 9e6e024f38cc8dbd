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

export async function startWebRegister(dataDir: string, registerCode = 'E2E'): Promise<WebRegister> {
  const child: ChildProcess = spawn(tsx, ['src/main/web/cli.ts', '--data-dir', dataDir, '--port', '0', '--register-code', registerCode], {
    cwd: projectRoot,
    env: { ...process.env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output.join('')}`)), 30_000)
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      output.push(line)
      const match = /ready: (http:\/\/\S+)/.exec(line)
      if (match?.[1]) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web host exited with ${code}:\n${output.join('\n')}`))
    })
  })
  return {
    url,
    dataDir,
    output,
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null) return resolveStop()
        child.once('exit', () => resolveStop())
        child.kill('SIGTERM')
      }),
  }
}
