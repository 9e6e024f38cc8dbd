// `npm start`: the register in Electron where Electron can run, otherwise the same register in
// the browser through the web host — and it says which.
import { spawn, spawnSync } from 'node:child_process'
import { findElectronBinary } from './electronBinary.mjs'

const passThrough = process.argv.slice(2)

function electronUnavailableReason() {
  const found = findElectronBinary()
  if ('missing' in found) return `the Electron binary is not installed: ${found.missing}`
  const binary = found.path
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'there is no display (DISPLAY is not set)'
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 15_000 })
  if (probe.status !== 0)
    return `the Electron binary does not run here (${(probe.stderr || probe.error?.message || '').trim().split('\n')[0]})`
  return null
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', shell: false })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

const build = spawnSync('electron-vite', ['build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const reason = electronUnavailableReason()
if (reason === null) {
  console.log('Starting AuraFlow POS in Electron…')
  run('electron-vite', ['preview', ...passThrough])
} else {
  console.log(`Electron cannot start here: ${reason}.`)
  console.log(
    'Starting the same register in the web host instead — open the URL printed below in a browser.',
  )
  run('tsx', ['src/main/web/cli.ts', ...passThrough])
}
