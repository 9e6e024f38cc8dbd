import type { z } from 'zod'
import {
  AdminListReply,
  AdminReply,
  EnrollmentCodeReply,
  RegisterListReply,
  RegisterReply,
  type RenameRegisterBody,
  SessionReply,
  SetupStatus,
  StoreListReply,
  StoreReply,
  TenantListReply,
  TenantReply,
  type CreateTenantBody,
  backofficePaths as paths,
  type CreateAdminBody,
  type CreateEnrollmentCodeBody,
  type CreateStoreBody,
  type SetupBody,
  type SignInBody,
  type UpdateAdminBody,
  type UpdateStoreBody,
} from '../../../shared/backoffice/api'
import {
  AdminConflictListReply,
  AdminResolveReply,
  SyncHealthReply,
  syncHealthPaths,
  type AdminResolveBody,
} from '../../../shared/backoffice/syncHealth'
import {
  AdminEmployeeListReply,
  AdminEmployeeReply,
  AdminProductListReply,
  AdminRecordListReply,
  AdminSaveReply,
  catalogPaths,
  type AdminCategoryBody,
  type AdminEmployeeBody,
  type AdminPinBody,
  type AdminProductBody,
  type AdminTaxRateBody,
} from '../../../shared/backoffice/catalog'
import {
  AdminStoreRulesReply,
  rulesPaths,
  type AdminStoreRulesBody,
} from '../../../shared/backoffice/rules'
import { HttpClient, type HttpClientOptions } from './client'
import { ApiError } from './errors'

/** The back office's calls: the contract's paths, bodies and reply envelopes. */
export class BackofficeApi {
  readonly http: HttpClient
  /** A super admin's chosen tenant: list calls then ask for that tenant only (`?tenantId=`). */
  tenantId: string | null = null

  constructor(options: HttpClientOptions = {}) {
    this.http = new HttpClient(options)
  }

  setupStatus() {
    return this.http.request('GET', paths.setup, SetupStatus, { isSessionProbe: true })
  }

  /** First run: the server signs the new owner in. */
  async setup(body: SetupBody): Promise<SessionReply> {
    const session = await this.http.request('POST', paths.setup, SessionReply, {
      body,
      isSessionProbe: true,
    })
    this.http.setCsrfToken(session.csrfToken)
    return session
  }

  /** The current session, or null when there is none (a 401 here is not an ended session). */
  async currentSession(): Promise<SessionReply | null> {
    try {
      const session = await this.http.request('GET', paths.session, SessionReply, {
        isSessionProbe: true,
      })
      this.http.setCsrfToken(session.csrfToken)
      return session
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null
      throw error
    }
  }

  async signIn(body: SignInBody): Promise<SessionReply> {
    const session = await this.http.request('POST', paths.session, SessionReply, {
      body,
      isSessionProbe: true,
    })
    this.http.setCsrfToken(session.csrfToken)
    return session
  }

  async signOut(): Promise<void> {
    try {
      await this.http.send('DELETE', paths.session, { isSessionProbe: true })
    } finally {
      this.http.setCsrfToken(null)
    }
  }

  setTenant(tenantId: string | null): void {
    this.tenantId = tenantId
  }

  /** The path with the chosen tenant, if any, added to its query. */
  withTenant(path: string): string {
    if (!this.tenantId) return path
    const tenant = new URLSearchParams({ tenantId: this.tenantId }).toString()
    return `${path}${path.includes('?') ? '&' : '?'}${tenant}`
  }

  async listTenants() {
    return (await this.http.request('GET', paths.tenants, TenantListReply)).tenants
  }

  async createTenant(body: CreateTenantBody) {
    return (await this.http.request('POST', paths.tenants, TenantReply, { body })).tenant
  }

  async listStores() {
    return (await this.http.request('GET', this.withTenant(paths.stores), StoreListReply)).stores
  }

  async createStore(body: CreateStoreBody) {
    const withTenant = body.tenantId || !this.tenantId ? body : { ...body, tenantId: this.tenantId }
    return (await this.http.request('POST', paths.stores, StoreReply, { body: withTenant })).store
  }

  async updateStore(id: string, body: UpdateStoreBody) {
    return (await this.http.request('PATCH', paths.store(id), StoreReply, { body })).store
  }

  /** 204, or 409 STORE_IN_USE with the reason (registers or synced records keep it). */
  async deleteStore(id: string): Promise<void> {
    await this.http.send('DELETE', paths.store(id))
  }

  /** The store's rules and their version (0 and the defaults while never saved). */
  storeRules(storeId: string) {
    return this.http.request('GET', rulesPaths.rules(storeId), AdminStoreRulesReply)
  }

