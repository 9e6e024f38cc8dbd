import { describe, expect, it } from 'vitest'
import {
  groupDrafts,
  groupsBody,
} from '../../src/backoffice/src/features/catalog/ModifierGroupsEditor'
import { ModifierGroup } from '../../src/shared/ipc/catalogSchemas'

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

describe('default modifier options in the product editor', () => {
  it('reads and writes isDefault, leaving it out of options that are not defaults', () => {
    const stored = [
      {
        id: id(1),
        name: 'Milk',
        minSelect: 1,
        maxSelect: 1,
        options: [
          { id: id(2), name: 'Whole', priceCents: 0, isDefault: true },
          { id: id(3), name: 'Oat', priceCents: 60 },
        ],
      },
    ]
    const drafts = groupDrafts(stored, 'USD')
    expect(drafts[0]!.options.map((option) => option.isDefault)).toEqual([true, false])
    const body = groupsBody(drafts, 'USD')
    expect(body).toEqual(stored)
    expect(ModifierGroup.safeParse(body[0]).success).toBe(true)
  })

  it('refuses a group that preselects more options than it allows, and reads groups saved before defaults', () => {
    const tooMany = {
      id: id(1),
      name: 'Milk',
      minSelect: 1,
      maxSelect: 1,
      options: [
        { id: id(2), name: 'Whole', priceCents: 0, isDefault: true },
        { id: id(3), name: 'Oat', priceCents: 60, isDefault: true },
      ],
    }
    const refused = ModifierGroup.safeParse(tooMany)
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.path).toEqual(['options'])
    const older = { ...tooMany, options: tooMany.options.map(({ isDefault: _, ...rest }) => rest) }
    expect(ModifierGroup.safeParse(older).success).toBe(true)
  })
})
