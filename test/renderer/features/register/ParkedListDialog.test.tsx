// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { v4 as uuidv4 } from 'uuid'
import '../../../../src/renderer/src/i18n'
import { ParkedListDialog } from '../../../../src/renderer/src/features/register/ParkedListDialog'
import type { ParkedOrder } from '../../../../src/renderer/src/features/register/saleTypes'
import { deferred } from '../../fakeBridge'

afterEach(cleanup)

const table4: ParkedOrder = {
  id: uuidv4(),
  label: 'Table 4',
  itemCount: 2,
  employeeName: 'Mia',
  createdAt: new Date().toISOString(),
  cart: {
    lines: [{ productId: uuidv4(), quantity: 2, modifierOptionIds: [] }],
    display: [{ name: 'Caffè Latte', quantity: 2 }],
  },
}

function renderList(onRecall: (order: ParkedOrder, parkCurrentFirst: boolean) => Promise<void>) {
  return render(
    <ParkedListDialog
      orders={[table4]}
      loadError={null}
      cartItemCount={3}
      onRecall={onRecall}
      onClose={() => {}}
    />,
  )
}

describe('ParkedListDialog', () => {
  it('asks before recalling over a cart in progress; Back returns to the list', () => {
    const onRecall = vi.fn(() => Promise.resolve())
    renderList(onRecall)
    fireEvent.click(screen.getByRole('button', { name: 'Recall Table 4', hidden: true }))

    const confirm = screen.getByRole('button', {
      name: 'Park current sale and recall',
      hidden: true,
    })
    // Enter confirms: the primary action has the focus as soon as the question appears.
    expect(document.activeElement).toBe(confirm)
    fireEvent.click(screen.getByRole('button', { name: 'Back', hidden: true }))
    expect(
      screen.queryByRole('button', { name: 'Park current sale and recall', hidden: true }),
    ).toBeNull()
    expect(onRecall).not.toHaveBeenCalled()
  })

  it('parks the current sale first when confirmed, and waits with both buttons off', async () => {
    const recalled = deferred<void>()
    const onRecall = vi.fn(() => recalled.promise)
    renderList(onRecall)
    fireEvent.click(screen.getByRole('button', { name: 'Recall Table 4', hidden: true }))
    const confirm = screen.getByRole('button', {
      name: 'Park current sale and recall',
      hidden: true,
    })
    fireEvent.click(confirm)

    expect(onRecall).toHaveBeenCalledWith(table4, true)
    expect((confirm as HTMLButtonElement).disabled).toBe(true)
    expect(confirm.getAttribute('aria-busy')).toBe('true')
    const back = screen.getByRole('button', { name: 'Back', hidden: true }) as HTMLButtonElement
    expect(back.disabled).toBe(true)
    await act(async () => recalled.resolve())
  })
})
