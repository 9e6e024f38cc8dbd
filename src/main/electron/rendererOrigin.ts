import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where the register window's page comes from: the built file, or the dev server when developing. */
export type RendererEntry = { url: string } | { file: string }

/**
 * The renderer's own origin. `mainDir` is the folder of the built main bundle (out/main); the dev
 * server URL is honoured only in an unpackaged app, so a packaged register cannot be pointed at
 * another page through its environment.
 */
export function rendererEntry(
  mainDir: string,
  options: { devUrl?: string | undefined; isPackaged: boolean },
): RendererEntry {
  if (options.devUrl && !options.isPackaged) return { url: options.devUrl }
  return { file: join(mainDir, '..', 'renderer', 'index.html') }
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True only for the renderer entry itself (any query or hash): the same origin as the dev server,
 * or exactly our built index.html — not any file that happens to be called index.html.
 */
export function isTrustedRendererUrl(
  url: string | undefined,
  entry: RendererEntry,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (!url) return false
  const candidate = parse(url)
  if (!candidate) return false
  if ('url' in entry) {
    const dev = parse(entry.url)
    return !!dev && candidate.origin === dev.origin
  }
  if (candidate.protocol !== 'file:' || candidate.host !== '') return false
  let path: string
  try {
    path = fileURLToPath(candidate, { windows: platform === 'win32' })
  } catch {
    return false
  }
  // Windows paths are case-insensitive and Chromium may report the drive letter either way.
  return platform === 'win32'
    ? path.toLowerCase() === entry.file.toLowerCase()
    : path === entry.file
}
