import { createManagerService } from '../services/managerService'
import type { HandlerContext, HandlerGroup } from './handlerContext'

type ManagerChannels =
  | 'manager:getHealth'
  | 'manager:listConflicts'
  | 'manager:resolveConflict'
  | 'manager:getSalesToday'

/** The manager console: store-wide sync health, conflicts and today's sales. Managers only. */
export function createManagerHandlers(context: HandlerContext): HandlerGroup<ManagerChannels> {
  const manager = createManagerService({
    store: context.store,
    sync: context.sync,
    authority: context.authority,
    now: context.now,
  })
  return {
    'manager:getHealth': () => manager.health(),
    'manager:listConflicts': () => manager.conflicts(),
    'manager:resolveConflict': (input) => manager.resolveConflict(input),
    'manager:getSalesToday': () => manager.salesToday(),
  }
}
