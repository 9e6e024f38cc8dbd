import { createManagerService } from '../services/managerService'
import type { HandlerContext, HandlerGroup } from './handlers'

type ManagerChannels =
  'manager:health' | 'manager:conflicts' | 'manager:resolveConflict' | 'manager:salesToday'

/** The manager console: store-wide sync health, conflicts and today's sales. Managers only. */
export function createManagerHandlers(context: HandlerContext): HandlerGroup<ManagerChannels> {
  const manager = createManagerService({
    db: context.db,
    sync: context.sync,
    authority: context.authority,
    now: context.now,
  })
  return {
    'manager:health': () => manager.health(),
    'manager:conflicts': () => manager.conflicts(),
    'manager:resolveConflict': (input) => manager.resolveConflict(input),
    'manager:salesToday': () => manager.salesToday(),
  }
}
