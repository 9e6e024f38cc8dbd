import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/** A throwaway PostgreSQL 15 cluster on 127.0.0.1, started by the test that needs it. */
export interface PostgresCluster {
  url: string
  stop(): Promise<void>
}

const BIN_DIR = process.env.AURAFLOW_PG_BIN ?? '/usr/lib/postgresql/15/bin'

export function hasPostgres(): boolean {
  return existsSync(path.join(BIN_DIR, 'initdb')) && existsSync(path.join(BIN_DIR, 'pg_ctl'))
}

/**
 * Locally a missing PostgreSQL skips its suite with a message; in CI (CI=true) it fails, so a
 * broken image can never pass by running nothing.
 */
export function postgresAvailability(): { isAvailable: boolean; reason: string } {
  if (hasPostgres()) return { isAvailable: true, reason: '' }
  const reason = `PostgreSQL binaries not found in ${BIN_DIR} (apt-get install postgresql)`
  if (process.env.CI === 'true') throw new Error(`${reason}; CI must run the PostgreSQL suite`)
  console.warn(`[skip] ${reason}: PostgreSQL tests skipped locally`)
  return { isAvailable: false, reason }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

function run(command: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0
  // initdb refuses to run as root: run the server tools as the postgres user.
  const [file, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args]
  const result = spawnSync(file, argv, { encoding: 'utf8' })
  if (result.status !== 0)
    throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`)
}

export interface PostgresOptions {
  /**
   * fsync, synchronous_commit and full_page_writes on, as a store runs it: benches measure this.
   * Tests keep the default, fsync off, which is faster and loses nothing a test needs.
   */
  isDurable?: boolean
  maxConnections?: number
}

export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresCluster> {
  const durability = options.isDurable
    ? '-c fsync=on -c synchronous_commit=on -c full_page_writes=on'
    : '-c fsync=off'
  const root = mkdtempSync(path.join(os.tmpdir(), 'auraflow-pg-'))
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(root, uid, gid)
  }
  const dataDir = path.join(root, 'data')
  run(path.join(BIN_DIR, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'app',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-locale',
    '--no-sync',
  ])
  let lastError: unknown = null
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort()
    try {
      run(path.join(BIN_DIR, 'pg_ctl'), [
        '-D',
        dataDir,
        '-l',
        path.join(root, 'log'),
        '-w',
        '-t',
        '60',
        '-o',
        `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 ${durability} -c max_connections=${options.maxConnections ?? 50}`,
        'start',
      ])
      let isStopped = false
      return {
        url: `postgres://app@127.0.0.1:${port}/postgres`,
        async stop() {
          if (isStopped) return
          isStopped = true
          run(path.join(BIN_DIR, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop'])
          rmSync(root, { recursive: true, force: true })
        },
      }
    } catch (error) {
      // Another process may have taken the port between probe and start: try a new one.
      lastError = error
    }
  }
  rmSync(root, { recursive: true, force: true })
  throw lastError
}
