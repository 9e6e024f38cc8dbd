import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { RegisterCommand, RegisterMessage, RegisterRequest } from './protocol'

export interface RegisterHandle {
  /** Sends one command and resolves with the register's reply (rejects after `timeoutMs`). */
  call<T>(command: RegisterCommand, timeoutMs?: number): Promise<T>
  /** Called for every `order:synced` the register emits. */
  onOrderSynced(listener: (orderIds: string[], atMs: number) => void): void
  /** Closes the register cleanly, then waits for its process to exit. */
  close(): Promise<unknown>
}

const registerEntry = fileURLToPath(new URL('./registerProcess.ts', import.meta.url))

/**
 * Starts a register process. `cpuProfileDir` adds `--cpu-prof` so each register writes its own
 * profile when it exits.
 */
export function spawnRegister(name: string, cpuProfileDir: string | null): RegisterHandle {
  const execArgv = [
    '--import',
    import.meta.resolve('tsx'),
    ...(cpuProfileDir
      ? [
          '--cpu-prof',
          '--cpu-prof-dir',
          cpuProfileDir,
          '--cpu-prof-name',
          `register-${name}-${process.pid}-${Date.now()}.cpuprofile`,
        ]
      : []),
  ]
  const child: ChildProcess = fork(registerEntry, [], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const pending = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void; timer: NodeJS.Timeout }
  >()
  const listeners: ((orderIds: string[], atMs: number) => void)[] = []
  let nextId = 1
  let exitError: Error | null = null

  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitError = new Error(`register ${name} exited (code ${code}, signal ${signal})`)
      for (const entry of pending.values()) {
        clearTimeout(entry.timer)
        entry.reject(exitError)
      }
      pending.clear()
      resolve()
    })
  })

  child.on('message', (message: RegisterMessage) => {
    switch (message.type) {
      case 'reply': {
        const entry = pending.get(message.id)
        if (!entry) return
        pending.delete(message.id)
        clearTimeout(entry.timer)
        if (message.isOk) entry.resolve(message.value)
        else entry.reject(new Error(`register ${name}: ${message.error}`))
        break
      }
      case 'orderSynced':
        for (const listener of listeners) listener(message.orderIds, message.atMs)
        break
      default: {
        const exhaustive: never = message
        throw new Error(`unknown message ${JSON.stringify(exhaustive)}`)
      }
    }
  })

  function call<T>(command: RegisterCommand, timeoutMs = 600_000): Promise<T> {
    if (exitError) return Promise.reject(exitError)
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id)
        reject(new Error(`register ${name}: ${command.type} took more than ${timeoutMs} ms`))
      }, timeoutMs)
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer })
      child.send({ id, command } satisfies RegisterRequest)
    })
  }

  return {
    call,
    onOrderSynced: (listener) => void listeners.push(listener),
    async close() {
      try {
        return await call({ type: 'close' }, 30_000)
      } finally {
        if (child.connected) child.disconnect()
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }
    },
  }
}
