import { spawn } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const cliPath = path.resolve(import.meta.dirname, '../../src/server/cli.ts')
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'auraflow-cli-'))
/** Each CLI run starts tsx and opens PGlite: up to tens of seconds on two busy cores. */
const CLI_TEST_TIMEOUT_MS = 120_000

interface CliProcess {
  child: ChildProcessWithoutNullStreams
  /** Resolves with the first match of `pattern` in everything printed so far or later. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>
  stderr(): string
}

/** Every process this file started, so a failed test cannot leave a server running. */
const started = new Set<ChildProcessWithoutNullStreams>()

function runCli(args: string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', cliPath, ...args], {
    env: { ...process.env, AURAFLOW_SERVER_DATA: dataDir, PORT: '0', LOG_LEVEL: 'warn', ...env },
  })
  started.add(child)
  let output = ''
  let errors = ''
  const waiters = new Set<() => void>()
  child.stdout.on('data', (chunk) => {
    output += String(chunk)
    for (const waiter of waiters) waiter()
  })
  child.stderr.on('data', (chunk) => (errors += String(chunk)))
  return {
    child,
    stderr: () => errors,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern)
          if (match) {
            waiters.delete(check)
            resolve(match)
          }
        }
        waiters.add(check)
        check()
        child.once('exit', (code) =>
          reject(new Error(`exited ${code} before ${pattern}: ${output} ${errors}`)),
        )
      }),
  }
}

const exitCode = ({ child }: CliProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve),
  )

async function enrollWith(url: string, code: string): Promise<number> {
  const response = await fetch(`${url}/api/auth/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      enrollmentCode: code,
      deviceId: randomUUID(),
      name: 'CLI test',
      fingerprint: 'fp',
    }),
  })
  return response.status
}

describe('server CLI on PGlite', () => {
  afterAll(() => {
    for (const child of started)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  })

  it(
    'starts on an empty data directory, prints its URL and enrollment code, and stops on SIGTERM',
    async () => {
      const server = runCli([])
      const [, url] = await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/)
      const [, code] = await server.waitFor(/Enrollment code for store DEMO: (\S+)/)
      // No admin yet: a one-time link opens the first-run set-up in the browser.
      const [, setupUrl] = await server.waitFor(/^\s+(http:\/\/\S+\/setup\?token=[\w-]{40,})$/m)
      expect(setupUrl!.startsWith(`${url}/setup?token=`)).toBe(true)
      const status = await fetch(`${url}/api/backoffice/setup`)
      expect(await status.json()).toEqual({ isSetupNeeded: true })
      expect((await fetch(`${url}/readyz`)).status).toBe(200)
      expect(await enrollWith(url!, code!)).toBe(200)
      // The printed code is one-time.
      expect(await enrollWith(url!, code!)).toBe(401)
      // PGlite is single-process: a second process on the same data directory is refused.
      const intruder = runCli(['enrollment-code', '--store', 'DEMO'])
      expect(await exitCode(intruder)).toBe(1)
      expect(intruder.stderr()).toMatch(/in use by process/)
      server.child.kill('SIGTERM')
      expect(await exitCode(server)).toBe(0)
    },
    CLI_TEST_TIMEOUT_MS,
  )

  it(
    'prints a new code with enrollment-code --store, creates an admin, and accepts AURAFLOW_ENROLLMENT_CODE',
    async () => {
      const issuer = runCli(['enrollment-code', '--store', 'DEMO'])
      const [, issued] = await issuer.waitFor(/^([A-Z0-9]{5}-[A-Z0-9]{5})$/m)
      expect(await exitCode(issuer)).toBe(0)
      const admin = runCli(
        [
          'create-admin',
          '--email',
          'Boss@Example.test',
          '--role',
          'store_manager',
          '--store',
          'DEMO',
        ],
        { AURAFLOW_ADMIN_PASSWORD: 'pass-phrase-1' },
      )
      await admin.waitFor(/admin boss@example\.test password: pass-phrase-1/)
      expect(await exitCode(admin)).toBe(0)
      const server = runCli([], { AURAFLOW_ENROLLMENT_CODE: 'SCRIPTED-CODE-1' })
      const [, url] = await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/)
      expect(await enrollWith(url!, issued!)).toBe(200)
      expect(await enrollWith(url!, 'SCRIPTED-CODE-1')).toBe(200)
      expect(await enrollWith(url!, 'SCRIPTED-CODE-1')).toBe(200)
      const login = await fetch(`${url}/api/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'boss@example.test', password: 'pass-phrase-1' }),
      })
      expect(login.status).toBe(200)
      const { accessToken } = (await login.json()) as { accessToken: string }
      const stats = await fetch(`${url}/api/sync/stats`, {
        headers: { authorization: `Bearer ${accessToken}` },
      })
      expect(((await stats.json()) as { devices: unknown[] }).devices).toHaveLength(4)
      server.child.kill('SIGTERM')
      expect(await exitCode(server)).toBe(0)
    },
    CLI_TEST_TIMEOUT_MS,
  )

  it(
    'takes --help, --port and --host, and creates a second store with create-store',
    async () => {
      const help = runCli(['--help'])
      await help.waitFor(/Usage: npm run server -- \[command\]/)
      expect(await exitCode(help)).toBe(0)
      const badPort = runCli(['--port', 'eighty'])
      expect(await exitCode(badPort)).toBe(1)
      expect(badPort.stderr()).toMatch(/--port must be 0\.\.65535/)
      const created = runCli(['create-store', '--code', 'NORTH', '--name', 'North street'])
      const [, code] = await created.waitFor(/Enrollment code for store NORTH: (\S+)/)
      expect(await exitCode(created)).toBe(0)
      const taken = runCli(['create-store', '--code', 'NORTH', '--name', 'Again'])
      expect(await exitCode(taken)).toBe(1)
      expect(taken.stderr()).toMatch(/NORTH is taken/)
      // The flags win over PORT/HOST from the environment.
      const server = runCli(['--port', '0', '--host', '127.0.0.1'], { PORT: '1', HOST: '0.0.0.0' })
      const [, url] = await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/)
      expect(await enrollWith(url!, code!)).toBe(200)
      server.child.kill('SIGTERM')
      expect(await exitCode(server)).toBe(0)
    },
    3 * CLI_TEST_TIMEOUT_MS,
  )
})
