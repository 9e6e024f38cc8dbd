import '../src/main/nodeVersionGuard'
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import pino from 'pino'
import { openRegisterCore, type RegisterCore } from '../src/main/core'
import { startWebHost, type WebHost } from '../src/main/web/webHost'
import { settingsFromEnv } from '../src/server/config'
import { startServer } from '../src/server/main'
import { createAdminUser } from '../src/server/tenancy/admins'

/**
 * `npm run demo`: a sync server on its embedded database and two registers enrolled to it, all
 * on this machine, so a newcomer sees a sale on one register appear on the other.
 */
const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '4000' },
    'data-dir': { type: 'string', default: join('data', 'demo') },
  },
})
const root = resolve(values['data-dir'])
if (values.fresh) rmSync(root, { recursive: true, force: true })
const enrollmentCode = process.env.AURAFLOW_ENROLLMENT_CODE ?? 'DEMO-2026'
const projectRoot = resolve(import.meta.dirname, '..')

const settings = settingsFromEnv(
  {
    ...process.env,
    PORT: values.port,
    AURAFLOW_SERVER_DATA: join(root, 'server'),
    AURAFLOW_ENROLLMENT_CODE: enrollmentCode,
  },
  process.cwd(),
)
const server = await startServer(settings, pino({ level: 'warn' })).catch((error: unknown) => {
  // Expected when a demo is already running: say what to do, not a stack trace.
  const code = (error as NodeJS.ErrnoException).code
  const message = error instanceof Error ? error.message : String(error)
  if (code === 'EADDRINUSE')
    console.error(
      `Port ${values.port} is taken (another \`npm run demo\` or server is running?): stop it with Ctrl-C in its terminal, or run \`npm run demo -- --port 4100 --data-dir data/demo2\`.`,
    )
  else if (/is in use by process/.test(message))
    console.error(
      `The demo's data folder ${root} is in use: ${message}. Another \`npm run demo\` is running; stop it with Ctrl-C, or pass --data-dir and --port for a second one.`,
    )
  else console.error(`The demo's sync server could not start: ${message}`)
  process.exit(1)
})
const where =
  settings.database.kind === 'postgres'
    ? 'PostgreSQL (DATABASE_URL)'
    : `embedded PGlite in ${join(root, 'server')}`
console.log(`Sync server: ${server.url} (${where}); enrollment code ${enrollmentCode}`)
// The demo owner (tenant admin of the demo store's business), reset at every start.
const demoOwner = { email: 'owner@demo.example', password: 'demo-owner-2026' }
if (server.storeCode)
  await createAdminUser(server.database.db, {
    ...demoOwner,
    role: 'tenant_admin',
    storeCode: server.storeCode,
  })
console.log(
  `Back office: ${server.url}/ (sign in as ${demoOwner.email}, password ${demoOwner.password})`,
)

const registers: { core: RegisterCore; host: WebHost; stop: () => Promise<void> }[] = []
for (const registerCode of ['R1', 'R2']) {
  const core = openRegisterCore({
    dataDir: join(root, registerCode.toLowerCase()),
    host: 'web',
    appVersion: 'demo',
    registerCode,
  })
  // A manager enrolls a new register (a locked register may not; a run without --fresh finds it
  // enrolled already), opens its shift, and signs out.
  core.authority.signIn('1234')
  const isEnrolled = core.sync.status().enrollment === 'enrolled'
  const status = isEnrolled
    ? { ok: true as const }
    : await core.registry.dispatch('sync:enroll', {
        serverUrl: server.url,
        enrollmentCode,
        deviceName: `Demo register ${registerCode}`,
      })
  if (!status.ok) {
    console.error(`Register ${registerCode} could not enroll: ${status.error.message}`)
    process.exit(1)
  }
  // Ready to sell: the demo manager opens each register's shift with a $100 float, then signs out
  // so the newcomer signs in at the lock screen.
  const session = await core.registry.dispatch('session:get', undefined)
  if (session.ok && (session.value as { shift: unknown }).shift === null)
    await core.registry.dispatch('shift:open', { openingCashCents: 10_000 })
  core.authority.signOut()
  const host = await startWebHost({
    core,
    rendererDir: join(projectRoot, 'out', 'renderer'),
    port: 0,
  })
  registers.push({ core, host, stop: core.startBackground() })
  console.log(`Register ${registerCode}: ${host.launchUrl}`)
}
console.log(
  "\nOpen both register links in a browser and sign in with PIN 1234 (manager) or 1111 (cashier).\nTheir shifts are open: sell on one, and the sale shows in the other's Orders within a second.",
)
console.log(
  "The Sync screen shows each register's queue; stop this command (Ctrl-C) to take the server down.",
)

async function shutdown() {
  for (const register of registers) {
    await register.host.close()
    await register.stop()
    register.core.close()
  }
  await server.stop()
  process.exit(0)
}
process.once('SIGINT', () => void shutdown())
process.once('SIGTERM', () => void shutdown())
