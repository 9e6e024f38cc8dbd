import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm'
import { v7 as uuidv7 } from 'uuid'
import { PosError } from '../../shared/ipc/errors'
import type { RegisterDb, RegisterExecutor } from './database'
import { orders, printJobs } from './schema'

export type PrintJobRow = typeof printJobs.$inferSelect
export type PrintJobKind = PrintJobRow['kind']
export type PrintJobStatus = PrintJobRow['status']

/**
 * Queues the original ticket of an order for one printer. The partial unique index allows one
 * original per (order, kind, printer), so a replayed event or pull never queues a second one.
 * Returns the new job, or null when the original was queued before.
 */
export function enqueueOriginal(
  db: RegisterExecutor,
  job: { kind: 'receipt' | 'kitchen'; orderId: string; printerId: string },
  now: string,
): PrintJobRow | null {
  return (
    db
      .insert(printJobs)
      .values({ id: uuidv7(), ...job, isCopy: false, status: 'pending', createdAt: now })
      .onConflictDoNothing()
      .returning()
      .get() ?? null
  )
}

/**
 * Queues several originals in one transaction. Returns the printers that got a new job (one
 * entry per job; a job queued before is skipped).
 */
export function enqueueOriginals(
  db: RegisterDb,
  wanted: readonly { kind: 'receipt' | 'kitchen'; orderId: string; printerId: string }[],
  now: string,
): string[] {
  if (wanted.length === 0) return []
  return db.transaction((tx) =>
    wanted.flatMap((job) => (enqueueOriginal(tx, job, now) ? [job.printerId] : [])),
  )
}

/** A copy asked for by a person (a reprint, printed "COPY"), or a test page (no order). */
export function enqueueExtra(
  db: RegisterExecutor,
  job: { kind: PrintJobKind; orderId: string | null; printerId: string },
  now: string,
): PrintJobRow {
  const row = db
    .insert(printJobs)
    .values({
      id: uuidv7(),
      ...job,
      isCopy: job.kind !== 'test',
      status: 'pending',
      createdAt: now,
    })
    .returning()
    .get()
  if (!row) throw new Error('The print job was not stored.')
  return row
}

export function getJob(db: RegisterExecutor, jobId: string): PrintJobRow | null {
  return db.select().from(printJobs).where(eq(printJobs.id, jobId)).get() ?? null
}

const isWaiting = or(
  eq(printJobs.status, 'pending'),
  and(eq(printJobs.status, 'failed'), isNotNull(printJobs.nextAttemptAt)),
)

/**
 * The head of one printer's queue: its oldest job still to print. Jobs of a printer print in
 * order, so a head waiting out its backoff holds the ones behind it. A failed job without a next
 * attempt (it cannot be rendered) waits for a person and holds nothing.
 */
export function queueHead(db: RegisterExecutor, printerId: string): PrintJobRow | null {
  return (
    db
      .select()
      .from(printJobs)
      .where(and(eq(printJobs.printerId, printerId), isWaiting))
      .orderBy(asc(printJobs.createdAt), asc(printJobs.id))
      .limit(1)
      .get() ?? null
  )
}

/** Takes the head of a printer's queue if it is due: it becomes 'printing'. */
export function claimNext(db: RegisterDb, printerId: string, now: string): PrintJobRow | null {
  return db.transaction((tx) => {
    const head = queueHead(tx, printerId)
    if (!head) return null
    if (head.status === 'failed' && head.nextAttemptAt && head.nextAttemptAt > now) return null
    return (
      tx
        .update(printJobs)
        .set({ status: 'printing', nextAttemptAt: null })
        .where(and(eq(printJobs.id, head.id), eq(printJobs.status, head.status)))
        .returning()
        .get() ?? null
    )
  })
}

/** True when the job was printing and is now printed (false: someone changed it meanwhile). */
export function markPrinted(db: RegisterExecutor, jobId: string, now: string): boolean {
  return (
    db
      .update(printJobs)
      .set({ status: 'printed', printedAt: now, lastError: null, nextAttemptAt: null })
      .where(and(eq(printJobs.id, jobId), eq(printJobs.status, 'printing')))
      .run().changes > 0
  )
}

/**
 * Records a failed attempt. `retryAt` says when a retryable failure comes back, given the number
 * of attempts so far (the caller's backoff); null leaves the job failed for a person.
 */
