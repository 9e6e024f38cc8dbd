/** A scanner types far faster than a person: keys this far apart on average mean a machine. */
export const maxScanGapMs = 35
/**
 * The longest single gap a scan survives. A busy register (a cart re-rendering after the last
 * scan, a sync reply) can hold one key back for a few tens of milliseconds; a person's gaps are
 * 100 ms and more between every key, so the average still tells them apart.
 */
export const maxScanHiccupMs = 100
export const minScanLength = 6

// What a barcode can hold (catalogSchemas Barcode); anything else ends a possible scan.
const scanCharacter = /^[0-9A-Za-z.-]$/

export interface ScanDetector {
  /** A printable key at `timeMs`; returns nothing, the code comes with Enter. */
  key(character: string, timeMs: number): void
  /** Enter at `timeMs`: the code if the keys since the last pause were a scan, else null. */
  enter(timeMs: number): string | null
  reset(): void
}

/**
 * Tells a keyboard-wedge scanner from a person: at least `minLength` barcode characters and Enter,
 * on average within `maxGapMs` of each other and none more than `maxHiccupMs` apart (a longer pause
 * starts a new code). A code needs a digit too, so a fast typist's "espresso" + Enter stays a search.
 */
export function createScanDetector(
  maxGapMs = maxScanGapMs,
  minLength = minScanLength,
  maxHiccupMs = maxScanHiccupMs,
): ScanDetector {
  let characters = ''
  let firstKeyMs = Number.NEGATIVE_INFINITY
  let lastKeyMs = Number.NEGATIVE_INFINITY

  function reset() {
    characters = ''
    firstKeyMs = Number.NEGATIVE_INFINITY
    lastKeyMs = Number.NEGATIVE_INFINITY
  }

  return {
    key(character, timeMs) {
      const isBurst = timeMs - lastKeyMs <= maxHiccupMs
      lastKeyMs = timeMs
      if (!scanCharacter.test(character)) {
        characters = ''
        return
      }
      if (isBurst && characters !== '') characters += character
      else {
        characters = character
        firstKeyMs = timeMs
      }
    },
    enter(timeMs) {
      const code = characters
      const isBurst = timeMs - lastKeyMs <= maxHiccupMs
      // One gap per character: between the keys, and from the last key to Enter.
      const averageGapMs = (timeMs - firstKeyMs) / Math.max(code.length, 1)
      reset()
      if (!isBurst || averageGapMs > maxGapMs) return null
      if (code.length < minLength || !/[0-9]/.test(code)) return null
      return code
    },
    reset,
  }
}

/** A receipt's barcode is its order number, e.g. S01-R1-000004. */
export function isOrderNumber(code: string): boolean {
  return /^[A-Z0-9]+-[A-Z0-9]+-\d+$/.test(code)
}
