import { z } from 'zod'
import { BusinessDay, checkRange, ReportFormat, StoreIds } from './reports'

/**
 * The back office's audit log: every audit event the registers synced, in words (who, what,
 * approved by whom, register, when, amount), newest first. Dates are the stores' business days
 * (each store's own time zone), `from` and `to` both included. Pages are keyset pages: pass the
 * reply's `nextCursor` as `cursor` for the next one. `format=csv` exports the rows in words.
 */

export const AUDIT_PAGE_MAX = 500
/** The most rows one CSV export holds; a longer range is exported in several date ranges. */
export const AUDIT_EXPORT_MAX = 10_000

export const AuditLanguage = z.enum(['en', 'ar'])

/** Where a page ended: the last row's instant (microseconds, UTC), store and event id. */
export interface AuditCursor {
  at: string
  storeId: string
  id: string
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})\|(.{1,400})$/

export function encodeAuditCursor(cursor: AuditCursor): string {
  return `${cursor.at}|${cursor.storeId}|${encodeURIComponent(cursor.id)}`
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

const AuditCursorText = z
  .string()
  .max(500)
  .transform((text, context): AuditCursor => {
    const match = CURSOR.exec(text)
    const id = match ? safeDecode(match[3]!) : null
    if (!match || !id || id.length > 128) {
      context.addIssue({ code: 'custom', message: 'not a cursor this route gave' })
      return z.NEVER
    }
    return { at: match[1]!, storeId: match[2]!, id }
  })

export const AuditQuery = z
  .strictObject({
    from: BusinessDay,
    to: BusinessDay,
    storeIds: StoreIds.optional(),
    /** A super admin's chosen tenant (others may name only their own). */
    tenantId: z.uuid().optional(),
    /** An action as the registers write it, e.g. `refund.created`. */
    action: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,60}$/, 'expected an action name')
      .optional(),
    /** Who acted or approved. */
    employeeId: z.string().min(1).max(128).optional(),
    registerId: z
      .uuid('expected a register id (UUID)')
      .transform((id) => id.toLowerCase())
      .optional(),
    /** Words in the action, the details, the employee's or the register's name. */
    q: z.string().trim().min(1).max(100).optional(),
    lang: AuditLanguage.default('en'),
    format: ReportFormat.default('json'),
    limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
    cursor: AuditCursorText.optional(),
  })
  .superRefine(checkRange)
export type AuditQuery = z.infer<typeof AuditQuery>

export const AuditRow = z.object({
  id: z.string(),
  storeId: z.string(),
  storeName: z.string(),
  registerId: z.string().nullable(),
  /** The register's name, or "unknown register #…". */
  register: z.string(),
  /** The event's instant (ISO, UTC) and the same in the store's time zone ("2026-06-10 10:05"). */
  when: z.string(),
  whenLocal: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  /** The whole sentence, approver included, register left out (it has its own column). */
  description: z.string(),
  who: z.string(),
  employeeId: z.string().nullable(),
  approvedBy: z.string(),
  /** The amount the sentence names, in minor units, and formatted in the store's currency. */
  amountCents: z.number().int().nullable(),
  amount: z.string(),
  currency: z.string(),
})
export type AuditRow = z.infer<typeof AuditRow>

export const AuditReply = z.object({
  from: z.string(),
  to: z.string(),
  storeIds: z.array(z.string()),
  rows: z.array(AuditRow),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
})
export type AuditReply = z.infer<typeof AuditReply>
