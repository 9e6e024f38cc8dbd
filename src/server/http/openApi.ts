import { z } from 'zod'
import {
  BatchPushRequest,
  BatchPushResponse,
  EnrollRequest,
  ErrorBody,
  HeartbeatRequest,
  HeartbeatResponse,
  PullChangesResponse,
  RefreshRequest,
  ResolveConflictRequest,
  SeedBatchRequest,
  SeedServerUpdates,
  SeedSyncResponse,
  SeedSyncableOrder,
  SeedSyncableTransaction,
  TenantStoresResponse,
  TokenResponse,
} from '../../shared/sync'
import {
  AdminListReply,
  AdminReply,
  CreateAdminBody,
  CreateEnrollmentCodeBody,
  CreateStoreBody,
  EnrollmentCodeReply,
  RegisterListReply,
  RegisterReply,
  RenameRegisterBody,
  SessionReply,
  SetupBody,
  SetupStatus,
  SignInBody,
  StoreListReply,
  StoreReply,
  UpdateAdminBody,
  UpdateStoreBody,
} from '../../shared/backoffice/api'
import {
  AdminConflictListReply,
  AdminResolveBody,
  AdminResolveReply,
  SyncHealthReply,
} from '../../shared/backoffice/syncHealth'
import {
  AdminCategoryBody,
  AdminEmployeeBody,
  AdminEmployeeListReply,
  AdminEmployeeReply,
  AdminPinBody,
  AdminProductBody,
  AdminRecord,
  AdminRecordListReply,
  AdminTaxRateBody,
} from '../../shared/backoffice/catalog'
import { AdminStoreRulesBody, AdminStoreRulesReply } from '../../shared/backoffice/rules'
import { StockReply } from '../../shared/backoffice/stock'
import {
  StockHistoryReply,
  StockImportBody,
  StockImportReply,
  StockLevelsReply,
} from '../../shared/backoffice/stockOffice'
import {
  CreateTransferBody,
  ReorderRuleBody,
  ReorderRuleListReply,
  ReorderRuleView,
  SuggestedOrderReply,
  TransferListReply,
  TransferReply,
} from '../../shared/backoffice/stockTransfers'
import { AuditReply } from '../../shared/backoffice/audit'
import {
  PaymentMethodsReply,
  RefundsReply,
  SalesReply,
  ShiftsReply,
  SummaryReply,
} from '../../shared/backoffice/reports'
import { CreateTenantBody, TenantView } from '../tenancy/stores'
import type { OperationsByPath } from './openApiOperation'
import { purchasingOperations } from './openApiPurchasing'

const AdminSaveResponse = z.object({
  record: z.object({
    entity: z.string(),
    id: z.string(),
    version: z.number().int(),
    seq: z.number().int(),
    hash: z.string(),
    data: z.unknown(),
  }),
  isChanged: z.boolean(),
})

const reportQuery = {
  from: 'first business day, YYYY-MM-DD (required)',
  to: 'last business day, YYYY-MM-DD (required; at most 400 days)',
  storeIds: 'comma-separated store ids (default: every store the caller may see)',
  format: 'json (default) or csv (a download)',
}

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })

