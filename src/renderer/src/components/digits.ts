const arabicIndicZero = 0x0660
const easternArabicIndicZero = 0x06f0

/**
 * Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits as ASCII, and the Arabic decimal
 * separator (٫) as a point: an Arabic keyboard types those, the money parser reads ASCII.
 */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u066b]/g, (char) => {
    if (char === '\u066b') return '.'
    const code = char.charCodeAt(0)
    const zero = code >= easternArabicIndicZero ? easternArabicIndicZero : arabicIndicZero
    return String(code - zero)
  })
}
