import type { EmailReceiptRow } from '../store/emailReceiptRepository'
import type { MailStore } from '../store/mailStore'
import { backoffDelayMs, type BackoffPolicy } from '../sync/backoff'

/** Retries of a failing SMTP server: soon at first, then every ten minutes at most. */
export const mailBackoff: BackoffPolicy = { baseMs: 5_000, capMs: 10 * 60_000 }

export interface EmailWorkerOptions {
  store: Pick<MailStore, 'due' | 'claim' | 'markSent' | 'markFailed' | 'requeueInterrupted'>
  now: () => Date
  /** Sends one queued receipt, or throws with the reason (kept as its last error). */
  deliver: (row: EmailReceiptRow) => Promise<void>
  /** A row changed state (sending, sent, failed). */
  onChange: (id: string) => void
  backoff?: BackoffPolicy | undefined
  random?: (() => number) | undefined
  /** Safety-net pass when nothing wakes the worker. */
  pollIntervalMs?: number | undefined
  /** How long stopping waits for the e-mail being sent. */
  stopGraceMs?: number | undefined
  log: (message: string, error?: unknown) => void
}

export interface EmailWorker {
  /** Starts sending; returns the function that stops it (after the e-mail in flight). */
  start(): () => Promise<void>
  /** Looks for due e-mails now (one was queued, or settings changed). */
  wake(): void
}

/** What the SMTP server said, without anything that could carry the password. */
export function failureText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.slice(0, 500)
}

/**
 * Sends the e-mail queue one message at a time, oldest first. A failure (server down, login
 * refused, address rejected) keeps its reason and is tried again after a growing, jittered wait;
 * the queue never blocks a sale and never drops a receipt on its own.
 */
export function createEmailWorker(options: EmailWorkerOptions): EmailWorker {
  const { store } = options
  const pollIntervalMs = options.pollIntervalMs ?? 30_000
  let isRunning = false
  let isPassing = false
  let isWakeDue = false
  let timer: NodeJS.Timeout | null = null
  let current: Promise<void> = Promise.resolve()

  function schedule(delayMs: number) {
    if (!isRunning) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(wake, Math.max(1, delayMs))
  }

  async function sendOne(row: EmailReceiptRow): Promise<void> {
    const claimed = store.claim(row.id)
    if (!claimed) return
    options.onChange(row.id)
    try {
      await options.deliver(claimed)
      store.markSent(row.id, options.now().toISOString())
    } catch (error) {
      const retryInMs = backoffDelayMs(
        claimed.attempts - 1,
        options.backoff ?? mailBackoff,
        options.random,
      )
      store.markFailed(row.id, {
        message: failureText(error),
        nextAttemptAt: new Date(options.now().getTime() + retryInMs).toISOString(),
      })
    }
    options.onChange(row.id)
  }

  async function pass(): Promise<void> {
    let sleepMs = pollIntervalMs
    try {
      for (;;) {
        if (!isRunning) return
        const { due, nextDueAt } = store.due(options.now().toISOString(), 10)
        if (due.length === 0) {
          if (nextDueAt)
            sleepMs = Math.min(sleepMs, Date.parse(nextDueAt) - options.now().getTime())
          break
        }
        for (const row of due) {
          if (!isRunning) return
          await sendOne(row)
        }
      }
    } catch (error) {
      // The database closed under a stop, or a row could not be read: the next pass tries again.
      if (isRunning) options.log('e-mail queue pass failed', error)
    }
    schedule(sleepMs)
  }

  function wake(): void {
    if (!isRunning) return
    if (isPassing) {
      isWakeDue = true
      return
    }
    isPassing = true
    current = pass().finally(() => {
      isPassing = false
      if (isWakeDue) {
        isWakeDue = false
        wake()
      }
    })
  }

  return {
    start() {
      if (isRunning) throw new Error('The e-mail worker is already running.')
      store.requeueInterrupted()
      isRunning = true
      wake()
      return async () => {
        isRunning = false
        if (timer) clearTimeout(timer)
        timer = null
        // An e-mail in flight finishes or times out on its own; quitting waits only briefly (a
        // row left 'sending' is queued again at the next start).
        await new Promise<void>((resolve) => {
          const grace = setTimeout(resolve, options.stopGraceMs ?? 5_000)
          void current.finally(() => {
            clearTimeout(grace)
            resolve()
          })
        })
      }
    },
    wake,
  }
}
