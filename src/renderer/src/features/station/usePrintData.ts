import { useCallback, useEffect, useState } from 'react'
import type { EventChannel, InvokeInput, InvokeOutput } from '../../../../shared/ipc'
import { useLoad } from '../../hooks/useLoad'
import { pos } from '../../pos'

export type PrintJob = InvokeOutput<'print:listJobs'>[number]
export type PrinterStatus = InvokeOutput<'print:getStatus'>[number]

export interface Polled<T> {
  data: T | null
  error: string | null
  reload: () => void
}

/**
 * Reads a print channel now, again on each of `events` and every `intervalMs` (a printer coming
 * back is only noticed by polling). A slow read that a newer one overtook is dropped.
 */
export function usePolled<T>(
  read: () => Promise<T>,
  events: readonly EventChannel[],
  intervalMs: number,
): Polled<T> {
  const { data, error, reload } = useLoad(read, [read], { reloadOn: events })

  useEffect(() => {
    const timer = window.setInterval(reload, intervalMs)
    return () => window.clearInterval(timer)
  }, [intervalMs, reload])

  return { data, error, reload }
}

const printEvents = ['print:changed'] as const

export function usePrinterStatus(): Polled<PrinterStatus[]> {
  const read = useCallback(() => pos.invoke('print:getStatus'), [])
  return usePolled(read, printEvents, 10_000)
}

export function usePrintJobs(
  query: InvokeInput<'print:listJobs'>,
  events: readonly EventChannel[] = printEvents,
  intervalMs = 10_000,
): Polled<PrintJob[]> {
  // The query is compared by value, so a caller may build it inline.
  const key = JSON.stringify(query)
  const read = useCallback(() => pos.invoke('print:listJobs', JSON.parse(key)), [key])
  return usePolled(read, events, intervalMs)
}

/**
 * A job just queued (a reprint, a test page) and its status as the queue moves it on: re-read on
 * each print:changed until it has printed, failed for good or was cancelled.
 */
export function useFollowedJob(): [PrintJob | null, (job: PrintJob | null) => void] {
  const [job, setJob] = useState<PrintJob | null>(null)
  const jobId = job?.id ?? null
  const isSettled = job !== null && (job.status === 'printed' || job.status === 'cancelled')

  useEffect(() => {
    if (jobId === null || isSettled) return
    let isCurrent = true
    const stop = pos.on('print:changed', () => {
      pos.invoke('print:listJobs', { limit: 100, hideDone: false }).then(
        (jobs) => {
          const next = jobs.find((candidate) => candidate.id === jobId)
          if (isCurrent && next) setJob(next)
        },
        // The next change tries again; the last known status stays on screen meanwhile.
        () => undefined,
      )
    })
    return () => {
      isCurrent = false
      stop()
    }
  }, [jobId, isSettled])

  return [job, setJob]
}
