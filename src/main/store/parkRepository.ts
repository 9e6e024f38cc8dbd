import { asc, eq } from 'drizzle-orm'
import { v7 as uuidv7 } from 'uuid'
import { CartSnapshot } from '../../shared/ipc/schemas'
import type { z } from 'zod'
import type { RegisterDb } from './database'
import { employees, parkedOrders } from './schema'

type Cart = z.infer<typeof CartSnapshot>

export interface ParkedView {
  id: string
  label: string
  itemCount: number
  employeeName: string | null
  createdAt: string
  cart: Cart
}

export interface NewParkedOrder {
  label: string
  cart: Cart
  employeeId: string | null
  now: string
}

const parkedColumns = {
  id: parkedOrders.id,
  label: parkedOrders.label,
  itemCount: parkedOrders.itemCount,
  employeeName: employees.name,
  createdAt: parkedOrders.createdAt,
  cart: parkedOrders.cart,
}

type ParkedRow = { [K in keyof typeof parkedColumns]: (typeof parkedColumns)[K]['_']['data'] }

function toView(
  row: Omit<ParkedRow, 'employeeName'> & { employeeName: string | null },
): ParkedView {
  return { ...row, cart: CartSnapshot.parse(JSON.parse(row.cart)) }
}

function selectParked(db: RegisterDb) {
  return db
    .select(parkedColumns)
    .from(parkedOrders)
    .leftJoin(employees, eq(parkedOrders.employeeId, employees.id))
}

/** Puts a cart aside on this register (local only: a parked cart belongs to its counter). */
export function parkOrder(db: RegisterDb, parked: NewParkedOrder): ParkedView {
  const id = uuidv7()
  db.insert(parkedOrders)
    .values({
      id,
      label: parked.label,
      cart: JSON.stringify(parked.cart),
      itemCount: parked.cart.lines.reduce((count, line) => count + line.quantity, 0),
      employeeId: parked.employeeId,
      createdAt: parked.now,
    })
    .run()
  const row = selectParked(db).where(eq(parkedOrders.id, id)).get()
  if (!row) throw new Error('The parked cart was not stored.')
  return toView(row)
}

/** Oldest first: the customer waiting longest is at the top. */
export function listParked(db: RegisterDb): ParkedView[] {
  return selectParked(db)
    .orderBy(asc(parkedOrders.createdAt), asc(parkedOrders.id))
    .all()
    .map(toView)
}

/** Takes a parked cart back and removes it, in one transaction; null if it is already gone. */
export function recallParked(db: RegisterDb, id: string): ParkedView | null {
  return db.transaction((tx) => {
    const row = tx
      .select(parkedColumns)
      .from(parkedOrders)
      .leftJoin(employees, eq(parkedOrders.employeeId, employees.id))
      .where(eq(parkedOrders.id, id))
      .get()
    if (!row) return null
    tx.delete(parkedOrders).where(eq(parkedOrders.id, id)).run()
    return toView(row)
  })
}
