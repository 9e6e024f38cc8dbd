import '../nodeVersionGuard'
import { readFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openRegisterCore, type RegisterCore } from '../core'
import { startWebHost, type WebHost } from './webHost'

const usage = `Usage: npm run web -- [--data-dir DIR] [--port N] [--host 127.0.0.1] [--register-code CODE] [--token SECRET]
                     [--sync-interval-ms N] [--no-realtime]
Env: AURAFLOW_DATA_DIR, AURAFLOW_WEB_PORT, AURAFLOW_REGISTER_CODE, AURAFLOW_WEB_TOKEN,
     AURAFLOW_SYNC_INTERVAL_MS, AURAFLOW_SYNC_REALTIME=off`

function fail(message: string): never {
  console.error(`${message}\n${usage}`)
  process.exit(2)
}

const projectRoot = resolve(import.meta.dirname, '..', '..', '..')
const { values } = (() => {
  try {
    return parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'register-code': { type: 'string' },
        token: { type: 'string' },
        'allow-remote': { type: 'boolean', default: false },
        'sync-interval-ms': { type: 'string' },
        'no-realtime': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    })
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error))
  }
})()
if (values.help) {
  console.log(usage)
  process.exit(0)
}

const dataDirArg = values['data-dir'] ?? process.env.AURAFLOW_DATA_DIR ?? join('data', 'register')
const dataDir = isAbsolute(dataDirArg) ? dataDirArg : resolve(process.cwd(), dataDirArg)
const portText = values.port ?? process.env.AURAFLOW_WEB_PORT ?? '5170'
const port = Number(portText)
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be 0..65535, got "${portText}"`)
const hostname = values.host ?? '127.0.0.1'
const isLoopback = hostname === '127.0.0.1' || hostname === '::1' || hostname === 'localhost'
if (!isLoopback && !values['allow-remote']) {
  fail(
    `Refusing to listen on ${hostname}: the web host is for this machine only. Add --allow-remote to override.`,
  )
}
const registerCode = values['register-code'] ?? process.env.AURAFLOW_REGISTER_CODE
if (registerCode !== undefined && !/^[A-Z0-9]{1,8}$/.test(registerCode))
  fail('--register-code is 1-8 capital letters or digits')
const intervalText = values['sync-interval-ms'] ?? process.env.AURAFLOW_SYNC_INTERVAL_MS
const syncIntervalMs = intervalText === undefined ? undefined : Number(intervalText)
if (syncIntervalMs !== undefined && (!Number.isInteger(syncIntervalMs) || syncIntervalMs < 250))
  fail('--sync-interval-ms must be a whole number of at least 250')
const isRealtimeEnabled = !values['no-realtime'] && process.env.AURAFLOW_SYNC_REALTIME !== 'off'
const rendererDir = join(projectRoot, 'out', 'renderer')
const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  version: string
}

let core: RegisterCore
try {
  core = openRegisterCore({
    dataDir,
    host: 'web',
    appVersion: version,
    registerCode,
    sync: { intervalMs: syncIntervalMs, isRealtimeEnabled },
  })
} catch (error) {
  console.error(
    `Could not open the register store in ${dataDir}:`,
    error instanceof Error ? error.message : error,
  )
  process.exit(1)
}
let host: WebHost
try {
  host = await startWebHost({
    core,
    rendererDir,
    port,
    hostname,
    token: values.token ?? process.env.AURAFLOW_WEB_TOKEN,
  })
} catch (error) {
  core.close()
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT')
    console.error(`No built renderer in ${rendererDir}: run \`npm run build\` first.`)
  else if (code === 'EADDRINUSE')
    console.error(`Port ${port} is taken: pass --port 0 for any free port, or another number.`)
  else console.error('Could not start the web host:', error)
  process.exit(1)
}

const stopBackground = core.startBackground()
console.log(`AuraFlow POS register (web host, no Electron) — data in ${dataDir}`)
console.log(`Customer display: ${host.customerDisplayUrl}`)
console.log(`Register ${core.device.registerCode} ready: ${host.launchUrl}`)
console.log(core.tokenVault.description)
console.log('Sign in with a staff PIN (demo store: 1234 manager, 1111 cashier).')

let isClosing = false
async function shutdown(signal: string) {
  if (isClosing) return
  isClosing = true
  console.log(`${signal}: closing the register…`)
  await host.close()
  await stopBackground()
  core.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
