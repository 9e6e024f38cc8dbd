import { createHash } from 'node:crypto'
import machineId from 'node-machine-id'

/**
 * A hashed hardware fingerprint. Not an identity (every machine built from one image shares it);
 * it only tells a data folder that was copied to other hardware from one that stayed put.
 */
export function machineFingerprint(): string {
  let raw: string
  try {
    raw = machineId.machineIdSync(true)
  } catch {
    raw = 'unknown-machine'
  }
  return createHash('sha256').update(`auraflow:${raw}`).digest('hex')
}
