import { and, asc, eq, isNull } from 'drizzle-orm'
import type { RegisterExecutor } from './database'
import { employees } from './schema'

export type EmployeeRole = (typeof employees.$inferSelect)['role']

/** An employee as screens show them (never the PIN hash). */
export interface EmployeeView {
  id: string
  name: string
  role: EmployeeRole
  isActive: boolean
}

const employeeView = {
  id: employees.id,
  name: employees.name,
  role: employees.role,
  isActive: employees.isActive,
}

const withPin = { ...employeeView, pinHash: employees.pinHash }

const isLive = isNull(employees.deletedAt)
const isActiveLive = and(eq(employees.isActive, true), isLive)

/** A live (not deleted) employee with their PIN hash, for an edit. */
export function liveEmployeeWithPin(db: RegisterExecutor, id: string) {
  return db
    .select(withPin)
    .from(employees)
    .where(and(eq(employees.id, id), isLive))
    .get()
}

/** Everyone who may sign in, with PIN hashes: the candidates a PIN is checked against. */
export function activeEmployeesWithPins(db: RegisterExecutor) {
  return db.select(withPin).from(employees).where(isActiveLive).all()
}

/** A live employee as screens show them, or undefined. */
export function liveEmployee(db: RegisterExecutor, id: string): EmployeeView | undefined {
  return db
    .select(employeeView)
    .from(employees)
    .where(and(eq(employees.id, id), isLive))
    .get()
}

/** Everyone who can sign in here, by name. */
export function activeEmployees(db: RegisterExecutor): EmployeeView[] {
  return db
    .select(employeeView)
    .from(employees)
    .where(isActiveLive)
    .orderBy(asc(employees.name))
    .all()
}

/** Everyone not deleted, inactive too (unordered). */
export function liveEmployees(db: RegisterExecutor): EmployeeView[] {
  return db.select(employeeView).from(employees).where(isLive).all()
}

/** Who an employee id was, deleted or not (an old order keeps its cashier), or undefined. */
export function employeeById(
  db: RegisterExecutor,
  id: string,
): { id: string; name: string; role: EmployeeRole } | undefined {
  return db
    .select({ id: employees.id, name: employees.name, role: employees.role })
    .from(employees)
    .where(eq(employees.id, id))
    .get()
}

export interface EmployeeWrite {
  name: string
  role: EmployeeRole
  isActive: boolean
  pinHash: string
}

/** A new employee written here, PENDING until it syncs. */
export function insertEmployee(
  db: RegisterExecutor,
  row: EmployeeWrite & { id: string; deviceId: string },
  now: string,
): void {
  db.insert(employees)
    .values({ ...row, syncStatus: 'PENDING', updatedAt: now })
    .run()
}

/** An edit of an employee, PENDING until it syncs. */
export function updateEmployee(
  db: RegisterExecutor,
  id: string,
  row: EmployeeWrite,
  now: string,
): void {
  db.update(employees)
    .set({ ...row, syncStatus: 'PENDING', updatedAt: now })
    .where(eq(employees.id, id))
    .run()
}
