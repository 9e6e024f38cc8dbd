/** Something the run started and must end: server processes, PostgreSQL clusters, temp dirs. */
interface Resource {
  name: string
  /** The orderly stop, awaited on the normal path. */
  stop: () => Promise<void>
  /** A synchronous last resort for process exit, when nothing can be awaited any more. */
  stopNow: () => void
}

export interface Cleanup {
  /** Registers a resource; returns a function that forgets it once it was stopped in order. */
  add(resource: Resource): () => void
  /** Stops everything still registered, newest first; never throws. */
  stopAll(): Promise<void>
  /** Removes the process handlers. */
  dispose(): void
}

/**
 * Tracks what must be torn down whatever happens: stopAll in a finally on the normal path,
 * and on SIGINT, SIGTERM, an uncaught error or exit the same resources are stopped too.
 */
export function createCleanup(log: (line: string) => void): Cleanup {
  const resources: Resource[] = []
  let stopping: Promise<void> | null = null

  /** One pass at a time: a second signal joins the pass under way instead of exiting under it. */
  function stopAll(): Promise<void> {
    stopping ??= stopEach().finally(() => {
      stopping = null
    })
    return stopping
  }

  async function stopEach(): Promise<void> {
    while (resources.length > 0) {
      const resource = resources.pop()!
      try {
        await resource.stop()
      } catch (error) {
        log(`cleanup: stopping ${resource.name} failed: ${String(error)}; forcing`)
        try {
          resource.stopNow()
        } catch {
          // Exit path: nothing left to try.
        }
      }
    }
  }

  function stopAllNow(): void {
    while (resources.length > 0) {
      const resource = resources.pop()!
      try {
        resource.stopNow()
      } catch {
        // Exit path: keep going so the other resources are still stopped.
      }
    }
  }

  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping servers and databases`)
    void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
  }
  const onFatal = (error: unknown) => {
    log(`fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    void stopAll().finally(() => process.exit(1))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  process.on('uncaughtException', onFatal)
  process.on('unhandledRejection', onFatal)
  process.on('exit', stopAllNow)

  return {
    add(resource) {
      resources.push(resource)
      return () => {
        const index = resources.indexOf(resource)
        if (index >= 0) resources.splice(index, 1)
      }
    },
    stopAll,
    dispose() {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
      process.off('uncaughtException', onFatal)
      process.off('unhandledRejection', onFatal)
      process.off('exit', stopAllNow)
    },
  }
}
