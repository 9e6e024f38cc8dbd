import { v4 as uuidv4 } from 'uuid'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import type { RunningServer } from '../../../src/server/main'
import { call, openTestCore, type TestCoreOptions } from '../../support/registerCore'
import { startTestSyncServer } from '../../support/syncServer'
import { useTempDirs } from '../../support/tempDir'

const quiet = {
  isRealtimeEnabled: false,
  intervalMs: 3_600_000,
  backoff: { baseMs: 10, capMs: 50 },
}

/** Registers opened by a test file, closed after each test; `server` is shared by the file. */
export function useRegisters(startServer: () => Promise<RunningServer> = startTestSyncServer) {
  const tempDir = useTempDirs('auraflow-manager-')
  const open: RegisterCore[] = []
  const state: { server: RunningServer | null } = { server: null }
  beforeAll(async () => {
    state.server = await startServer()
  })
  afterAll(async () => {
    await state.server?.stop()
  })
  afterEach(() => {
    for (const core of open.splice(0)) core.close()
  })

  const server = (): RunningServer => {
    if (!state.server) throw new Error('server not started yet')
    return state.server
  }

  function register(registerCode: string, options: TestCoreOptions = {}): RegisterCore {
    const core = openTestCore(tempDir(), {
      registerCode,
      fingerprint: `machine-${registerCode}`,
      ...options,
      sync: { ...quiet, ...options.sync },
    })
    open.push(core)
    return core
  }

  async function enrolled(
    code: string,
    registerCode: string,
    options: TestCoreOptions & { serverUrl?: string } = {},
  ): Promise<RegisterCore> {
    const { serverUrl, ...coreOptions } = options
    const core = register(registerCode, coreOptions)
    const status = await call(core, 'sync:enroll', {
      serverUrl: serverUrl ?? server().url,
      enrollmentCode: code,
      deviceName: `Register ${registerCode}`,
    })
    expect(status.enrollment).toBe('enrolled')
    return core
  }

  return { server, register, enrolled }
}

export async function sell(
  core: RegisterCore,
  lines: { sku: string; quantity: number }[] = [{ sku: 'COF-LAT', quantity: 1 }],
  method: 'cash' | 'card' = 'cash',
) {
  const catalog = await call(core, 'catalog:list')
  const bySku = new Map(catalog.products.map((product) => [product.sku, product]))
  const draftLines = lines.map((line) => ({
    productId: bySku.get(line.sku)!.id,
    quantity: line.quantity,
    modifierOptionIds: [],
  }))
  const receipt = await call(core, 'sale:complete', {
    clientRequestId: uuidv4(),
    lines: draftLines,
    payments: [{ method, amountCents: method === 'cash' ? 1_000_00 : 0 }],
  })
  return receipt.order
}
