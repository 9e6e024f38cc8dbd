import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'

/** The register's sync credentials: kept out of register.db, so a copied database holds none. */
export interface SyncTokens {
  accessToken: string | null
  refreshToken: string | null
}

/** Where a register keeps its sync tokens. */
export interface TokenVault {
  read(): SyncTokens
  /** Replaces the given tokens; the others stay as they were. */
  write(tokens: Partial<SyncTokens>): void
  /** Where and how the tokens are kept, in a sentence (the web host says so at start). */
  readonly description: string
}

/** How the file's bytes are sealed: Electron's safeStorage, or plain text in an owner-only file. */
export interface TokenCodec {
  encode(json: string): Buffer
  decode(bytes: Buffer): string
  readonly description: string
}

export const plainTextCodec: TokenCodec = {
  encode: (json) => Buffer.from(json, 'utf8'),
  decode: (bytes) => bytes.toString('utf8'),
  description: 'in plain text, readable only by this user',
}

const ownerOnly = 0o600
const emptyTokens: SyncTokens = { accessToken: null, refreshToken: null }

function parseTokens(json: string): SyncTokens {
  const value = JSON.parse(json) as Partial<Record<keyof SyncTokens, unknown>>
  const text = (field: unknown) => (typeof field === 'string' ? field : null)
  return { accessToken: text(value.accessToken), refreshToken: text(value.refreshToken) }
}

/**
 * A file that only this user may read or write (mode 0600, put right if found looser), sealed by
 * `codec`. Written to a temporary file and renamed, so a crash leaves the old or the new content,
 * never half of each. `read` gives null while the file does not exist.
 */
export function sealedFile(file: string, codec: TokenCodec) {
  // Windows has no such mode bits: the file sits in the user's own profile folder there.
  const hasModes = process.platform !== 'win32'
  if (hasModes && existsSync(file) && (statSync(file).mode & 0o777) !== ownerOnly)
    chmodSync(file, ownerOnly)
  return {
    read: (): string | null => (existsSync(file) ? codec.decode(readFileSync(file)) : null),
    write(json: string): void {
      const temporary = `${file}.tmp`
      writeFileSync(temporary, codec.encode(json), { mode: ownerOnly })
      // A leftover temporary file keeps its old mode through writeFileSync; this one is the user's.
      if (hasModes) chmodSync(temporary, ownerOnly)
      renameSync(temporary, file)
    },
  }
}

/** Tokens in one sealed, owner-only file (see sealedFile). */
export function createFileTokenVault(file: string, codec: TokenCodec = plainTextCodec): TokenVault {
  const sealed = sealedFile(file, codec)
  let cached: SyncTokens | null = null

  function read(): SyncTokens {
    if (cached) return cached
    const json = sealed.read()
    cached = json === null ? emptyTokens : parseTokens(json)
    return cached
  }

  return {
    read,
    write(tokens) {
      const next = { ...read(), ...tokens }
      sealed.write(JSON.stringify(next))
      cached = next
    },
    description: `Sync tokens are kept in ${file}, ${codec.description}.`,
  }
}
