import { expect, test } from './support/fixtures'
import { tile } from './support/register'
import { pins, readyToSell, signIn } from './support/session'

test('a locked cart waits for its own cashier: the next person starts with an empty one', async ({
  page,
  registers,
}) => {
  const register = await registers.start()
  await readyToSell(page, register.url, pins.cashier)
  const cart = page.getByRole('region', { name: 'Cart' })
  const employee = page.getByTestId('signed-in-employee')
  const lock = () => page.getByRole('button', { name: 'Lock', exact: true }).click()

  await tile(page, 'COF-LAT').click()
  await page.getByRole('tab', { name: 'Bakery' }).click()
  await tile(page, 'BAK-CRO').click()
  await expect(cart.getByTestId('cart-line')).toHaveCount(2)
  await lock()

  // Someone else signs in: an empty cart, and the first cashier's sale parked under them.
  await signIn(page, pins.cashier2)
  await expect(employee).toContainText('Lee')
  await expect(cart.getByTestId('cart-line')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Parked sales (1)' })).toBeVisible()
  const search = page.getByRole('searchbox', { name: 'Search products' })
  await search.fill('GRO-BEA')
  await expect(tile(page, 'GRO-BEA')).toBeVisible()
  await search.press('Enter')
  await expect(cart.getByTestId('cart-line')).toHaveCount(1)
  await lock()

  // The first cashier gets their own cart back, and it leaves the parked list (the second's stays).
  await signIn(page, pins.cashier)
  await expect(employee).toContainText('Sam')
  await expect(cart.getByTestId('cart-line')).toHaveCount(2)
  await expect(cart.locator('[data-testid="cart-line"][data-sku="COF-LAT"]')).toHaveCount(1)
  await expect(page.getByRole('button', { name: 'Parked sales (1)' })).toBeVisible()
  await lock()

  // And the second theirs.
  await signIn(page, pins.cashier2)
  await expect(cart.getByTestId('cart-line')).toHaveCount(1)
  await expect(cart.locator('[data-testid="cart-line"][data-sku="GRO-BEA"]')).toHaveCount(1)
  await expect(page.getByRole('button', { name: 'Parked sales (1)' })).toBeVisible()
})