const operations: OperationsByPath = {
  ...purchasingOperations,
  '/api/auth/enroll': {
    post: {
      summary: 'Exchange an enrollment code for device tokens',
      tags: ['auth'],
      body: EnrollRequest,
      response: TokenResponse,
      isPublic: true,
    },
  },
  '/api/auth/refresh': {
    post: {
      summary: 'Rotate the refresh token; a revoked device gets 401',
      tags: ['auth'],
      body: RefreshRequest,
      response: TokenResponse,
      isPublic: true,
    },
  },
  '/api/sync/batch-push': {
    post: {
      summary: 'Push up to 50 changes; per-change results',
      tags: ['sync'],
      body: BatchPushRequest,
      response: BatchPushResponse,
    },
  },
  '/api/sync/pull-changes': {
    get: {
      summary: 'Changes after a cursor, in server sequence order',
      tags: ['sync'],
      response: PullChangesResponse,
      query: { since: 'nextSyncToken (omit for a full sync)', limit: '1..1000, default 200' },
    },
  },
  '/api/sync/batch': {
    post: {
      summary:
        'Seed-compatible batch: orders and transactions with decimal amounts, plus server updates',
      tags: ['seed'],
      body: SeedBatchRequest,
      response: z.object({
        success: z.boolean(),
        syncedOrders: z.array(SeedSyncResponse),
        syncedTransactions: z.array(SeedSyncResponse),
        serverUpdates: SeedServerUpdates,
        nextSyncToken: z.string(),
        hasMore: z.boolean(),
      }),
    },
  },
  '/api/sync/order': {
    post: {
      summary: 'Seed-compatible single order',
      tags: ['seed'],
      body: SeedSyncableOrder,
      response: SeedSyncResponse,
    },
  },
  '/api/sync/transaction': {
    post: {
      summary: 'Seed-compatible single transaction',
      tags: ['seed'],
      body: SeedSyncableTransaction,
      response: SeedSyncResponse,
    },
  },
  '/api/sync/updates': {
    get: {
      summary: "Other devices' orders and transactions",
      tags: ['seed'],
      response: SeedServerUpdates,
      query: {
        deviceId: 'the calling device',
        since: 'nextSyncToken or millisecond server timestamp',
      },
    },
  },
  '/api/sync/resolve-conflict': {
    post: {
      summary: 'Settle a stored conflict',
      tags: ['sync'],
      body: ResolveConflictRequest,
      query: { storeId: 'admins only' },
    },
  },
  '/api/sync/conflicts': {
    get: {
      summary: 'Stored conflicts of the store',
      tags: ['sync'],
      query: { storeId: 'admins only', status: 'open | resolved' },
    },
  },
  '/api/sync/heartbeat': {
    post: {
      summary: "A register reports its own outbox (pending, oldest, dead) for the store's stats",
      tags: ['sync'],
      body: HeartbeatRequest,
      response: HeartbeatResponse,
    },
  },
  '/api/sync/stats': {
    get: {
      summary: 'Per-device sync health and store totals',
      tags: ['sync'],
      query: { storeId: 'admins only' },
    },
  },
  '/api/sync/stores': {
    get: {
      summary: "The other stores of the device's tenant (to send stock to); device token only",
      tags: ['sync'],
      response: TenantStoresResponse,
    },
  },
  '/api/sync/ws': {
    get: {
      summary: 'WebSocket: {type:"hello"|"poke", headSeq}; token in Authorization or ?token=',
      tags: ['realtime'],
    },
  },
  '/api/admin/login': {
    post: { summary: 'Admin login (email, password)', tags: ['admin'], isPublic: true },
  },
  '/api/admin/devices/{deviceId}/revoke': {
    post: { summary: 'Revoke a device: its tokens stop working at once', tags: ['admin'] },
  },
  '/api/admin/stores/{storeId}/enrollment-codes': {
    post: { summary: 'Issue an enrollment code', tags: ['admin'] },
  },
  '/api/admin/products': {
    get: {
      summary: "The store's products as the server holds them (id order, paged)",
      tags: ['admin', 'catalog'],
      response: z.object({
        products: z.array(AdminRecord),
        nextAfter: z.string().nullable(),
      }),
      query: {
        storeId: 'required unless the admin is scoped to one store',
        after: 'nextAfter of the previous page',
        limit: '1..1000, default 200',
      },
    },
  },
  '/api/admin/products/{id}': {
    put: {
      summary: 'Create or replace a product; registers pull it like any change',
      tags: ['admin', 'catalog'],
      body: AdminProductBody,
      response: AdminSaveResponse,
      query: { storeId: 'required unless the admin is scoped to one store' },
    },
  },
  '/api/admin/categories': {
    get: {
      summary: "The store's live categories",
      tags: ['admin', 'catalog'],
      response: AdminRecordListReply,
      query: { storeId: 'required unless the admin is scoped to one store' },
    },
  },
  '/api/admin/categories/{id}': {
    put: {
      summary: 'Create or replace a category; registers pull it like any change',
      tags: ['admin', 'catalog'],
      body: AdminCategoryBody,
      response: AdminSaveResponse,
      query: { storeId: 'required unless the admin is scoped to one store' },
    },
    delete: {
      summary: 'Delete a category; 409 IN_USE naming how many products use it',
      tags: ['admin', 'catalog'],
      response: AdminSaveResponse,
      query: {
        storeId: 'required unless the admin is scoped to one store',
        baseVersion: 'the version loaded; 409 when the record changed since',
      },
    },
  },
  '/api/admin/tax-rates': {
    get: {
      summary: "The store's live tax rates",
      tags: ['admin', 'catalog'],
      response: AdminRecordListReply,
      query: { storeId: 'required unless the admin is scoped to one store' },
    },
  },
  '/api/admin/tax-rates/{id}': {
    put: {
      summary: 'Create or replace a tax rate; registers pull it like any change',
      tags: ['admin', 'catalog'],
      body: AdminTaxRateBody,
      response: AdminSaveResponse,
      query: { storeId: 'required unless the admin is scoped to one store' },
    },
    delete: {
      summary: 'Delete a tax rate; 409 IN_USE while a product uses it',
      tags: ['admin', 'catalog'],
      response: AdminSaveResponse,
      query: {
        storeId: 'required unless the admin is scoped to one store',
        baseVersion: 'the version loaded; 409 when the record changed since',
      },
    },
  },
  '/api/admin/stores/{storeId}/rules': {
    get: {
      summary: "The store's rules (defaults and version 0 until saved)",
      tags: ['admin', 'stores'],
      response: AdminStoreRulesReply,
    },
    put: {
      summary:
        "Replace the store's rules (409 VERSION_CONFLICT on a newer version); registers pull them",
      tags: ['admin', 'stores'],
      body: AdminStoreRulesBody,
      response: AdminStoreRulesReply,
    },
  },
  '/api/admin/employees': {
    get: {
      summary: "The store's staff (never a PIN or its hash)",
      tags: ['admin', 'staff'],
      response: AdminEmployeeListReply,
      query: { storeId: 'required unless the admin is scoped to one store' },
    },
  },
  '/api/admin/employees/{id}': {
    put: {
      summary: 'Add or change a person (name, role, active; a PIN for a new one)',
      tags: ['admin', 'staff'],
      body: AdminEmployeeBody,
      response: AdminEmployeeReply,
      query: { storeId: 'required unless the admin is scoped to one store' },
    },
  },
  '/api/admin/employees/{id}/pin': {
    post: {
      summary: "Set or reset a person's PIN (unique among the store's active staff)",
      tags: ['admin', 'staff'],
      body: AdminPinBody,
      response: AdminEmployeeReply,
      query: { storeId: 'required unless the admin is scoped to one store' },
    },
  },
  '/api/admin/tenants': {
    get: {
      summary: 'Tenants: all for a super admin, their own for a tenant admin',
      tags: ['admin', 'provisioning'],
      response: z.object({ tenants: z.array(TenantView) }),
    },
    post: {
      summary: 'Create a tenant (super admin)',
      tags: ['admin', 'provisioning'],
      body: CreateTenantBody,
      response: z.object({ tenant: TenantView }),
    },
  },
  '/api/admin/stores': {
    get: {
      summary: 'Stores in the admin scope, with their live register count',
      tags: ['admin', 'provisioning'],
      response: StoreListReply,
      query: { tenantId: 'super admins: only this tenant' },
    },
    post: {
      summary:
        'Create a store (super admin for any tenant, tenant admin for their own); 409 STORE_CODE_TAKEN',
      tags: ['admin', 'provisioning'],
      body: CreateStoreBody,
      response: StoreReply,
    },
  },
  '/api/admin/stores/{storeId}': {
    get: {
      summary: 'One store in the admin scope (404 outside it)',
      tags: ['admin', 'backoffice'],
      response: StoreReply,
    },
    patch: {
      summary: "Change a store's details (tenant or super admin); only the fields sent change",
      tags: ['admin', 'backoffice'],
      body: UpdateStoreBody,
      response: StoreReply,
    },
    delete: {
      summary:
        'Delete a store that never had registers or synced records (204); 409 STORE_IN_USE with the reason',
      tags: ['admin', 'backoffice'],
    },
  },
  '/api/admin/registers': {
    get: {
      summary:
        "Registers in the admin scope: last seen, app version, pending and refused work from the register's last heartbeat",
      tags: ['admin', 'backoffice'],
      response: RegisterListReply,
      query: { storeId: 'only this store' },
    },
  },
  '/api/admin/registers/{id}': {
    patch: {
      summary: 'Rename a register',
      tags: ['admin', 'backoffice'],
      body: RenameRegisterBody,
      response: RegisterReply,
    },
  },
  '/api/admin/registers/{id}/revoke': {
    post: {
      summary: 'Revoke a register: its tokens stop working at once',
      tags: ['admin', 'backoffice'],
      response: RegisterReply,
    },
  },
  '/api/admin/enrollment-codes': {
    post: {
      summary:
        'Issue an enrollment code with expiry and uses, with its enroll URI as a QR code (SVG)',
      tags: ['admin', 'backoffice'],
      body: CreateEnrollmentCodeBody,
      response: EnrollmentCodeReply,
    },
  },
  '/api/admin/reports/summary': {
    get: {
      summary:
        "Sales summary for business days from..to in each store's time zone: gross, discounts, refunds, net, tax by rate, tenders, average ticket",
      tags: ['admin', 'reports'],
      response: SummaryReply,
      query: reportQuery,
    },
  },
  '/api/admin/reports/sales': {
    get: {
      summary: 'Sales grouped by day, hour, item, category, employee, register or store',
      tags: ['admin', 'reports'],
      response: SalesReply,
      query: {
        ...reportQuery,
        groupBy: 'day | hour | item | category | employee | register | store',
      },
    },
  },
  '/api/admin/reports/payment-methods': {
    get: {
      summary: 'Payments by method: sales, refunds and net',
      tags: ['admin', 'reports'],
      response: PaymentMethodsReply,
      query: reportQuery,
    },
  },
  '/api/admin/reports/refunds': {
    get: {
      summary: 'Refunds and voided orders in the range',
      tags: ['admin', 'reports'],
      response: RefundsReply,
      query: reportQuery,
    },
  },
  '/api/admin/reports/shifts': {
    get: {
      summary: 'Shifts opened in the range, with over/short and whether a Z report was kept',
      tags: ['admin', 'reports'],
      response: ShiftsReply,
      query: reportQuery,
    },
  },
  '/api/admin/stock': {
    get: {
      summary:
        'Stock on hand of one store per product and variant (the sum of its stock movements, exact to the thousandth; negative flagged)',
      tags: ['admin', 'stock'],
      response: StockReply,
      query: {
        storeId: 'the store (UUID); outside your scope: 404',
        productIds: 'comma-separated product ids (optional)',
      },
    },
  },
  '/api/admin/stock/levels': {
    get: {
      summary:
        'Stock levels of one or several stores: on hand, reorder point and low flag, average cost and value (negative on hand valued 0, flagged); csv: the valuation of one store',
      tags: ['admin', 'stock'],
      response: StockLevelsReply,
      query: {
        storeId: 'one store (UUID)',
        storeIds: 'comma-separated stores side by side (default: every store you may see)',
        q: 'words in the name or SKU',
        format: 'json (default) or csv (one store: the valuation, also the stock-level export)',
      },
    },
  },
  '/api/admin/stock/history': {
    get: {
      summary:
        "One product's (or variant's) stock movements in a store, newest first, with the running balance, who, when and the reference",
      tags: ['admin', 'stock'],
      response: StockHistoryReply,
      query: {
        storeId: 'the store (UUID)',
        productId: 'the product',
        variantId: 'the variant (optional)',
        before: "the previous page's nextBefore",
        limit: 'movements per page, 1-200 (default 50)',
      },
    },
  },
  '/api/admin/stock/import': {
    post: {
      summary:
        'Stock levels from CSV (sku, on_hand): a preview, or with apply one COUNT movement setting each SKU to its figure; any bad row refuses the whole file (422)',
      tags: ['admin', 'stock'],
      body: StockImportBody,
      response: StockImportReply,
      query: { storeId: 'the store (UUID)' },
    },
  },
  '/api/admin/stock/transfers': {
    get: {
      summary: "A store's incoming and outgoing transfers, sent and received (derived) per line",
      tags: ['admin', 'stock'],
      response: TransferListReply,
      query: { storeId: 'the store (UUID)' },
    },
    post: {
      summary:
        "Send stock to another store of the business: the transfer in both stores and the sender's TRANSFER_OUT, in one transaction",
      tags: ['admin', 'stock'],
      body: CreateTransferBody,
      response: TransferReply,
    },
  },
  '/api/admin/stock/transfers/{id}/receive': {
    post: {
      summary: 'Receive everything still outstanding of a transfer (a TRANSFER_IN at the receiver)',
      tags: ['admin', 'stock'],
      response: TransferReply,
      query: { storeId: 'the receiving store (UUID)' },
    },
  },
  '/api/admin/stock/transfers/{id}/cancel': {
    post: {
      summary:
        'Cancel a transfer nothing of which arrived: CANCELLED in both stores and the stock back at the sender',
      tags: ['admin', 'stock'],
      response: TransferReply,
      query: { storeId: 'the sending store (UUID)' },
    },
  },
  '/api/admin/stock/reorder-rules': {
    get: {
      summary: "A store's reorder rules and its suppliers",
      tags: ['admin', 'stock'],
      response: ReorderRuleListReply,
      query: { storeId: 'the store (UUID)' },
    },
  },
  '/api/admin/stock/reorder-rules/{id}': {
    put: {
      summary:
        'Create or replace the reorder point, reorder quantity and preferred supplier of a product in a store',
      tags: ['admin', 'stock'],
      body: ReorderRuleBody,
      response: z.object({ rule: ReorderRuleView, isChanged: z.boolean() }),
      query: { storeId: 'the store (UUID)' },
    },
  },
  '/api/admin/stock/suggested-order': {
    get: {
      summary:
        'Products at or below their reorder point with the quantity to order (up to point + reorder quantity), by preferred supplier',
      tags: ['admin', 'stock'],
      response: SuggestedOrderReply,
      query: { storeId: 'the store (UUID)' },
    },
  },
  '/api/admin/audit': {
    get: {
      summary:
        'The audit log in words (who, what, approved by whom, register, when, amount), newest first, a keyset page at a time',
      tags: ['admin', 'reports'],
      response: AuditReply,
      query: {
        ...reportQuery,
        action: 'an action as written by the registers, e.g. refund.created',
        employeeId: 'who acted or approved',
        registerId: 'the register (device id)',
        q: 'words in the action, the details, the employee or register name',
        lang: 'en (default) or ar: the language of the words',
        limit: 'rows per page, 1-500 (default 100)',
        cursor: "the previous page's nextCursor",
        format: 'json (default) or csv (every filtered row, up to 10000, in words)',
      },
    },
  },
  '/api/admin/users': {
    get: {
      summary: 'Back-office users: all for a super admin, their tenant for a tenant admin',
      tags: ['admin', 'backoffice'],
      response: AdminListReply,
    },
    post: {
      summary: 'Create a tenant admin or a store manager bound to stores; 409 EMAIL_TAKEN',
      tags: ['admin', 'backoffice'],
      body: CreateAdminBody,
      response: AdminReply,
    },
  },
  '/api/admin/users/{id}': {
    patch: {
      summary:
        "Disable or enable a user, bind a manager's stores, set a password (a manager: their own only)",
      tags: ['admin', 'backoffice'],
      body: UpdateAdminBody,
      response: AdminReply,
    },
  },
  '/api/admin/sync-health': {
    get: {
      summary:
        'Sync health of every register in the stores the admin may see: cursor lag, last heartbeat, connection, conflicts and a verdict in words',
      tags: ['admin', 'backoffice'],
      response: SyncHealthReply,
      query: { storeId: 'only this store' },
    },
  },
  '/api/admin/conflicts': {
    get: {
      summary: 'Conflicts waiting for a person in the admin scope, with both sides of each',
      tags: ['admin', 'backoffice'],
      response: AdminConflictListReply,
      query: { storeId: 'only this store', status: 'open (default) | resolved' },
    },
  },
  '/api/admin/conflicts/{id}/resolve': {
    post: {
      summary:
        "Settle a conflict: keep the server's copy, take the register's, or merge (data checked like a push); 409 ALREADY_RESOLVED",
      tags: ['admin', 'backoffice'],
      body: AdminResolveBody,
      response: AdminResolveReply,
    },
  },
  '/api/backoffice/session': {
    get: {
      summary: 'The signed-in admin of the session cookie (401 when signed out)',
      tags: ['backoffice'],
      response: SessionReply,
      isPublic: true,
    },
    post: {
      summary:
        'Sign in: sets an HttpOnly SameSite=Strict session cookie and returns the CSRF token for x-csrf-token',
      tags: ['backoffice'],
      body: SignInBody,
      response: SessionReply,
      isPublic: true,
    },
    delete: {
      summary: 'Sign out: deletes the session (204); needs x-csrf-token while the session lives',
      tags: ['backoffice'],
      isPublic: true,
    },
  },
  '/api/backoffice/setup': {
    get: {
      summary: 'Whether the server still needs its first-run set-up (no admin yet)',
      tags: ['backoffice'],
      response: SetupStatus,
      isPublic: true,
    },
    post: {
      summary:
        'First run: creates the tenant, its first store and the owner in one transaction, and signs in; 409 once set up',
      tags: ['backoffice'],
      body: SetupBody,
      response: SessionReply,
      isPublic: true,
    },
  },
  '/healthz': { get: { summary: 'Liveness', tags: ['health'], isPublic: true } },
  '/readyz': {
    get: {
      summary: 'Readiness: database reachable and migrated',
      tags: ['health'],
      isPublic: true,
    },
  },
}

