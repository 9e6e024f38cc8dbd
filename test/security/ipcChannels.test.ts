import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { RegisterCore } from '../../src/main/core'
import {
  invokeChannels,
  invokeContract,
  type InvokeChannel,
  type InvokeInput,
} from '../../src/shared/ipc/contract'
import { channelAccess } from '../../src/shared/ipc/access'
import { callError, openTestCore, tableCounts } from '../support/registerCore'
import { useTempDirs } from '../support/tempDir'
import { rmSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const uuid = '3f1c2a9e-8b7d-4c6e-9a5f-1e2d3c4b5a69'

/** One well-formed input per channel: the mutations below break it one field at a time. */
const validInputs: { [C in InvokeChannel]: InvokeInput<C> } = {
  'app:getInfo': undefined,
  'catalog:list': { categoryId: uuid },
  'catalog:search': { query: 'latte', limit: 5 },
  'catalog:lookupBarcode': { barcode: '2000012000018' },
  'catalog:listAll': undefined,
  'catalog:listTaxRates': undefined,
  'catalog:saveProduct': {
    sku: 'SKU-1',
    name: 'Latte',
    priceCents: 450,
    categoryId: uuid,
    taxRateId: uuid,
    barcodes: ['2000012000018'],
    variants: [{ id: uuid, name: 'Large', priceCents: 500, sku: null, barcode: null }],
    modifierGroups: [
      {
        id: uuid,
        name: 'Milk',
        minSelect: 1,
        maxSelect: 1,
        options: [{ id: uuid, name: 'Oat', priceCents: 60 }],
      },
    ],
    trackStock: false,
    pricingUnit: 'each',
    isActive: true,
  },
  'catalog:saveCategory': { name: 'Coffee', color: '#8d5a3b', sortOrder: 1 },
  'catalog:importCsv': { csv: 'sku,name,price\nA,Apple,1.00\n' },
  'catalog:exportCsv': undefined,
  'sale:complete': {
    clientRequestId: uuid,
    lines: [
      {
        productId: uuid,
        quantity: 1,
        variantId: uuid,
        modifierOptionIds: [uuid],
        note: 'no foam',
      },
    ],
    customerId: uuid,
    note: 'table 4',
    payments: [{ method: 'cash', tenderId: 'cash', amountCents: 500, referenceNumber: 'R1' }],
  },
  'sale:approveDiscount': {
    lines: [{ productId: uuid, quantity: 1, discount: { type: 'percent', percent: 25 } }],
    orderDiscount: { type: 'amount', amountCents: 100 },
    discountApprovalIds: [uuid],
    approvalId: uuid,
  },
  'sale:void': {
    cart: { lines: [{ productId: uuid, quantity: 1, modifierOptionIds: [] }], display: [] },
    reason: 'customer left',
  },
  'park:save': {
    label: 'Table 4',
    cart: { lines: [{ productId: uuid, quantity: 1, modifierOptionIds: [] }], display: [] },
  },
  'park:list': undefined,
  'park:recall': { id: uuid },
  'order:find': { orderNumber: 'S01-R1-000001' },
  'refund:create': {
    clientRequestId: uuid,
    orderId: uuid,
    lines: [{ orderItemId: uuid, quantity: 1 }],
    refundTo: 'original',
    reason: 'damaged',
  },
  'stock:levels': { productIds: [uuid] },
  'stock:adjust': {
    movementId: uuid,
    reason: 'DAMAGE',
    note: 'dropped',
    lines: [{ productId: uuid, variantId: null, quantity: -1.5 }],
  },
  'stock:countApply': {
    movementId: uuid,
    countId: uuid,
    lines: [{ productId: uuid, variantId: uuid, counted: 3 }],
  },
  'stock:purchaseOrders': { includeReceived: true },
  'stock:receive': {
    movementId: uuid,
    purchaseOrderId: uuid,
    lines: [{ productId: uuid, variantId: null, quantity: 2.5 }],
    note: 'box dented',
  },
  'stock:transferDestinations': {},
  'stock:transferSend': {
    transferId: uuid,
    movementId: uuid,
    toStoreId: uuid,
    lines: [{ productId: uuid, variantId: uuid, quantity: 1 }],
    note: 'for the weekend',
  },
  'stock:transfers': {},
  'stock:transferReceive': {
    transferId: uuid,
    movementId: uuid,
    lines: [{ productId: uuid, variantId: null, quantity: 1 }],
  },
  'stock:countSave': {
    countId: uuid,
    lines: [{ productId: uuid, variantId: null, counted: 0 }],
    note: 'shelf 3',
  },
  'stock:counts': {},
  'stock:history': { productId: uuid, variantId: uuid, limit: 20 },
  'customer:search': { query: 'ana', limit: 5 },
  'customer:create': { name: 'Ana', phone: '+1 555 0100', email: 'ana@example.com' },
  'session:get': undefined,
  'session:signIn': { pin: '1234' },
  'session:signOut': undefined,
  'session:approve': { pin: '1234', action: 'refund' },
  'employee:list': undefined,
  'employee:save': { id: uuid, name: 'Rana', role: 'cashier', pin: '4321', isActive: true },
  'employee:listAll': undefined,
  'shift:open': { openingCashCents: 10_000 },
  'shift:recordCashMovement': { kind: 'OUT', amountCents: 500, reason: 'change run' },
  'drawer:open': { reason: 'check float' },
  'shift:preview': undefined,
  'shift:close': { counts: [{ denominationCents: 100, count: 3 }] },
  'shift:getReport': { shiftId: uuid },
  'shift:list': undefined,
  'audit:list': { limit: 10 },
  'settings:get': undefined,
  'settings:update': {
    options: {
      discountLimitPercent: 15,
      approvals: ['refund', 'void'],
      tenderMethods: [
        { id: 'cash', kind: 'cash', label: 'Cash', requiresReference: false },
        { id: 'gift-card', kind: 'other', label: 'Gift card', requiresReference: true },
      ],
      idleLockSeconds: 60,
      pinAttempts: 5,
      pinLockoutSeconds: 30,
      embeddedBarcodes: [{ prefix: '21', kind: 'weight' }],
      denominationsCents: [2000, 1000, 500, 100, 25],
      requireOpenShift: true,
    },
  },
  'register:getConfig': undefined,
  'register:saveConfig': {
    config: {
      mode: 'register',
      language: 'ar',
      printers: [
        {
          id: uuid,
          name: 'Front',
          kind: 'network',
          host: '127.0.0.1',
          port: 9100,
          systemName: '',
          role: 'receipt',
          paperWidthMm: 80,
          hasArabicCodePage: false,
          opensDrawer: true,
        },
      ],
      autoPrintReceipt: true,
      stationRegisterCodes: ['R1'],
      stationCategoryIds: [uuid],
      hasKitchenDisplay: false,
      hasCustomerDisplay: true,
      customerDisplayLanguage: 'ar',
      receiptFooter: 'Thanks',
      receiptChoice: 'email',
    },
  },
  'print:listJobs': { limit: 10, statuses: ['failed'], hideDone: true },
  'print:getStatus': undefined,
  'print:reprint': { orderId: uuid, kind: 'receipt', printerId: uuid },
  'print:retry': { jobId: uuid },
  'print:cancel': { jobId: uuid },
  'print:markDone': { jobId: uuid },
  'printer:testPage': { printerId: uuid },
  'receipt:renderHtml': { orderId: uuid, isCopy: true, paperWidthMm: 58 },
  'receipt:renderPdf': { orderId: uuid, isCopy: false, paperWidthMm: 80 },
  'receipt:choose': { orderId: uuid, choice: 'email', to: 'ana@example.com' },
  'receipt:email': { orderId: uuid, to: 'ana@example.com' },
  'receipt:emailStatus': { orderId: uuid },
  'mail:getSettings': undefined,
  'mail:saveSettings': {
    host: 'smtp.example.com',
    port: 587,
    security: 'starttls',
    user: 'till',
    password: 'secret',
    from: 'receipts@example.com',
    approvalId: uuid,
  },
  'display:publish': {
    phase: 'paid',
    lines: [{ name: 'Latte', detail: 'Large', quantity: 2, totalCents: 900 }],
    subtotalCents: 900,
    discountCents: 0,
    taxCents: 90,
    totalCents: 990,
    tenderedCents: 1000,
    changeCents: 10,
    orderNumber: 'S01-R1-000001',
  },
  'display:getState': undefined,
  'kitchen:listTickets': undefined,
  'kitchen:bump': { orderId: uuid },
  'kitchen:recall': { orderId: uuid },
  'manager:getHealth': undefined,
  'manager:listConflicts': undefined,
  'manager:resolveConflict': {
    conflictId: 'c-1',
    resolution: 'merge',
    mergedData: { name: 'Latte' },
  },
  'manager:getSalesToday': undefined,
  'order:list': { limit: 10, beforeId: uuid },
  'order:get': { id: uuid },
  'sync:getStatus': undefined,
  'sync:runNow': undefined,
  'sync:enroll': {
    serverUrl: 'http://127.0.0.1:9',
    enrollmentCode: 'ABCD-1234',
    deviceName: 'Till 1',
  },
  'sync:listDead': undefined,
  'sync:retryDead': { outboxIds: [1, 2] },
}

type Schema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } }

