import { z } from 'zod'
import {
  AdminView,
  EnrollmentCodeReply,
  RegisterView,
  SessionReply,
  SetupStatus,
  StoreDetail,
  type CreateAdminBody,
  type CreateEnrollmentCodeBody,
  type CreateStoreBody,
  type SetupBody,
  type SignInBody,
  type UpdateAdminBody,
  type UpdateStoreBody,
} from '../../../shared/backoffice/api'
import { HttpClient, type HttpClientOptions } from './client'
import { ApiError } from './errors'
import { routes } from './routes'

/** A reply that is either the value itself or the value under `key` (`{ store: {...} }`). */
function wrapped<S extends z.ZodType>(key: string, schema: S) {
  return z.union([
    z.object({ [key]: schema }).transform((value) => value[key] as z.output<S>),
    schema,
  ])
}

const StoreReply = wrapped('store', StoreDetail)
const StoreList = wrapped('stores', z.array(StoreDetail))
const RegisterList = wrapped('registers', z.array(RegisterView))
const AdminReply = wrapped('admin', AdminView)
const AdminList = wrapped('admins', z.array(AdminView))

export type RenameRegisterBody = { name: string }

/** The back office's calls, typed by the shared contract. */
export class BackofficeApi {
  readonly http: HttpClient

  constructor(options: HttpClientOptions = {}) {
    this.http = new HttpClient(options)
  }

  setupStatus() {
    return this.http.request('GET', routes.setup, SetupStatus, { isSessionProbe: true })
  }

  async setup(body: SetupBody): Promise<SessionReply | null> {
    const reply = await this.http.request('POST', routes.setup, z.unknown(), { body })
    const session = SessionReply.safeParse(reply)
    if (!session.success) return null
    this.http.setCsrfToken(session.data.csrfToken)
    return session.data
  }

  /** The current session, or null when there is none (a 401 here is not an ended session). */
  async currentSession(): Promise<SessionReply | null> {
    try {
      const session = await this.http.request('GET', routes.session, SessionReply, {
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
    const session = await this.http.request('POST', routes.session, SessionReply, {
      body,
      isSessionProbe: true,
    })
    this.http.setCsrfToken(session.csrfToken)
    return session
  }

  async signOut(): Promise<void> {
    try {
      await this.http.send('DELETE', routes.session, { isSessionProbe: true })
    } finally {
      this.http.setCsrfToken(null)
    }
  }

  listStores() {
    return this.http.request('GET', routes.stores, StoreList)
  }

  createStore(body: CreateStoreBody) {
    return this.http.request('POST', routes.stores, StoreReply, { body })
  }

  updateStore(id: string, body: UpdateStoreBody) {
    return this.http.request('PATCH', routes.store(id), StoreReply, { body })
  }

  listRegisters(storeId: string) {
    return this.http.request('GET', routes.registers(storeId), RegisterList)
  }

  renameRegister(id: string, body: RenameRegisterBody) {
    return this.http.request('PATCH', routes.register(id), z.unknown(), { body })
  }

  async revokeRegister(id: string): Promise<void> {
    await this.http.send('POST', routes.revokeRegister(id), { body: {} })
  }

  createEnrollmentCode(body: CreateEnrollmentCodeBody) {
    return this.http.request('POST', routes.enrollmentCodes, EnrollmentCodeReply, { body })
  }

  listAdmins() {
    return this.http.request('GET', routes.admins, AdminList)
  }

  createAdmin(body: CreateAdminBody) {
    return this.http.request('POST', routes.admins, AdminReply, { body })
  }

  updateAdmin(id: string, body: UpdateAdminBody) {
    return this.http.request('PATCH', routes.admin(id), AdminReply, { body })
  }
}
