import { useCallback, useMemo, useReducer } from 'react'
import { v4 as uuidv4 } from 'uuid'
import {
  cartReducer,
  emptyCart,
  type CartState,
  type LastAdded,
  type LineChoice,
} from './cartModel'
import type { Customer, DiscountInput } from './saleTypes'

export { maxQuantity, type CartLine, type LastAdded, type LineChoice } from './cartModel'

export interface Cart extends CartState {
  lastAdded: LastAdded | null
  add(choice: LineChoice): void
  setQuantity(lineId: string, quantity: number): void
  increment(lineId: string): void
  decrement(lineId: string): void
  remove(lineId: string): void
  setLineDiscount(lineId: string, discount: DiscountInput | null): void
  setLineNote(lineId: string, note: string): void
  setLineOptions(
    lineId: string,
    variantId: string | null,
    modifierOptionIds: readonly string[],
  ): void
  setOrderDiscount(discount: DiscountInput | null): void
  setOrderNote(note: string): void
  setCustomer(customer: Customer | null): void
  addDiscountApproval(approvalId: string): void
  restore(state: CartState): void
  clear(): void
}

export function useCart(): Cart {
  const [state, dispatch] = useReducer(cartReducer, emptyCart)
  const add = useCallback((choice: LineChoice) => {
    // The id is made here, not in the reducer, so the reducer stays pure.
    dispatch({ type: 'add', choice, lineId: uuidv4() })
  }, [])
  const actions = useMemo(
    () => ({
      setQuantity: (lineId: string, quantity: number) =>
        dispatch({ type: 'setQuantity', lineId, quantity }),
      increment: (lineId: string) => dispatch({ type: 'changeQuantity', lineId, delta: 1 }),
      decrement: (lineId: string) => dispatch({ type: 'changeQuantity', lineId, delta: -1 }),
      remove: (lineId: string) => dispatch({ type: 'remove', lineId }),
      setLineDiscount: (lineId: string, discount: DiscountInput | null) =>
        dispatch({ type: 'setLineDiscount', lineId, discount }),
      setLineNote: (lineId: string, note: string) =>
        dispatch({ type: 'setLineNote', lineId, note }),
      setLineOptions: (
        lineId: string,
        variantId: string | null,
        modifierOptionIds: readonly string[],
      ) => dispatch({ type: 'setLineOptions', lineId, variantId, modifierOptionIds }),
      setOrderDiscount: (discount: DiscountInput | null) =>
        dispatch({ type: 'setOrderDiscount', discount }),
      setOrderNote: (note: string) => dispatch({ type: 'setOrderNote', note }),
      setCustomer: (customer: Customer | null) => dispatch({ type: 'setCustomer', customer }),
      addDiscountApproval: (approvalId: string) =>
        dispatch({ type: 'addDiscountApproval', approvalId }),
      restore: (restored: CartState) => dispatch({ type: 'restore', state: restored }),
      clear: () => dispatch({ type: 'clear' }),
    }),
    [],
  )
  return useMemo(() => ({ ...state, add, ...actions }), [state, add, actions])
}
