import { parseArgs } from 'node:util'
import { settingsFromEnv } from './config'
import type { ProcessSettings } from './config'
import { openDatabase } from './db/connection'
import type { Database } from './db/connection'
import { startServer } from './main'
import { AdminRole, createAdminUser } from './tenancy/admins'
import { issueCodeForStoreCode, issueEnrollmentCode } from './tenancy/enrollmentCodes'
import { StoreCode, createStore, createTenant, findTenant, listTenants } from './tenancy/stores'

const usage = `Usage: npm run server -- [command] [options]

  (no command)      start the sync server (PGlite under ./data/server, or DATABASE_URL) and the
                    back office at its URL; with no admin yet it prints a one-time set-up link
      --port N        listen port (default PORT or 3030; 0 picks a free one)
      --host ADDR     listen address (default HOST or 127.0.0.1)
  enrollment-code --store CODE
                    print a new one-time enrollment code for a store
  create-admin --email EMAIL [--role super_admin|tenant_admin|store_manager] [--store CODE]
                    create an admin (password from AURAFLOW_ADMIN_PASSWORD, else printed)
  create-tenant --name NAME
                    create a tenant and print its id
  create-store --code CODE --name NAME [--tenant ID|NAME]
                    create a store (of the only tenant when --tenant is left out) and print
                    a one-time enrollment code for its first register
  --help            this text

Environment: PORT, HOST, DATABASE_URL, AURAFLOW_SERVER_DATA, AURAFLOW_JWT_SECRET,
AURAFLOW_ENROLLMENT_CODE, LOG_LEVEL (docs/operations.md); back office:
AURAFLOW_SESSION_IDLE_MINUTES (default 30), AURAFLOW_SECURE_COOKIE (auto|always|never; always
behind a TLS proxy), AURAFLOW_BACKOFFICE_DIR (default out/backoffice, built by npm run build).`

/** Opens the database, runs `work`, closes it: the commands that run while the server is stopped. */
async function withDatabase<T>(
  settings: ProcessSettings,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(settings.database)
  try {
    return await work(database.db)
  } finally {
    await database.close()
  }
}

async function resolveTenantId(db: Database, named: string | undefined): Promise<string> {
  if (named) {
    const tenant = await findTenant(db, named)
    if (!tenant) throw new Error(`no tenant with id or name ${named} (create-tenant --name …)`)
    return tenant.id
  }
  const tenants = await listTenants(db)
  if (tenants.length === 1) return tenants[0]!.id
  if (tenants.length === 0) throw new Error('no tenant yet: create-tenant --name … first')
  throw new Error(
    `${tenants.length} tenants: name one with --tenant (${tenants.map((tenant) => tenant.name).join(', ')})`,
  )
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      store: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      code: { type: 'string' },
      name: { type: 'string' },
      tenant: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(`${usage}\n`)
    return
  }
  const settings = settingsFromEnv(process.env, process.cwd(), {
    port: values.port,
    host: values.host,
  })
  const [command, ...rest] = positionals
  if (rest.length > 0) throw new Error(`unexpected arguments: ${rest.join(' ')}\n${usage}`)

  switch (command) {
    case undefined:
      return serve(settings)
    case 'enrollment-code': {
      const storeCode = values.store
      if (!storeCode) throw new Error('usage: enrollment-code --store <store code>')
      const code = await withDatabase(settings, (db) => issueCodeForStoreCode(db, storeCode))
      if (!code) throw new Error(`no store with code ${storeCode}`)
      process.stdout.write(`${code}\n`)
      return
    }
    case 'create-admin': {
      const email = values.email
      if (!email)
        throw new Error(
          'usage: create-admin --email <email> [--role super_admin|tenant_admin|store_manager] [--store <code>]',
        )
      const created = await withDatabase(settings, (db) =>
        createAdminUser(db, {
          email,
          role: AdminRole.parse(values.role ?? 'super_admin'),
          ...(values.store ? { storeCode: values.store } : {}),
          ...(process.env.AURAFLOW_ADMIN_PASSWORD
            ? { password: process.env.AURAFLOW_ADMIN_PASSWORD }
            : {}),
        }),
      )
      process.stdout.write(`admin ${created.email} password: ${created.password}\n`)
      return
    }
    case 'create-tenant': {
      const name = values.name?.trim()
      if (!name) throw new Error('usage: create-tenant --name <name>')
      const tenant = await withDatabase(settings, (db) => createTenant(db, name))
      process.stdout.write(`tenant ${tenant.name}: ${tenant.id}\n`)
      return
    }
    case 'create-store': {
      const name = values.name?.trim()
      if (!values.code || !name)
        throw new Error('usage: create-store --code <CODE> --name <name> [--tenant <id or name>]')
      const code = StoreCode.safeParse(values.code)
      if (!code.success) throw new Error(`--code: ${code.error.issues[0]?.message}`)
      const printed = await withDatabase(settings, async (db) => {
        const tenantId = await resolveTenantId(db, values.tenant)
        const outcome = await createStore(db, { code: code.data, name, tenantId })
        if (outcome.kind === 'code-taken') throw new Error(`store code ${code.data} is taken`)
        if (outcome.kind === 'no-tenant') throw new Error('tenant not found')
        const enrollment = await issueEnrollmentCode(db, outcome.store.id)
        return `store ${outcome.store.code} (${outcome.store.id}) created\nEnrollment code for store ${outcome.store.code}: ${enrollment}\n`
      })
      process.stdout.write(printed)
      return
    }
    default:
      throw new Error(`unknown command: ${command}\n${usage}`)
  }
}

async function serve(settings: ProcessSettings): Promise<void> {
  const server = await startServer(settings)
  const where =
    settings.database.kind === 'postgres'
      ? 'PostgreSQL (DATABASE_URL)'
      : `PGlite at ${settings.database.dataDir}`
  process.stdout.write(`AuraFlow sync server listening on ${server.url} (${where})\n`)
  process.stdout.write(`Back office: ${server.url}/\n`)
  if (server.setupUrl) {
    process.stdout.write(
      `No admin yet. Open this one-time link to set up the first business, store and owner:\n  ${server.setupUrl}\n`,
    )
  }
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
