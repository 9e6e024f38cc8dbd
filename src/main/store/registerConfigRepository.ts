import { eq } from 'drizzle-orm'
import { parseRegisterConfig, RegisterConfig } from '../../shared/store/registerConfig'
import type { RegisterExecutor } from './database'
import { registerSettings } from './schema'

/** This register's mode, language and printers; defaults (a plain English till) until saved. */
export function getRegisterConfig(db: RegisterExecutor): RegisterConfig {
  const row = db
    .select({ config: registerSettings.config })
    .from(registerSettings)
    .where(eq(registerSettings.id, 1))
    .get()
  return parseRegisterConfig(row?.config ?? '{}')
}

/** Stores the whole config (the single row is created by the first save). */
export function saveRegisterConfig(
  db: RegisterExecutor,
  config: RegisterConfig,
  now: string,
): RegisterConfig {
  const stored = RegisterConfig.parse(config)
  const json = JSON.stringify(stored)
  db.insert(registerSettings)
    .values({ id: 1, config: json, updatedAt: now })
    .onConflictDoUpdate({ target: registerSettings.id, set: { config: json, updatedAt: now } })
    .run()
  return stored
}
