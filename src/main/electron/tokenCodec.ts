import { safeStorage } from 'electron'
import { plainTextCodec, type TokenCodec } from '../secrets/tokenVault'

/**
 * Seals the sync tokens with the operating system's keychain (safeStorage). Where the OS offers
 * none (Linux without a keyring) the tokens fall back to an owner-only plain file, and the caller
 * is told so.
 */
export function safeStorageCodec(): { codec: TokenCodec; isEncrypted: boolean } {
  if (!safeStorage.isEncryptionAvailable()) return { codec: plainTextCodec, isEncrypted: false }
  return {
    codec: {
      encode: (json) => safeStorage.encryptString(json),
      decode: (bytes) => safeStorage.decryptString(bytes),
      description: "encrypted with the operating system's keychain (safeStorage)",
    },
    isEncrypted: true,
  }
}
