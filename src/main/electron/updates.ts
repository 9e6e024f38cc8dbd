import electronUpdater from 'electron-updater'
import type { Logger } from 'pino'
import type { UpdatePolicy } from './updatePolicy'

/**
 * Checks the store's update server now and every `intervalMs`; a downloaded update installs when
 * the register quits (never mid-sale: there is no forced restart). Returns the stop function.
 */
export function startUpdateChecks(policy: UpdatePolicy, log: Logger): () => void {
  if (!policy.isEnabled) {
    log.info({ reason: policy.reason }, 'update checks off')
    return () => {}
  }
  // electron-updater is CommonJS; its named export is reached through the default import in ESM.
  const { autoUpdater } = electronUpdater
  autoUpdater.logger = {
    info: (message) => log.info({ updater: true }, String(message)),
    warn: (message) => log.warn({ updater: true }, String(message)),
    error: (message) => log.error({ updater: true }, String(message)),
    debug: (message) => log.debug({ updater: true }, String(message)),
  }
  autoUpdater.autoDownload = true
  autoUpdater.autoInstallOnAppQuit = true
  autoUpdater.allowDowngrade = false
  if (policy.feedUrlOverride)
    autoUpdater.setFeedURL({ provider: 'generic', url: policy.feedUrlOverride })

  const check = () => {
    autoUpdater.checkForUpdates().catch((error: unknown) => {
      // Offline is normal for a register: note it and try at the next interval.
      log.warn({ err: error }, 'update check failed')
    })
  }
  check()
  const timer = setInterval(check, policy.intervalMs)
  return () => clearInterval(timer)
}
