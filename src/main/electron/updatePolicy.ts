/** Whether and where a register looks for updates; decided once at start-up. */
export type UpdatePolicy =
  | { isEnabled: false; reason: string }
  | {
      isEnabled: true
      /** A store's own update server, replacing the URL baked in at build time; null keeps it. */
      feedUrlOverride: string | null
      intervalMs: number
    }

export const defaultUpdateIntervalMs = 6 * 60 * 60 * 1000

/**
 * AURAFLOW_UPDATES=off turns checks off (a store that installs by hand); AURAFLOW_UPDATE_URL
 * points a packaged register at another generic update server without rebuilding it. An
 * unpackaged app (development, tests) never checks: it has no app-update.yml and no installer.
 */
export function decideUpdatePolicy(env: NodeJS.ProcessEnv, isPackaged: boolean): UpdatePolicy {
  if (!isPackaged) return { isEnabled: false, reason: 'not packaged' }
  if (env.AURAFLOW_UPDATES === 'off') return { isEnabled: false, reason: 'AURAFLOW_UPDATES=off' }
  const override = env.AURAFLOW_UPDATE_URL?.trim()
  if (override) {
    let url: URL
    try {
      url = new URL(override)
    } catch {
      return { isEnabled: false, reason: `AURAFLOW_UPDATE_URL is not a URL: ${override}` }
    }
    // Updates are code: plain http only to this machine (a test server), never across a network.
    const isLoopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback))
      return { isEnabled: false, reason: 'AURAFLOW_UPDATE_URL must use https' }
  }
  return {
    isEnabled: true,
    feedUrlOverride: override || null,
    intervalMs: defaultUpdateIntervalMs,
  }
}
