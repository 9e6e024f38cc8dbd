import fc from 'fast-check'
import { v4 as uuidv4 } from 'uuid'
import { describe, expect, it } from 'vitest'
import { invokeChannels } from '../../../src/shared/ipc/contract'
import { call, callError, openTestCore, tableCounts } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()

describe('IPC handler registry', () => {
  it('answers every contract channel with a contract-shaped value', async () => {
    const core = openTestCore(tempDir())
    const info = await call(core, 'app:getInfo')
    expect(info).toMatchObject({
      appName: 'AuraFlow POS',
      host: 'web',
      currency: 'USD',
      deviceId: core.device.deviceId,
    })
    const results = await call(core, 'catalog:search', { query: 'latte' })
    expect(results.map((product) => product.sku)).toEqual(
      expect.arrayContaining(['COF-LAT', 'TEA-CHA', 'TEA-MAT']),
    )
    // Every channel in the contract has a handler: none answers UNKNOWN_CHANNEL or INTERNAL.
    for (const channel of invokeChannels) {
      const result = await core.registry.dispatch(channel, undefined)
      // A typed refusal (no input, nobody signed in after session:signOut, no shift) is fine.
      if (!result.ok)
        expect(['UNKNOWN_CHANNEL', 'INTERNAL'], channel).not.toContain(result.error.code)
    }
    core.close()
  })

  it('finds a product by exact barcode or SKU first', async () => {
    const core = openTestCore(tempDir())
    const [byBarcode] = await call(core, 'catalog:search', { query: '2000000101019' })
    expect(byBarcode?.sku).toBe('DRK-LEM')
    const [bySku] = await call(core, 'catalog:search', { query: 'BAK-CRO' })
    expect(bySku?.name).toBe('Butter Croissant')
    expect(await call(core, 'catalog:search', { query: '100%_' })).toEqual([])
    core.close()
  })

  it('rejects a malformed sale with the failing path and writes nothing', async () => {
    const core = openTestCore(tempDir())
    const error = await callError(core, 'sale:complete', {
      clientRequestId: uuidv4(),
      lines: [{ productId: uuidv4(), quantity: 1.5 }],
      payments: [{ method: 'cash', amountCents: 100 }],
    })
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.path).toBe('lines.0.quantity')
    expect(error.message).toContain('lines.0.quantity')
    expect(tableCounts(core)).toMatchObject({ orders: 0, order_items: 0, payments: 0, outbox: 0 })
    core.close()
  })

  it('rejects unknown channels and prototype names', async () => {
    const core = openTestCore(tempDir())
    for (const channel of ['sale:delete', '__proto__', 'constructor', 42, null]) {
      expect((await callError(core, channel as string, {})).code).toBe('UNKNOWN_CHANNEL')
    }
    core.close()
  })

  it('never writes and never throws for arbitrary garbage on sale:complete', async () => {
    const core = openTestCore(tempDir())
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (input) => {
        const result = await core.registry.dispatch('sale:complete', input)
        expect(result.ok).toBe(false)
      }),
      { numRuns: 300 },
    )
    expect(tableCounts(core).orders).toBe(0)
    core.close()
  })

  it('hides internal failures behind INTERNAL and reports them to the log', async () => {
    const logged: string[] = []
    const core = openTestCore(tempDir(), { logError: (message) => logged.push(message) })
    core.database.sqlite.exec('drop table orders')
    const error = await callError(core, 'order:list', {})
    expect(error).toEqual({
      code: 'INTERNAL',
      message: expect.stringContaining('could not finish'),
    })
    expect(logged).toEqual(['IPC order:list failed'])
    core.close()
  })
})
