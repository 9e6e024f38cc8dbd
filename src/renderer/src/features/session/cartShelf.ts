/** A cart put aside when its owner was locked out, and the parked order that holds it durably. */
export interface HeldCart<State> {
  state: State
  /** The park:save record, or null when parking failed and only this register's memory has it. */
  parkedId: string | null
}

/**
 * One held cart per employee: a lock puts the cart on the shelf under the person signed in, and the
 * next sign-in takes off only that person's cart, so nobody else rings up (or is credited with)
 * someone else's sale.
 */
export interface CartShelf<State> {
  /** Holds `held` for `employeeId`, replacing anything held for them before. */
  put(employeeId: string, held: HeldCart<State>): void
  /** The cart `employeeId` left, taken off the shelf; null when they left none. */
  take(employeeId: string): HeldCart<State> | null
}

export function createCartShelf<State>(): CartShelf<State> {
  const held = new Map<string, HeldCart<State>>()
  return {
    put(employeeId, cart) {
      held.set(employeeId, cart)
    },
    take(employeeId) {
      const cart = held.get(employeeId) ?? null
      held.delete(employeeId)
      return cart
    },
  }
}
