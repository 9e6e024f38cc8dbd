import { PosError } from '../../shared/ipc/errors'
import type { HandlerContext, HandlerGroup } from './handlers'

type PrintChannels =
  | 'register:config'
  | 'register:saveConfig'
  | 'print:jobs'
  | 'print:status'
  | 'print:reprint'
  | 'print:retry'
  | 'print:cancel'
  | 'print:markDone'
  | 'printer:testPage'
  | 'receipt:html'
  | 'receipt:pdf'

const notBuilt = (): never => {
  throw new PosError('INTERNAL', 'Not built yet.')
}

export function createPrintHandlers(_context: HandlerContext): HandlerGroup<PrintChannels> {
  return {
    'register:config': notBuilt,
    'register:saveConfig': notBuilt,
    'print:jobs': notBuilt,
    'print:status': notBuilt,
    'print:reprint': notBuilt,
    'print:retry': notBuilt,
    'print:cancel': notBuilt,
    'print:markDone': notBuilt,
    'printer:testPage': notBuilt,
    'receipt:html': notBuilt,
    'receipt:pdf': notBuilt,
  }
}
