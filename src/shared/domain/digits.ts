const arabicIndicZero = 0x0660
const easternArabicIndicZero = 0x06f0

/**
 * Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits as ASCII, the Arabic decimal separator
 * (٫) as a point and its thousands separator (٬) as a comma: an Arabic keyboard types those, the
 * parsers read ASCII, and every printer code page has it.
 */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u066b\u066c]/g, (character) => {
    if (character === '\u066b') return '.'
    if (character === '\u066c') return ','
    const code = character.charCodeAt(0)
    const zero = code >= easternArabicIndicZero ? easternArabicIndicZero : arabicIndicZero
    return String(code - zero)
  })
}
