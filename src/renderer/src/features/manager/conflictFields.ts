/** One field of a conflicted record, as the server and this device have it. */
export interface ConflictFieldRow {
  field: string
  server: unknown
  device: unknown
  isDifferent: boolean
}

export type FieldParse = { ok: true; value: unknown } | { ok: false }

export function asRecord(value: unknown): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return value as Record<string, unknown>
  return {}
}

function sameValue(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right)
}

/** Every field either side has (the server's order first), marking those that differ. */
export function conflictRows(serverData: unknown, deviceData: unknown): ConflictFieldRow[] {
  const server = asRecord(serverData)
  const device = asRecord(deviceData)
  const fields = [...new Set([...Object.keys(server), ...Object.keys(device)])]
  return fields.map((field) => ({
    field,
    server: server[field],
    device: device[field],
    isDifferent: !sameValue(server[field], device[field]),
  }))
}

/** A field's value as a person reads and edits it: text as is, anything else as JSON. */
export function valueText(value: unknown): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

/**
 * Reads an edited field back in the type the record had: text stays text, a number must be a
 * number, anything else must be valid JSON. An emptied field that had no value is left out.
 */
export function parseFieldText(text: string, like: unknown): FieldParse {
  if (typeof like === 'string') return { ok: true, value: text }
  if (like === undefined && text === '') return { ok: true, value: undefined }
  if (typeof like === 'number') {
    const number = Number(text.trim())
    return text.trim() !== '' && Number.isFinite(number)
      ? { ok: true, value: number }
      : { ok: false }
  }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    // A field that was empty on both sides may take plain text.
    return like === undefined || like === null ? { ok: true, value: text } : { ok: false }
  }
}

/** The merged record from the edited texts, or the fields that could not be read. */
export function mergeFields(
  rows: ConflictFieldRow[],
  texts: Record<string, string>,
): { ok: true; data: Record<string, unknown> } | { ok: false; badFields: string[] } {
  const data: Record<string, unknown> = {}
  const badFields: string[] = []
  for (const row of rows) {
    const like = row.device !== undefined ? row.device : row.server
    const parsed = parseFieldText(texts[row.field] ?? valueText(like), like)
    if (!parsed.ok) badFields.push(row.field)
    else if (parsed.value !== undefined) data[row.field] = parsed.value
  }
  return badFields.length > 0 ? { ok: false, badFields } : { ok: true, data }
}
