import { createHash } from 'node:crypto'
import { mkdirSync, realpathSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * Where one register keeps its things. The Electron profile (`userData`) IS the data directory:
 * Chromium's single-instance lock lives in the profile, so one profile per data directory gives
 * one lock per data directory — two registers with different AURAFLOW_DATA_DIR both run, a
 * second start on the same folder reaches the first through `second-instance`. Without
 * AURAFLOW_DATA_DIR both are the OS app-data folder, exactly as Electron would choose.
 */
export interface InstancePaths {
  /** Folder holding register.db. */
  dataDir: string
  /** Passed to `app.setPath('userData')` before the lock is requested. */
  userDataDir: string
  /** Log file name inside `app.getPath('logs')`. */
  logFileName: string
  isCustomDataDir: boolean
}

export function resolveInstancePaths(options: {
  dataDirSetting: string | undefined
  defaultUserDataDir: string
  cwd: string
  platform: NodeJS.Platform
}): InstancePaths {
  const setting = options.dataDirSetting?.trim()
  if (!setting) {
    return {
      dataDir: options.defaultUserDataDir,
      userDataDir: options.defaultUserDataDir,
      logFileName: 'main.log',
      isCustomDataDir: false,
    }
  }
  // The lock must not depend on how the folder is spelled (relative, symlinked, trailing slash).
  const absolute = resolve(options.cwd, setting)
  mkdirSync(absolute, { recursive: true })
  const dataDir = realpathSync(absolute)
  // macOS keeps every profile's logs in one ~/Library/Logs/<app> folder: name the file per register.
  const logFileName =
    options.platform === 'darwin'
      ? `main-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}.log`
      : 'main.log'
  return { dataDir, userDataDir: dataDir, logFileName, isCustomDataDir: true }
}

export function logFilePath(logsDir: string, paths: InstancePaths): string {
  return join(logsDir, paths.logFileName)
}