/** OpenAPI 3.1 description built from the same zod schemas the routes validate with. */
export function openApiDocument(): Record<string, unknown> {
  const errorResponse = {
    description: 'error',
    content: { 'application/json': { schema: jsonSchema(ErrorBody) } },
  }
  const paths: Record<string, Record<string, unknown>> = {}
  for (const [path, methods] of Object.entries(operations)) {
    paths[path] = {}
    for (const [method, operation] of Object.entries(methods)) {
      paths[path][method] = {
        summary: operation.summary,
        tags: operation.tags,
        ...(operation.isPublic ? { security: [] } : {}),
        ...(operation.query
          ? {
              parameters: Object.entries(operation.query).map(([name, description]) => ({
                name,
                in: 'query',
                required: false,
                description,
                schema: { type: 'string' },
              })),
            }
          : {}),
        ...(operation.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: jsonSchema(operation.body) } },
              },
            }
          : {}),
        responses: {
          '200': {
            description: 'ok',
            ...(operation.response
              ? { content: { 'application/json': { schema: jsonSchema(operation.response) } } }
              : {}),
          },
          '400': errorResponse,
          '401': errorResponse,
          '403': errorResponse,
          '404': errorResponse,
          '410': errorResponse,
          '409': errorResponse,
          '413': errorResponse,
          '426': errorResponse,
          '429': errorResponse,
        },
      }
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'AuraFlow POS sync server',
      version: '1',
      description:
        'Sync protocol v1 (header X-Sync-Protocol: 1) and the seed-compatible endpoints.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        session: { type: 'apiKey', in: 'cookie', name: 'auraflow_session' },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  }
}
