/**
 * Plain-text helpers for printers that print characters left to right as they arrive: wrapping
 * to a column count, and laying Arabic out in visual order. This is a small subset of the Unicode
 * bidi algorithm (Arabic runs reversed, Latin words and numbers kept as written), enough for
 * receipt lines; it does no shaping, which the printer's code page does or does not do itself.
 */

import { asciiDigits } from '../domain/digits'

const bidiControls = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g
const rightToLeft = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/
const leftToRight = /[\p{L}\p{N}]/u
const mirrored: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
}

/** How many printer columns a string takes (one per character). */
export function columnWidth(text: string): number {
  return Array.from(text).length
}

/** Greedy word wrap to `width` columns; a word longer than a line is cut. */
export function wrapColumns(text: string, width: number): string[] {
  const lines: string[] = []
  let current = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = Array.from(word)
    while (rest.length > width) {
      if (current) lines.push(current)
      lines.push(rest.slice(0, width).join(''))
      current = ''
      rest = rest.slice(width)
    }
    const piece = rest.join('')
    if (!piece) continue
    if (!current) current = piece
    else if (columnWidth(current) + 1 + rest.length <= width) current = `${current} ${piece}`
    else {
      lines.push(current)
      current = piece
    }
  }
  if (current) lines.push(current)
  return lines.length > 0 ? lines : ['']
}

type BidiClass = 'L' | 'R' | 'EN' | 'N'

const europeanTerminator = /[%$€£#+\u2212-]/
const commonSeparator = /[.,:/]/

/**
 * One line of right-to-left text in the order a left-to-right printer must receive it: runs of
 * Latin text and numbers keep their order, Arabic runs and the line's run order are reversed.
 * Follows the bidi algorithm's weak-type and neutral rules closely enough for receipt lines
 * (numbers with their separators and %, a Latin name with its brackets), not its every rule.
 */
export function visualOrder(line: string): string {
  const characters = Array.from(asciiDigits(line.replace(bidiControls, '')))
  const classes = characters.map((character): BidiClass =>
    rightToLeft.test(character)
      ? 'R'
      : /[0-9]/.test(character)
        ? 'EN'
        : leftToRight.test(character)
          ? 'L'
          : 'N',
  )
  const at = (index: number) => classes[index]
  // A separator inside a number, and % or a currency sign touching one, belong to the number.
  classes.forEach((type, index) => {
    const character = characters[index] ?? ''
    if (type !== 'N') return
    if (commonSeparator.test(character) && at(index - 1) === 'EN' && at(index + 1) === 'EN')
      classes[index] = 'EN'
    else if (
      europeanTerminator.test(character) &&
      (at(index - 1) === 'EN' || at(index + 1) === 'EN')
    )
      classes[index] = 'EN'
  })
  // A number after Latin text is Latin text ("Tea 330ml" stays in order).
  let lastStrong: 'L' | 'R' = 'R'
  classes.forEach((type, index) => {
    if (type === 'L' || type === 'R') lastStrong = type
    else if (type === 'EN' && lastStrong === 'L') classes[index] = 'L'
  })
  pairBrackets(characters, classes)
  // A neutral between two left-to-right characters joins them; any other follows the line (RTL).
  const strongAround = (index: number, step: 1 | -1): 'L' | 'R' => {
    for (let cursor = index + step; cursor >= 0 && cursor < classes.length; cursor += step) {
      const type = classes[cursor]
      if (type === 'L') return 'L'
      if (type === 'R' || type === 'EN') return 'R'
    }
    return 'R'
  }
  const resolved = classes.map((type, index): 'LTR' | 'R' => {
    if (type === 'L' || type === 'EN') return 'LTR'
    if (type === 'R') return 'R'
    return strongAround(index, -1) === 'L' && strongAround(index, 1) === 'L' ? 'LTR' : 'R'
  })
  const runs: { isRtl: boolean; characters: string[] }[] = []
  characters.forEach((character, index) => {
    const isRtl = resolved[index] === 'R'
    const last = runs.at(-1)
    if (last && last.isRtl === isRtl) last.characters.push(character)
    else runs.push({ isRtl, characters: [character] })
  })
  return runs
    .reverse()
    .map((run) =>
      run.isRtl
        ? run.characters
            .reverse()
            .map((character) => mirrored[character] ?? character)
            .join('')
        : run.characters.join(''),
    )
    .join('')
}

/** Brackets around Latin-only text take its direction, so "(manager)" keeps both brackets. */
function pairBrackets(characters: string[], classes: BidiClass[]) {
  const open: number[] = []
  characters.forEach((character, index) => {
    if (character === '(' || character === '[') open.push(index)
    else if (character === ')' || character === ']') {
      const start = open.pop()
      if (start === undefined) return
      const inside = classes.slice(start + 1, index)
      if (inside.includes('L') && !inside.includes('R')) {
        classes[start] = 'L'
        classes[index] = 'L'
      }
    }
  })
}
