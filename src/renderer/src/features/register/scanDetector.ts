/** A scanner types far faster than a person: a gap this short between keys means a machine. */
export const maxScanGapMs = 35
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
 * Tells a keyboard-wedge scanner from a person: at least `minLength` barcode characters, each
 * within `maxGapMs` of the one before, then Enter just as fast. A code needs a digit too, so a
 * fast typist's "espresso" + Enter stays a search.
 */
export function createScanDetector(
  maxGapMs = maxScanGapMs,
  minLength = minScanLength,
): ScanDetector {
  let characters = ''
  let lastKeyMs = Number.NEGATIVE_INFINITY

  return {
    key(character, timeMs) {
      const isFast = timeMs - lastKeyMs <= maxGapMs
      lastKeyMs = timeMs
      if (!scanCharacter.test(character)) {
        characters = ''
        return
      }
      characters = isFast ? characters + character : character
    },
    enter(timeMs) {
      const code = characters
      const isFast = timeMs - lastKeyMs <= maxGapMs
      characters = ''
      lastKeyMs = Number.NEGATIVE_INFINITY
      if (!isFast || code.length < minLength || !/[0-9]/.test(code)) return null
      return code
    },
    reset() {
      characters = ''
      lastKeyMs = Number.NEGATIVE_INFINITY
    },
  }
}

/** A receipt's barcode is its order number, e.g. S01-R1-000004. */
export function isOrderNumber(code: string): boolean {
  return /^[A-Z0-9]+-[A-Z0-9]+-\d+$/.test(code)
}
