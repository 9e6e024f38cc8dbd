import { and, asc, eq, isNull, or, sql, type Column } from 'drizzle-orm'
import { v7 as uuidv7 } from 'uuid'
import type { RegisterDb, RegisterExecutor } from './database'
import { enqueueMutation } from './outboxRepository'
import { customers } from './schema'

export interface CustomerView {
  id: string
  name: string
  phone: string | null
  email: string | null
  note: string | null
}

export interface NewCustomer {
  name: string
  phone?: string | undefined
  email?: string | undefined
  note?: string | undefined
}

const customerColumns = {
  id: customers.id,
  name: customers.name,
  phone: customers.phone,
  email: customers.email,
  note: customers.note,
}

/** Escapes LIKE wildcards so a search for "50%" means the text, not a pattern. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`
}

/** Customers whose name, phone or email contain the text (case-insensitive), by name. */
export function searchCustomers(db: RegisterDb, query: string, limit: number): CustomerView[] {
  const pattern = likePattern(query)
  const matches = (column: Column) => sql`${column} like ${pattern} escape '\\'`
  return db
    .select(customerColumns)
    .from(customers)
    .where(
      and(
        isNull(customers.deletedAt),
        or(matches(customers.name), matches(customers.phone), matches(customers.email)),
      ),
    )
    .orderBy(asc(customers.name), asc(customers.id))
    .limit(limit)
    .all()
}

/** Creates a customer here (offline too) and queues it for the server. */
export function createCustomer(
  db: RegisterDb,
  deviceId: string,
  input: NewCustomer,
  now: string,
): CustomerView {
  const row = {
    id: uuidv7(),
    name: input.name,
    phone: input.phone ?? null,
    email: input.email ?? null,
    note: input.note || null,
  }
  db.transaction((tx) => {
    tx.insert(customers)
      .values({ ...row, deviceId, syncStatus: 'PENDING', updatedAt: now, createdAt: now })
      .run()
    enqueueMutation(tx, 'customer', row.id, now)
  })
  return row
}

export function findCustomer(db: RegisterExecutor, id: string): CustomerView | null {
  return (
    db
      .select(customerColumns)
      .from(customers)
      .where(and(eq(customers.id, id), isNull(customers.deletedAt)))
      .get() ?? null
  )
}

export function customerExists(db: RegisterExecutor, id: string): boolean {
  return findCustomer(db, id) !== null
}
