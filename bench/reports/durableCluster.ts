import { execFile, spawnSync } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { execFileSync } from 'node:child_process'

/**
 * A throwaway PostgreSQL 15 cluster for the report bench, durable: fsync=on and
 * synchronous_commit=on (the tests' harness runs fsync=off). Sized like a small reporting server:
 * shared_buffers 512 MB, work_mem 64 MB, 2 parallel workers per query (this box has 2 cores).
 */

const BIN_DIR = process.env.AURAFLOW_PG_BIN ?? '/usr/lib/postgresql/15/bin'
const execFileAsync = promisify(execFile)

export const DURABLE_SETTINGS = [
  'fsync=on',
  'synchronous_commit=on',
  'full_page_writes=on',
  'shared_buffers=512MB',
  'work_mem=64MB',
  'maintenance_work_mem=256MB',
  'max_wal_size=4GB',
  'max_parallel_workers_per_gather=2',
  'max_connections=50',
]

export interface DurableCluster {
  url: string
  settings: string[]
  stop(): Promise<void>
}

function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args]
}

function run(command: string, args: string[]): void {
  const [file, argv] = asPostgres(command, args)
  const result = spawnSync(file, argv, { encoding: 'utf8' })
  if (result.status !== 0)
    throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`)
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

export async function startDurableCluster(): Promise<DurableCluster> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'auraflow-reports-pg-'))
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(root, uid, gid)
  }
  const dataDir = path.join(root, 'data')
  run(path.join(BIN_DIR, 'initdb'), ['-D', dataDir, '-U', 'app', '--auth=trust', '-E', 'UTF8'])
  const port = await freePort()
  const options = [
    `-p ${port}`,
    `-k ${root}`,
    '-c listen_addresses=127.0.0.1',
    ...DURABLE_SETTINGS.map((setting) => `-c ${setting}`),
  ].join(' ')
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
      options,
      'start',
    ])
  } catch (error) {
    rmSync(root, { recursive: true, force: true })
    throw error
  }
  let isStopped = false
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    settings: DURABLE_SETTINGS,
    async stop() {
      if (isStopped) return
      isStopped = true
      const [file, argv] = asPostgres(path.join(BIN_DIR, 'pg_ctl'), [
        '-D',
        dataDir,
        '-m',
        'fast',
        '-w',
        'stop',
      ])
      await execFileAsync(file, argv).catch(() => undefined)
      rmSync(root, { recursive: true, force: true })
    },
  }
}
