import { useCallback, useMemo, useReducer } from 'react'
import type { Product } from '../../types'

/** The contract's per-line ceiling (SaleDraft lines.quantity). */
export const maxQuantity = 9999

export interface CartLine {
  product: Product
  quantity: number
}

/** The line a product was last rung up on; `sequence` changes on every add, even to the same line. */
export interface LastAdded {
  productId: string
  sequence: number
}

interface CartState {
  lines: CartLine[]
  lastAdded: LastAdded | null
}

type CartAction =
  | { type: 'add'; product: Product }
  | { type: 'increment'; productId: string }
  | { type: 'decrement'; productId: string }
  | { type: 'remove'; productId: string }
  | { type: 'clear' }

function changeQuantity(lines: CartLine[], productId: string, delta: number): CartLine[] {
  return lines.map((line) =>
    line.product.id === productId
      ? { ...line, quantity: Math.min(maxQuantity, Math.max(1, line.quantity + delta)) }
      : line,
  )
}

function cartReducer(state: CartState, action: CartAction): CartState {
  switch (action.type) {
    case 'add': {
      const productId = action.product.id
      // Ringing up the same product again adds to its line, as a scanner user expects.
      const lines = state.lines.some((line) => line.product.id === productId)
        ? changeQuantity(state.lines, productId, 1)
        : [...state.lines, { product: action.product, quantity: 1 }]
      return { lines, lastAdded: { productId, sequence: (state.lastAdded?.sequence ?? 0) + 1 } }
    }
    case 'increment':
      return { ...state, lines: changeQuantity(state.lines, action.productId, 1) }
    case 'decrement':
      return { ...state, lines: changeQuantity(state.lines, action.productId, -1) }
    case 'remove':
      return { ...state, lines: state.lines.filter((line) => line.product.id !== action.productId) }
    case 'clear':
      return { lines: [], lastAdded: null }
    default: {
      const unknownAction: never = action
      return unknownAction
    }
  }
}

export interface Cart {
  lines: CartLine[]
  lastAdded: LastAdded | null
  add(product: Product): void
  increment(productId: string): void
  decrement(productId: string): void
  remove(productId: string): void
  clear(): void
}

export function useCart(): Cart {
  const [state, dispatch] = useReducer(cartReducer, { lines: [], lastAdded: null })
  const add = useCallback((product: Product) => dispatch({ type: 'add', product }), [])
  const increment = useCallback(
    (productId: string) => dispatch({ type: 'increment', productId }),
    [],
  )
  const decrement = useCallback(
    (productId: string) => dispatch({ type: 'decrement', productId }),
    [],
  )
  const remove = useCallback((productId: string) => dispatch({ type: 'remove', productId }), [])
  const clear = useCallback(() => dispatch({ type: 'clear' }), [])
  return useMemo(
    () => ({ ...state, add, increment, decrement, remove, clear }),
    [state, add, increment, decrement, remove, clear],
  )
}
