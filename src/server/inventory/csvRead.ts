/** Reads CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF rows) into rows of fields. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let isQuoted = false
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index]!
    if (isQuoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"'
        index += 1
      } else if (char === '"') isQuoted = false
      else field += char
    } else if (char === '"' && field.length === 0) isQuoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index += 1
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((fields) => fields.some((value) => value.trim().length > 0))
}