/** Looks through optional/default/nullable wrappers to the schema that decides the type. */
function unwrap(schema: Schema): Schema {
  const { def } = schema._zod
  if (['optional', 'default', 'prefault', 'nullable', 'readonly', 'nonoptional'].includes(def.type))
    return unwrap(def.innerType as Schema)
  if (def.type === 'pipe') return unwrap(def.in as Schema)
  return schema
}

const isRequired = (schema: Schema) => !schema.safeParse(undefined).success

/** A value of the wrong JSON type for this schema. */
function wrongType(schema: Schema): unknown {
  switch (unwrap(schema)._zod.def.type) {
    case 'string':
      return 12345
    case 'number':
    case 'int':
      return 'not a number'
    case 'boolean':
      return 'yes'
    case 'array':
      return 'not a list'
    case 'object':
      return 'not an object'
    case 'enum':
    case 'literal':
      return 'NOT_A_MEMBER'
    case 'undefined':
      return { surprise: true }
    default:
      return Symbol.for('unsupported')
  }
}

interface Mutation {
  input: unknown
  /** Where the registry must say the input is wrong. */
  path: string
  what: string
}

/** Every single-point break of `value`: wrong types at each node, missing and unknown keys. */
function* mutations(
  schema: Schema,
  value: unknown,
  path: (string | number)[],
): Generator<Mutation> {
  const at = path.join('.')
  yield { input: wrongType(schema), path: at, what: `${at || 'input'} of the wrong type` }
  const inner = unwrap(schema)
  const { def } = inner._zod
  if (def.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const shape = def.shape as Record<string, Schema>
    const record = value as Record<string, unknown>
    for (const [key, field] of Object.entries(shape)) {
      for (const change of mutations(field, record[key], [...path, key]))
        yield { ...change, input: { ...record, [key]: change.input } }
      if (isRequired(field)) {
        const { [key]: _removed, ...rest } = record
        yield {
          input: rest,
          path: [...path, key].join('.'),
          what: `${[...path, key].join('.')} missing`,
        }
      }
    }
    yield {
      input: { ...record, injected: '<script>' },
      path: at,
      what: `${at || 'input'} with an unknown key`,
    }
  }
  if (def.type === 'array' && Array.isArray(value) && value.length > 0) {
    for (const change of mutations(def.element as Schema, value[0], [...path, 0]))
      yield { ...change, input: [change.input, ...value.slice(1)] }
  }
}

