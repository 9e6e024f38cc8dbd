import type { EmbeddedBarcodeRule } from '../store/options'

/** True when `code` is 13 digits whose last one is the EAN-13 check digit of the first twelve. */
export function isValidEan13(code: string): boolean {
  if (!/^[0-9]{13}$/.test(code)) return false
  return ean13CheckDigit(code.slice(0, 12)) === Number(code[12])
}

/** The check digit of twelve EAN-13 digits (weights 1,3,1,3,… from the left). */
export function ean13CheckDigit(first12: string): number {
  let sum = 0
  for (let index = 0; index < 12; index++) sum += Number(first12[index]) * (index % 2 === 0 ? 1 : 3)
  return (10 - (sum % 10)) % 10
}

export interface EmbeddedBarcode {
  kind: 'weight' | 'price'
  /** The product's own code: prefix + five-digit item number, 7 digits, as stored on the product. */
  productCode: string
  /** Grams for 'weight', cents for 'price' (the five digits before the check digit). */
  value: number
}

/**
 * Reads an in-store EAN-13 (prefix 20–29) whose prefix the store declares as weight- or
 * price-embedded: 2P IIIII VVVVV C. Returns null for any other code, or a bad check digit.
 */
export function parseEmbeddedBarcode(
  code: string,
  rules: readonly EmbeddedBarcodeRule[],
): EmbeddedBarcode | null {
  if (!isValidEan13(code)) return null
  const rule = rules.find((candidate) => code.startsWith(candidate.prefix))
  if (!rule) return null
  const value = Number(code.slice(7, 12))
  if (value === 0) return null
  return { kind: rule.kind, productCode: code.slice(0, 7), value }
}

/** Price of a weighed item: per-kg price × grams, rounded half-up to the cent. */
export function priceForWeight(pricePerKgCents: number, grams: number): number {
  return Math.floor((pricePerKgCents * grams + 500) / 1000)
}
