import { useEffect, useRef } from 'react'
import { pos } from '../../pos'
import type { Cart } from '../register/cart'
import { toSnapshot, type CartState } from '../register/cartModel'
import { createCartShelf } from './cartShelf'
import { useSession } from './useSession'

function stateOf(cart: Cart): CartState {
  const { lines, orderDiscount, customer, note, lastAdded, discountApprovalIds } = cart
  return { lines, orderDiscount, customer, note, lastAdded, discountApprovalIds }
}

/**
 * A cart belongs to whoever was signed in when the register locked. The lock parks it under them
 * (park:save, so it survives a restart in the parked list) and empties the screen; when that same
 * person signs in again their cart comes back, and anyone else starts with an empty one.
 * `onChange` runs after a park, a recall and every sign-in (the register reloads its parked list).
 */
export function useCartOwnership(cart: Cart, onChange: () => void): void {
  const { session, beforeLock } = useSession()
  const shelf = useRef(createCartShelf<CartState>())
  const cartRef = useRef(cart)
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    cartRef.current = cart
    onChangeRef.current = onChange
  })

  useEffect(
    () =>
      beforeLock(async (employee) => {
        const current = cartRef.current
        const state = stateOf(current)
        // Emptied first, so a second lock (idle and the button at once) finds nothing to park.
        current.clear()
        if (state.lines.length === 0) return
        let parkedId: string | null = null
        try {
          parkedId = (await pos.invoke('park:save', { cart: toSnapshot(state) })).id
        } catch (failure) {
          // Kept in this register's memory only: the owner still gets it back on sign-in.
          console.error('Parking the cart at lock failed; it is held in memory', failure)
        }
        shelf.current.put(employee.id, { state, parkedId })
        onChangeRef.current()
      }),
    [beforeLock],
  )

  const employeeId = session.employee?.id ?? null
  useEffect(() => {
    if (employeeId === null) return
    const held = shelf.current.take(employeeId)
    if (!held) {
      // The parked list may have changed while the register was locked (and could not be read).
      onChangeRef.current()
      return
    }
    void (async () => {
      if (held.parkedId !== null) {
        try {
          await pos.invoke('park:recall', { id: held.parkedId })
        } catch {
          // Someone recalled it from the parked list already: it must not be on two screens.
          onChangeRef.current()
          return
        }
      }
      cartRef.current.restore(held.state)
      onChangeRef.current()
    })()
  }, [employeeId])
}
