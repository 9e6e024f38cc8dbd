import type { ServerConfig } from '../config'
import type { Database } from '../db/connection'
import type { TokenSigner } from '../auth/tokens'
import type { RealtimeBus } from '../realtime/bus'
import type { StockProjector } from '../inventory/stockProjector'
import type { ReportProjector } from '../reports/projector'

/** What every route module receives from buildServer. */
export interface RouteContext {
  db: Database
  config: ServerConfig
  signer: TokenSigner
  bus: RealtimeBus
  reportProjector: ReportProjector
  stockProjector: StockProjector
}
