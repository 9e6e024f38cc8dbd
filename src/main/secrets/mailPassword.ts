import { plainTextCodec, sealedFile, type TokenCodec } from './tokenVault'

/** Where the register keeps its SMTP password: never in register.db, never sent to the screen. */
export interface MailPasswordVault {
  read(): string | null
  /** null removes the password. */
  write(password: string | null): void
}

/** The SMTP password in a sealed owner-only file, the same way the sync tokens are kept. */
export function createFileMailPasswordVault(
  file: string,
  codec: TokenCodec = plainTextCodec,
): MailPasswordVault {
  const sealed = sealedFile(file, codec)
  let cached: string | null | undefined
  return {
    read() {
      if (cached !== undefined) return cached
      const json = sealed.read()
      const value = json === null ? null : (JSON.parse(json) as { password?: unknown }).password
      cached = typeof value === 'string' && value !== '' ? value : null
      return cached
    },
    write(password) {
      sealed.write(JSON.stringify({ password }))
      cached = password === '' ? null : password
    },
  }
}
