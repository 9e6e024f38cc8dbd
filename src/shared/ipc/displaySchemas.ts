import { z } from 'zod'
import { Language } from '../store/registerConfig'

const Id = z.uuid()
const Cents = z.number().int().min(-100_000_000_000).max(100_000_000_000)

/** Where the sale stands on the customer's screen. */
export const DisplayPhase = z.enum(['idle', 'cart', 'paid'])
export type DisplayPhase = z.infer<typeof DisplayPhase>

/** One cart line as the customer sees it: no ids, no costs, nothing a cashier channel gives. */
export const DisplayLine = z
  .object({
    name: z.string().max(200),
    /** Variant and options, already joined ("Large · Oat milk"); empty for none. */
    detail: z.string().max(400).default(''),
    quantity: z.number().int().min(1).max(9999),
    totalCents: Cents,
  })
  .strict()
export type DisplayLine = z.infer<typeof DisplayLine>

/**
 * What the register's renderer publishes whenever its cart changes or a sale completes. Main
 * keeps the latest and pushes it to customer displays (display:stateChanged).
 */
export const DisplayPublish = z
  .object({
    phase: DisplayPhase,
    lines: z.array(DisplayLine).max(500).default([]),
    subtotalCents: Cents.default(0),
    discountCents: Cents.default(0),
    taxCents: Cents.default(0),
    totalCents: Cents.default(0),
    /** After payment: what the customer handed over and what they get back. */
    tenderedCents: Cents.default(0),
    changeCents: Cents.default(0),
    orderNumber: z.string().max(60).nullable().default(null),
  })
  .strict()
export type DisplayPublish = z.infer<typeof DisplayPublish>

/** The published state with what a display needs to show it, in the customer's language. */
export const DisplayState = z.object({
  ...DisplayPublish.shape,
  language: Language,
  currency: z.string(),
  locale: z.string(),
  storeName: z.string(),
  updatedAt: z.string(),
})
export type DisplayState = z.infer<typeof DisplayState>

export const KitchenTicketLine = z.object({
  lineNumber: z.number().int(),
  name: z.string(),
  variantName: z.string().nullable(),
  quantity: z.number().int(),
  /** The chosen options' names, in order. */
  options: z.array(z.string()),
  note: z.string().nullable(),
})

/** One order on the kitchen display: only the lines routed to this station's categories. */
export const KitchenTicket = z.object({
  orderId: Id,
  orderNumber: z.string(),
  /** The register that rang it up (from the order number), if it can be read. */
  registerCode: z.string().nullable(),
  orderedAt: z.string(),
  /** When this station first saw it: the ticket's timer runs from here. */
  arrivedAt: z.string(),
  bumpedAt: z.string().nullable(),
  note: z.string().nullable(),
  lines: z.array(KitchenTicketLine),
})
export type KitchenTicket = z.infer<typeof KitchenTicket>

export const KitchenTickets = z.object({
  /** Tickets still to make, oldest first. */
  open: z.array(KitchenTicket),
  /** Recently bumped, last bumped first (for Recall). */
  bumped: z.array(KitchenTicket),
})
export type KitchenTickets = z.infer<typeof KitchenTickets>

export const KitchenTicketInput = z.object({ orderId: Id }).strict()
