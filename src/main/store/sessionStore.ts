import type { RegisterExecutor } from './database'
import { liveEmployee, type EmployeeView } from './employeeRepository'
import { currentShift, shiftPeople, type ShiftRow } from './shiftRepository'

/** What the session view reads, bound to the register's database (STYLE.md rule 18). */
export interface SessionStore {
  liveEmployee(employeeId: string): EmployeeView | undefined
  currentShift(deviceId: string): ShiftRow | null
  shiftPeople(shiftId: string): ReturnType<typeof shiftPeople>
}

export function createSessionStore(db: RegisterExecutor): SessionStore {
  return {
    liveEmployee: (employeeId) => liveEmployee(db, employeeId),
    currentShift: (deviceId) => currentShift(db, deviceId),
    shiftPeople: (shiftId) => shiftPeople(db, shiftId),
  }
}
