import type { EventPayload, InvokeOutput } from '../../shared/ipc'

export type Catalog = InvokeOutput<'catalog:list'>
export type Product = Catalog['products'][number]
export type Category = Catalog['categories'][number]
export type OrderSummary = EventPayload<'order:created'>
export type OrderDetail = InvokeOutput<'order:get'>
export type SaleReceipt = InvokeOutput<'sale:complete'>
export type SyncStatusView = InvokeOutput<'sync:getStatus'>
export type SyncCounts = SyncStatusView['counts']
export type DeadRecord = InvokeOutput<'sync:listDead'>[number]
export type Session = InvokeOutput<'session:get'>
export type Employee = NonNullable<Session['employee']>
export type Role = Employee['role']
export type ProtectedAction = Session['approvals'][number]
export type ShiftSummary = InvokeOutput<'shift:list'>[number]
export type ZReport = InvokeOutput<'shift:preview'>
export type CashMovement = InvokeOutput<'shift:recordCashMovement'>
export type DenominationCount = ZReport['cash']['counts'][number]
export type AuditEvent = InvokeOutput<'audit:list'>[number]
export type StoreOptions = InvokeOutput<'settings:get'>['options']