let dataDir: string
let core: RegisterCore
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'auraflow-ipc-'))
  core = openTestCore(dataDir)
})
afterAll(() => {
  core?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('every IPC channel rejects malformed input', () => {
  it('has a well-formed sample for every channel in the contract', () => {
    expect(Object.keys(validInputs).sort()).toEqual([...invokeChannels].sort())
    for (const channel of invokeChannels)
      expect(invokeContract[channel].input.safeParse(validInputs[channel]).success, channel).toBe(
        true,
      )
  })

  const table = invokeChannels.flatMap((channel) => {
    const schema = invokeContract[channel].input as unknown as Schema
    const generated = [...mutations(schema, validInputs[channel], [])]
    // Whatever the schema, these never make a valid call on a channel that takes input.
    const junk: unknown[] = [null, 0, 'sale', true, [], [validInputs[channel]]]
    const extra = junk
      .filter((input) => !schema.safeParse(input).success)
      .map((input): Mutation => ({ input, path: '', what: `${JSON.stringify(input)}` }))
    return [...generated, ...extra].map((mutation) => ({ channel, ...mutation }))
  })

  it('generates several breaks per channel', () => {
    for (const channel of invokeChannels)
      expect(table.filter((row) => row.channel === channel).length, channel).toBeGreaterThanOrEqual(
        5,
      )
  })

  it.each(table)('$channel refuses $what', async ({ channel, input, path }) => {
    // The generator itself must only produce inputs the contract refuses.
    expect(invokeContract[channel].input.safeParse(input).success).toBe(false)
    const before = tableCounts(core)
    const error = await callError(core, channel, input)
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.path ?? '').toBe(path)
    expect(tableCounts(core)).toEqual(before)
  })
})

describe('unknown channels', () => {
  const names: unknown[] = [
    '',
    'sale:Complete',
    'sale:complete ',
    'sale:delete',
    'db:exec',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'x'.repeat(10_000),
    42,
    null,
    undefined,
    { channel: 'sale:complete' },
    ['sale:complete'],
  ]
  it.each(names.map((name) => ({ name, label: String(name).slice(0, 30) })))(
    'refuses $label',
    async ({ name }) => {
      const error = await callError(core, name as string, validInputs['sale:complete'])
      expect(error.code).toBe('UNKNOWN_CHANNEL')
      // The echo of a hostile name is bounded.
      expect(error.message.length).toBeLessThan(120)
    },
  )
})

describe('the lock screen', () => {
  const tempDir = useTempDirs()
  const publicChannels = [
    'app:getInfo',
    'display:getState',
    'kitchen:bump',
    'kitchen:recall',
    'print:markDone',
    'register:getConfig',
    'session:get',
    'session:signIn',
    'session:signOut',
  ]
  let lockedDir: string
  let locked: RegisterCore
  beforeAll(() => {
    lockedDir = mkdtempSync(join(tmpdir(), 'auraflow-locked-'))
    locked = openTestCore(lockedDir, { signIn: 'nobody' })
  })
  afterAll(() => {
    locked?.close()
    rmSync(lockedDir, { recursive: true, force: true })
  })

  it('lists exactly the channels the lock screen needs as public', () => {
    expect(invokeChannels.filter((channel) => channelAccess(channel) === 'public').sort()).toEqual(
      publicChannels,
    )
  })

  it.each(invokeChannels.map((channel) => ({ channel })))(
    '$channel answers signed out only if public',
    async ({ channel }) => {
      const before = tableCounts(locked)
      const result = await locked.registry.dispatch(channel, validInputs[channel])
      // The sample PIN signs the manager in: lock again for the next channel.
      locked.authority.signOut()
      if (channelAccess(channel) !== 'public') {
        expect(result).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } })
        expect(tableCounts(locked)).toEqual(before)
      } else if (['print:markDone', 'kitchen:bump', 'kitchen:recall'].includes(channel)) {
        // Public for a kitchen station's bump; on a till its handler still asks for a sign-in.
        expect(result).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } })
      } else if (!result.ok) {
        // It answers: a value, or its own typed reason.
        expect(result.error.code).not.toBe('SIGN_IN_REQUIRED')
      }
    },
  )

  it('keeps the catalog export for managers', async () => {
    const cashier = openTestCore(tempDir(), { signIn: 'cashier' })
    try {
      for (const channel of invokeChannels.filter((name) => channelAccess(name) === 'manager'))
        expect(await callError(cashier, channel, validInputs[channel]), channel).toMatchObject({
          code: 'FORBIDDEN',
        })
    } finally {
      cashier.close()
    }
  })
})
