import { parseArgs } from 'node:util'
import { settingsFromEnv } from './config'
import { openDatabase } from './db/connection'
import { startServer } from './main'
import { AdminRole, createAdminUser } from './tenancy/admins'
import { issueCodeForStoreCode } from './tenancy/enrollmentCodes'

/**
 * `tsx src/server/cli.ts` starts the sync server (PGlite under ./data/server, or DATABASE_URL);
 * `tsx src/server/cli.ts enrollment-code --store DEMO` prints a new one-time enrollment code;
 * `tsx src/server/cli.ts create-admin --email a@b.c [--role ...] [--store DEMO]` creates an admin
 * (password from AURAFLOW_ADMIN_PASSWORD, else generated and printed).
 */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { store: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' } },
  })
  const settings = settingsFromEnv(process.env, process.cwd())

  if (positionals[0] === 'enrollment-code') {
    if (!values.store) throw new Error('usage: enrollment-code --store <store code>')
    const database = await openDatabase(settings.database)
    try {
      const code = await issueCodeForStoreCode(database.db, values.store)
      if (!code) throw new Error(`no store with code ${values.store}`)
      process.stdout.write(`${code}\n`)
    } finally {
      await database.close()
    }
    return
  }
  if (positionals[0] === 'create-admin') {
    if (!values.email)
      throw new Error(
        'usage: create-admin --email <email> [--role super_admin|tenant_admin|store_manager] [--store <code>]',
      )
    const database = await openDatabase(settings.database)
    try {
      const created = await createAdminUser(database.db, {
        email: values.email,
        role: AdminRole.parse(values.role ?? 'super_admin'),
        ...(values.store ? { storeCode: values.store } : {}),
        ...(process.env.AURAFLOW_ADMIN_PASSWORD
          ? { password: process.env.AURAFLOW_ADMIN_PASSWORD }
          : {}),
      })
      process.stdout.write(`admin ${created.email} password: ${created.password}\n`)
    } finally {
      await database.close()
    }
    return
  }
  if (positionals.length > 0) throw new Error(`unknown command: ${positionals.join(' ')}`)

  const server = await startServer(settings)
  const where =
    settings.database.kind === 'postgres'
      ? 'PostgreSQL (DATABASE_URL)'
      : `PGlite at ${settings.database.dataDir}`
  process.stdout.write(`AuraFlow sync server listening on ${server.url} (${where})\n`)
  if (server.enrollmentCode) {
    process.stdout.write(
      `Enrollment code for store ${server.storeCode}: ${server.enrollmentCode}\n`,
    )
  }
  const shutdown = (signal: string) => {
    process.stdout.write(`${signal}: shutting down\n`)
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`)
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', () => shutdown('SIGINT'))
  process.once('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