  /** A whole new set of rules; 409 when someone saved a newer version since `baseVersion`. */
  saveStoreRules(storeId: string, body: AdminStoreRulesBody) {
    return this.http.request('PUT', rulesPaths.rules(storeId), AdminStoreRulesReply, { body })
  }

  async listRegisters(storeId: string) {
    const path = `${paths.registers}?${new URLSearchParams({ storeId }).toString()}`
    return (await this.http.request('GET', path, RegisterListReply)).registers
  }

  async renameRegister(id: string, body: z.infer<typeof RenameRegisterBody>) {
    return (await this.http.request('PATCH', paths.register(id), RegisterReply, { body })).register
  }

  async revokeRegister(id: string) {
    return (await this.http.request('POST', paths.revokeRegister(id), RegisterReply)).register
  }

  createEnrollmentCode(body: CreateEnrollmentCodeBody) {
    return this.http.request('POST', paths.enrollmentCodes, EnrollmentCodeReply, { body })
  }

  async listAdmins() {
    return (await this.http.request('GET', this.withTenant(paths.users), AdminListReply)).users
  }

  async createAdmin(body: CreateAdminBody) {
    const withTenant = body.tenantId || !this.tenantId ? body : { ...body, tenantId: this.tenantId }
    return (await this.http.request('POST', paths.users, AdminReply, { body: withTenant })).user
  }

  async updateAdmin(id: string, body: UpdateAdminBody) {
    return (await this.http.request('PATCH', paths.user(id), AdminReply, { body })).user
  }

  /** Every register of the stores this admin may see, with a verdict in words. */
  syncHealth() {
    return this.http.request('GET', this.withTenant(syncHealthPaths.syncHealth), SyncHealthReply)
  }

  async listConflicts(status: 'open' | 'resolved' = 'open') {
    const path = `${syncHealthPaths.conflicts}?${new URLSearchParams({ status }).toString()}`
    return (await this.http.request('GET', this.withTenant(path), AdminConflictListReply)).conflicts
  }

  resolveConflict(id: string, body: AdminResolveBody) {
    return this.http.request('POST', syncHealthPaths.resolveConflict(id), AdminResolveReply, {
      body,
    })
  }

  // Catalog and staff of one store (synced records registers pull).

  /** Every live product of the store, a page of 1000 at a time. */
  async listProducts(storeId: string) {
    const products: AdminProductListReply['products'] = []
    let after: string | undefined
    do {
      const page = await this.http.request(
        'GET',
        catalogPaths.products(storeId, after),
        AdminProductListReply,
      )
      products.push(...page.products)
      after = page.nextAfter ?? undefined
    } while (after)
    return products
  }

  saveProduct(storeId: string, id: string, body: AdminProductBody) {
    return this.http.request('PUT', catalogPaths.product(storeId, id), AdminSaveReply, { body })
  }

  async listCategories(storeId: string) {
    return (await this.http.request('GET', catalogPaths.categories(storeId), AdminRecordListReply))
      .records
  }

  saveCategory(storeId: string, id: string, body: AdminCategoryBody) {
    return this.http.request('PUT', catalogPaths.category(storeId, id), AdminSaveReply, { body })
  }

  /** 409 IN_USE while products use it (the message starts with how many). */
  deleteCategory(storeId: string, id: string, baseVersion: number) {
    return this.http.request(
      'DELETE',
      catalogPaths.deleteCategory(storeId, id, baseVersion),
      AdminSaveReply,
    )
  }

  async listTaxRates(storeId: string) {
    return (await this.http.request('GET', catalogPaths.taxRates(storeId), AdminRecordListReply))
      .records
  }

  saveTaxRate(storeId: string, id: string, body: AdminTaxRateBody) {
    return this.http.request('PUT', catalogPaths.taxRate(storeId, id), AdminSaveReply, { body })
  }

  deleteTaxRate(storeId: string, id: string, baseVersion: number) {
    return this.http.request(
      'DELETE',
      catalogPaths.deleteTaxRate(storeId, id, baseVersion),
      AdminSaveReply,
    )
  }

  async listEmployees(storeId: string) {
    return (await this.http.request('GET', catalogPaths.employees(storeId), AdminEmployeeListReply))
      .employees
  }

  saveEmployee(storeId: string, id: string, body: AdminEmployeeBody) {
    return this.http.request('PUT', catalogPaths.employee(storeId, id), AdminEmployeeReply, {
      body,
    })
  }

  setPin(storeId: string, id: string, body: AdminPinBody) {
    return this.http.request('POST', catalogPaths.employeePin(storeId, id), AdminEmployeeReply, {
      body,
    })
  }
}
