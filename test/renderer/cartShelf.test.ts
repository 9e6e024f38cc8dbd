import { describe, expect, it } from 'vitest'
import { createCartShelf } from '../../src/renderer/src/features/session/cartShelf'

describe('carts held at lock', () => {
  it('gives a locked-out cart back only to its owner, once', () => {
    const shelf = createCartShelf<string[]>()
    shelf.put('ana', { state: ['latte', 'croissant'], parkedId: 'p-1' })
    expect(shelf.take('ben')).toBeNull()
    expect(shelf.take('ana')).toEqual({ state: ['latte', 'croissant'], parkedId: 'p-1' })
    expect(shelf.take('ana')).toBeNull()
  })

  it('keeps one cart per person: each gets their own back', () => {
    const shelf = createCartShelf<string[]>()
    shelf.put('ana', { state: ['latte'], parkedId: 'p-1' })
    shelf.put('ben', { state: ['tea'], parkedId: null })
    expect(shelf.take('ben')?.state).toEqual(['tea'])
    expect(shelf.take('ana')?.state).toEqual(['latte'])
  })
})
