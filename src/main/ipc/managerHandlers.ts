import { PosError } from '../../shared/ipc/errors'
import type { HandlerContext, HandlerGroup } from './handlers'

type ManagerChannels =
  'manager:health' | 'manager:conflicts' | 'manager:resolveConflict' | 'manager:salesToday'

const notBuilt = (): never => {
  throw new PosError('INTERNAL', 'Not built yet.')
}

export function createManagerHandlers(_context: HandlerContext): HandlerGroup<ManagerChannels> {
  return {
    'manager:health': notBuilt,
    'manager:conflicts': notBuilt,
    'manager:resolveConflict': notBuilt,
    'manager:salesToday': notBuilt,
  }
}
