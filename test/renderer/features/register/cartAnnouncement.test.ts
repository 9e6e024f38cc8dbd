import { describe, expect, it } from 'vitest'
import {
  describeCartChange,
  type LineSeen,
} from '../../../../src/renderer/src/features/register/cartAnnouncement'

const latte: LineSeen = { lineId: 'a', name: 'Latte', quantity: 1, detail: '[]' }
const scone: LineSeen = { lineId: 'b', name: 'Scone', quantity: 1, detail: '[]' }

describe('what the cart announces', () => {
  it('says a new line, a line rung up again, a typed quantity, a change and a removal', () => {
    expect(describeCartChange([], [latte], true)).toEqual({ type: 'added', name: 'Latte' })
    expect(describeCartChange([latte], [{ ...latte, quantity: 2 }], true)).toEqual({
      type: 'added',
      name: 'Latte',
    })
    expect(describeCartChange([latte], [{ ...latte, quantity: 3 }], false)).toEqual({
      type: 'quantity',
      name: 'Latte',
      quantity: 3,
    })
    expect(describeCartChange([latte], [{ ...latte, detail: '["oat"]' }], false)).toEqual({
      type: 'changed',
      name: 'Latte',
    })
    expect(describeCartChange([latte, scone], [latte], false)).toEqual({
      type: 'removed',
      name: 'Scone',
    })
  })

  it('says the cart was cleared, and nothing when nothing changed', () => {
    expect(describeCartChange([latte, scone], [], false)).toEqual({ type: 'cleared' })
    expect(describeCartChange([], [], false)).toBeNull()
    expect(describeCartChange([latte], [latte], false)).toBeNull()
  })
})