export function markFailed(
  db: RegisterExecutor,
  jobId: string,
  failure: { message: string; retryAt: ((attempts: number) => string) | null },
): void {
  const job = getJob(db, jobId)
  if (!job || job.status !== 'printing') return
  const attempts = job.attempts + 1
  db.update(printJobs)
    .set({
      status: 'failed',
      attempts,
      lastError: failure.message,
      nextAttemptAt: failure.retryAt?.(attempts) ?? null,
    })
    .where(eq(printJobs.id, jobId))
    .run()
}

/**
 * At start-up: a job still 'printing' was cut off by a crash or power loss after its bytes may
 * have reached the printer. It is never resent on its own; a person reprints or dismisses it.
 */
export function markInterruptedUncertain(db: RegisterExecutor): number {
  return db
    .update(printJobs)
    .set({
      status: 'uncertain',
      lastError: 'The register stopped while this was printing; it may have printed.',
    })
    .where(eq(printJobs.status, 'printing'))
    .run().changes
}

function requireJob(db: RegisterExecutor, jobId: string): PrintJobRow {
  const job = getJob(db, jobId)
  if (!job) throw new PosError('NOT_FOUND', 'That print job no longer exists.', 'jobId')
  return job
}

/** A person's choice to try again now (an uncertain job may print a second time). */
export function retryJob(db: RegisterDb, jobId: string): PrintJobRow {
  return db.transaction((tx) => {
    const job = requireJob(tx, jobId)
    if (!['failed', 'uncertain', 'cancelled'].includes(job.status))
      throw new PosError('CONFLICT', `This job is ${job.status}; only a failed job is retried.`)
    return tx
      .update(printJobs)
      .set({ status: 'pending', nextAttemptAt: null })
      .where(eq(printJobs.id, jobId))
      .returning()
      .get()!
  })
}

export function cancelJob(db: RegisterDb, jobId: string): PrintJobRow {
  return db.transaction((tx) => {
    const job = requireJob(tx, jobId)
    if (job.status === 'cancelled') return job
    if (job.status === 'printing')
      throw new PosError('CONFLICT', 'This job is printing right now and cannot be cancelled.')
    if (job.status === 'printed') throw new PosError('CONFLICT', 'This job has already printed.')
    return tx
      .update(printJobs)
      .set({ status: 'cancelled', nextAttemptAt: null })
      .where(eq(printJobs.id, jobId))
      .returning()
      .get()!
  })
}

/** The kitchen finished the order on this ticket. */
export function markJobDone(db: RegisterDb, jobId: string, now: string): PrintJobRow {
  return db.transaction((tx) => {
    const job = requireJob(tx, jobId)
    if (job.kind !== 'kitchen')
      throw new PosError('CONFLICT', 'Only kitchen tickets are marked done.')
    if (job.doneAt) return job
    return tx
      .update(printJobs)
      .set({ doneAt: now })
      .where(eq(printJobs.id, jobId))
      .returning()
      .get()!
  })
}

export interface JobListQuery {
  limit: number
  statuses?: PrintJobStatus[] | undefined
  hideDone: boolean
}

export interface ListedJob extends PrintJobRow {
  orderNumber: string | null
}

/** Newest first, with each job's order number. */
export function listJobs(db: RegisterExecutor, query: JobListQuery): ListedJob[] {
  const filters = [
    query.statuses && query.statuses.length > 0
      ? inArray(printJobs.status, query.statuses)
      : undefined,
    query.hideDone ? isNull(printJobs.doneAt) : undefined,
  ]
  return db
    .select({
      id: printJobs.id,
      kind: printJobs.kind,
      orderId: printJobs.orderId,
      printerId: printJobs.printerId,
      isCopy: printJobs.isCopy,
      status: printJobs.status,
      attempts: printJobs.attempts,
      lastError: printJobs.lastError,
      nextAttemptAt: printJobs.nextAttemptAt,
      createdAt: printJobs.createdAt,
      printedAt: printJobs.printedAt,
      doneAt: printJobs.doneAt,
      orderNumber: orders.orderNumber,
    })
    .from(printJobs)
    .leftJoin(orders, eq(printJobs.orderId, orders.id))
    .where(and(...filters))
    .orderBy(desc(printJobs.createdAt), desc(printJobs.id))
    .limit(query.limit)
    .all()
}

/** Jobs waiting per printer (pending, or failed and due to be tried again). */
export function waitingCounts(db: RegisterExecutor): Map<string, number> {
  const rows = db
    .select({ printerId: printJobs.printerId, count: sql<number>`count(*)` })
    .from(printJobs)
    .where(isWaiting)
    .groupBy(printJobs.printerId)
    .all()
  return new Map(rows.map((row) => [row.printerId, row.count]))
}
