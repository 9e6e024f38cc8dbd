import { execFile } from 'node:child_process'
import { readFileSync, readlinkSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { startPostgres } from '../../test/server/support/postgres'
import { postmasterPid } from './database'

export interface LoadCluster {
  url: string
  stop(): Promise<void>
  stopNow(): void
}

const execFileAsync = promisify(execFile)

/**
 * The tests' throwaway cluster (started durable here: fsync, synchronous_commit and
 * full_page_writes on), stopped without blocking the event loop. Its own stop() runs
 * pg_ctl through spawnSync; on Ctrl-C tsx waits only ~60 ms for this process to acknowledge the
 * signal before it SIGKILLs it, so a blocked loop would leave the cluster's directory behind.
 * The synchronous stop stays as the last resort for the exit handler.
 */
export async function startLoadCluster(
  options: { isFsyncOff?: boolean } = {},
): Promise<LoadCluster> {
  // Durable, as a store runs it; fsync=off only for the extra, labelled phase.
  const cluster = await startPostgres({ isDurable: !options.isFsyncOff, maxConnections: 100 })
  let isDone = false
  const pid = await postmasterPid(cluster.url).catch(() => null)
  // The postmaster's command line names the data directory; its binary sits next to pg_ctl.
  const args = pid === null ? [] : readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
  const dataDir = args[args.indexOf('-D') + 1]
  const pgCtl =
    pid === null ? null : path.join(path.dirname(readlinkSync(`/proc/${pid}/exe`)), 'pg_ctl')
  return {
    url: cluster.url,
    async stop() {
      if (isDone) return
      if (!dataDir || !pgCtl || args.indexOf('-D') < 0) {
        await cluster.stop()
        isDone = true
        return
      }
      const command = [pgCtl, '-D', dataDir, '-m', 'fast', '-w', 'stop']
      // initdb and pg_ctl refuse root: the cluster belongs to the postgres user then.
      const [file, argv] =
        process.getuid?.() === 0
          ? ['runuser', ['-u', 'postgres', '--', ...command]]
          : [command[0]!, command.slice(1)]
      await execFileAsync(file, argv)
      await rm(path.dirname(dataDir), { recursive: true, force: true })
      isDone = true
    },
    stopNow() {
      if (isDone) return
      isDone = true
      // Synchronous inside (spawnSync), so it completes even from the exit handler.
      cluster.stop().catch(() => undefined)
    },
  }
}
