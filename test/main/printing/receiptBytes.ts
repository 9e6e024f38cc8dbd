/**
 * Reads back ESC/POS bytes the way a printer would, for the commands receipts use: the printed
 * lines (text bytes and how many columns they take at the current character width) and each
 * command with its parameters. An unknown command fails the test rather than being guessed at.
 */
export interface PrintedLine {
  bytes: number[]
  columns: number
}

export interface Command {
  at: number
  bytes: number[]
}

export interface ReadBack {
  lines: PrintedLine[]
  commands: Command[]
  /** Every printed byte, latin1-decoded (enough to find ASCII words). */
  text: string
}

export function readEscPos(data: Uint8Array): ReadBack {
  const lines: PrintedLine[] = []
  const commands: Command[] = []
  let line: PrintedLine = { bytes: [], columns: 0 }
  let charWidth = 1
  let index = 0
  const byte = (offset: number) => {
    const value = data[index + offset]
    if (value === undefined) throw new Error(`Command cut short at byte ${index}`)
    return value
  }
  const command = (length: number) => {
    commands.push({ at: index, bytes: Array.from(data.subarray(index, index + length)) })
    index += length
  }
  while (index < data.length) {
    const current = byte(0)
    if (current === 0x1b) {
      const name = String.fromCharCode(byte(1))
      if ('@2'.includes(name)) command(2)
      else if ('ME-ta3d'.includes(name)) command(3)
      else if (name === 'p') command(5)
      else throw new Error(`Unknown ESC ${name} at ${index}`)
    } else if (current === 0x1c && byte(1) === 0x2e) command(2)
    else if (current === 0x1d) {
      const name = String.fromCharCode(byte(1))
      if (name === '!') {
        charWidth = (byte(2) >> 4) + 1
        command(3)
      } else if ('BhwHV'.includes(name)) command(name === 'V' && byte(2) >= 0x41 ? 4 : 3)
      else if (name === 'k')
        command(byte(2) >= 0x41 ? 4 + byte(3) : data.indexOf(0, index + 3) - index + 1)
      else if (name === '(' && byte(2) === 0x6b) command(5 + byte(3) + byte(4) * 256)
      else if (name === 'v' && byte(2) === 0x30)
        command(8 + (byte(4) + byte(5) * 256) * (byte(6) + byte(7) * 256))
      else throw new Error(`Unknown GS ${name} at ${index}`)
    } else if (current === 0x0a) {
      lines.push(line)
      line = { bytes: [], columns: 0 }
      index += 1
    } else if (current === 0x0d) index += 1
    else if (current < 0x20) throw new Error(`Unknown control byte ${current} at ${index}`)
    else {
      line.bytes.push(current)
      line.columns += charWidth
      index += 1
    }
  }
  if (line.bytes.length > 0) lines.push(line)
  return {
    lines,
    commands,
    text: lines.map((printed) => Buffer.from(printed.bytes).toString('latin1')).join('\n'),
  }
}

/** Commands starting with these bytes. */
export function find(readBack: ReadBack, ...prefix: number[]): Command[] {
  return readBack.commands.filter((command) =>
    prefix.every((value, i) => command.bytes[i] === value),
  )
}

/** The value a GS k Code 128 command carries, with its code sets ({B text, {C digit pairs}) read. */
export function code128Value(command: Command): string {
  const data = command.bytes.slice(4)
  let value = ''
  let set = 'B'
  for (let i = 0; i < data.length; i++) {
    const current = data[i]!
    if (current === 0x7b) {
      set = String.fromCharCode(data[i + 1]!)
      i += 1
    } else value += set === 'C' ? String(current).padStart(2, '0') : String.fromCharCode(current)
  }
  return value
}
