import { hashSync, verifySync } from '@node-rs/argon2'

/**
 * Employee PINs are stored as argon2id hashes and synced, so any register can verify a PIN
 * offline. A 4–8 digit PIN cannot resist an offline guess whatever the hash; what protects it is
 * the register's lockout after repeated failures (StoreOptions.pinAttempts). The cost is kept low
 * so checking every active employee at sign-in stays instant.
 */
const pinHashOptions = { memoryCost: 4096, timeCost: 2, parallelism: 1 }

export function hashPin(pin: string, salt?: Uint8Array): string {
  return hashSync(pin, salt ? { ...pinHashOptions, salt } : pinHashOptions)
}

export function verifyPin(pinHash: string, pin: string): boolean {
  try {
    return verifySync(pinHash, pin)
  } catch {
    return false
  }
}
