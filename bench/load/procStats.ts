import { readdirSync, readFileSync } from 'node:fs'

/** Linux reports CPU times in clock ticks; USER_HZ is 100 on every mainstream architecture. */
const TICKS_PER_SECOND = 100

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)
    return match ? Number(match[1]) : null
  } catch {
    return null
  }
}

/** Resident set size in kB, or null once the process is gone. */
export const readRssKb = (pid: number) => statusField(pid, 'VmRSS')
/** The kernel's high-water mark of the resident set over the process's whole life, in kB. */
export const readPeakRssKb = (pid: number) => statusField(pid, 'VmHWM')

interface ProcStat {
  ppid: number
  /** utime + stime, in seconds. */
  cpuSeconds: number
  /** cutime + cstime: CPU of children already reaped, in seconds. */
  reapedChildrenCpuSeconds: number
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name may contain spaces: fields start after its closing parenthesis.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    const tick = (index: number) => Number(fields[index]) / TICKS_PER_SECOND
    // fields[0] is field 3 (state) of proc(5): utime is field 14, so index 11.
    return {
      ppid: Number(fields[1]),
      cpuSeconds: tick(11) + tick(12),
      reapedChildrenCpuSeconds: tick(13) + tick(14),
    }
  } catch {
    return null
  }
}

export function readCpuSeconds(pid: number): number | null {
  return readStat(pid)?.cpuSeconds ?? null
}

export function parentPid(pid: number): number | null {
  return readStat(pid)?.ppid ?? null
}

/** CPU seconds of a process and all its direct children, living or reaped (PostgreSQL's backends). */
export function readTreeCpuSeconds(rootPid: number): number | null {
  const root = readStat(rootPid)
  if (!root) return null
  let total = root.cpuSeconds + root.reapedChildrenCpuSeconds
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = readStat(Number(entry))
    if (stat?.ppid === rootPid) total += stat.cpuSeconds
  }
  return total
}
