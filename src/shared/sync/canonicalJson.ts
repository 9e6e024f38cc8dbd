/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped, so equal data
 * hashes equally on the register and the server whatever order the fields were written in.
 */
export function canonicalJson(value: unknown): string {
  // Fast path for plain JSON data (every pushed record is hashed): a copy with its keys inserted in
  // sorted order, written by the native JSON.stringify. Anything it would write differently bails out.
  const sorted = sortedPlainCopy(value)
  if (sorted !== NOT_PLAIN) return JSON.stringify(sorted) ?? 'null'
  return canonicalJsonOf(value)
}

function canonicalJsonOf(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('non-finite number')
    return JSON.stringify(value) ?? 'null'
  }
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJsonOf(item))).join(',')}]`
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJsonOf(record[key])}`).join(',')}}`
}

const NOT_PLAIN = Symbol('not plain JSON')

/**
 * The value with every object's keys in sorted order, or NOT_PLAIN where JSON.stringify would not
 * write what canonicalJsonOf writes: functions, symbols, bigints, non-finite numbers, array holes,
 * `toJSON`, objects that are not plain, keys starting with a digit (integer keys are enumerated
 * first whatever the insertion order) and `__proto__`.
 */
function sortedPlainCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return value
    case 'number':
      return Number.isFinite(value) ? value : NOT_PLAIN
    case 'object':
      break
    default:
      return NOT_PLAIN
  }
  if (value === null) return null
  if ('toJSON' in value) return NOT_PLAIN
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN
    const copy: unknown[] = new Array(value.length)
    for (let index = 0; index < value.length; index += 1) {
      if (!(index in value)) return NOT_PLAIN
      const item = sortedPlainCopy(value[index])
      if (item === NOT_PLAIN) return NOT_PLAIN
      copy[index] = item
    }
    return copy
  }
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return NOT_PLAIN
  const record = value as Record<string, unknown>
  const keys = Object.keys(record).sort()
  const copy: Record<string, unknown> = {}
  for (const key of keys) {
    const first = key.charCodeAt(0)
    if ((first >= 48 && first <= 57) || key === '__proto__') return NOT_PLAIN
    const member = sortedPlainCopy(record[key])
    if (member === NOT_PLAIN) return NOT_PLAIN
    if (member !== undefined) copy[key] = member
  }
  return copy
}
