import { createRequire } from 'node:module'
import { sep } from 'node:path'
import type * as NapiCanvas from '@napi-rs/canvas'
import type { SKRSContext2D } from '@napi-rs/canvas'
import type { Emphasis, ReceiptRow } from '../../shared/receipt/types'

type Drawable = Exclude<ReceiptRow, { type: 'barcode' } | { type: 'qrcode' }>

/** 1-bit pixels as RGBA (black or white), width and height multiples of 8: what image() takes. */
export interface RasterImage {
  width: number
  height: number
  data: Uint8ClampedArray
}

const family = 'Receipt Naskh'
const margin = 8
const indentDots = 24
const fontPx: Record<Emphasis, number> = { normal: 24, bold: 24, large: 32, huge: 44 }

const require = createRequire(import.meta.url)

/** Loaded on the first Arabic raster only, so English printing never depends on the native module. */
function canvasModule(): typeof NapiCanvas {
  return require('@napi-rs/canvas') as typeof NapiCanvas
}

/**
 * The Noto Naskh Arabic files shipped with the app. Skia reads fonts from disk, so in a packaged
 * app they come from app.asar.unpacked (electron-builder asarUnpack), not the archive.
 */
export function naskhFontPath(weight: '400Regular' | '700Bold'): string {
  const path = require.resolve(
    `@expo-google-fonts/noto-naskh-arabic/${weight}/NotoNaskhArabic_${weight}.ttf`,
  )
  return path.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`)
}

// The font registry is global to the process: register once, before the first drawing.
function registerFonts({ GlobalFonts }: typeof NapiCanvas) {
  if (GlobalFonts.has(family)) return
  for (const weight of ['400Regular', '700Bold'] as const) {
    if (!GlobalFonts.registerFromPath(naskhFontPath(weight), family))
      throw new Error(`Could not load the receipt font ${naskhFontPath(weight)}.`)
  }
}

function font(emphasis: Emphasis): string {
  return `${emphasis === 'normal' ? 400 : 700} ${fontPx[emphasis]}px "${family}"`
}

function lineHeight(emphasis: Emphasis): number {
  // Naskh has tall ascenders and deep descenders: leave room so lines do not touch.
  return Math.ceil(fontPx[emphasis] * 1.6)
}

type Operation = (context: SKRSContext2D, y: number) => void

/**
 * Draws receipt rows as a black-and-white image the printer's width, laid out in the text's own
 * direction (Skia shapes Arabic and orders mixed text), for printers without an Arabic code page.
 */
export function rasterizeRows(
  rows: readonly Drawable[],
  options: { widthDots: number; direction: 'ltr' | 'rtl' },
): RasterImage {
  const napi = canvasModule()
  registerFonts(napi)
  const { createCanvas } = napi
  const { widthDots: width, direction } = options
  const measure = createCanvas(8, 8).getContext('2d')
  measure.direction = direction
  const isRtl = direction === 'rtl'
  const startX = (indent: number) => (isRtl ? width - margin - indent : margin + indent)
  const endX = isRtl ? margin : width - margin
  const startAlign = isRtl ? 'right' : 'left'
  const endAlign = isRtl ? 'left' : 'right'

  const operations: { y: number; draw: Operation }[] = []
  let y = 0
  const lines = (textLines: string[], emphasis: Emphasis, place: (line: string) => Operation) => {
    for (const line of textLines) {
      operations.push({ y, draw: place(line) })
      y += lineHeight(emphasis)
    }
  }
  for (const row of rows) {
    switch (row.type) {
      case 'rule': {
        const top = y
        operations.push({
          y: top,
          draw: (context) => context.fillRect(margin, top + 7, width - 2 * margin, 2),
        })
        y += 16
        break
      }
      case 'banner': {
        const top = y
        const height = lineHeight('huge')
        operations.push({
          y: top,
          draw: (context) => {
            context.fillRect(margin, top, width - 2 * margin, height)
            context.fillStyle = '#fff'
            context.font = font('huge')
            context.textAlign = 'center'
            context.fillText(row.text, width / 2, top + height * 0.72)
            context.fillStyle = '#000'
          },
        })
        y += height + 8
        break
      }
      case 'text': {
        measure.font = font(row.emphasis)
        const align =
          row.align === 'center' ? 'center' : row.align === 'start' ? startAlign : endAlign
        const x = row.align === 'center' ? width / 2 : row.align === 'start' ? startX(0) : endX
        lines(wrapDots(measure, row.text, width - 2 * margin), row.emphasis, (line) => {
          const top = y
          return (context) => {
            context.font = font(row.emphasis)
            context.textAlign = align
            context.fillText(line, x, top + lineHeight(row.emphasis) * 0.72)
          }
        })
        break
      }
      case 'pair': {
        measure.font = font(row.emphasis)
        const indent = row.isIndented ? indentDots : 0
        const amountWidth = row.amount ? measure.measureText(row.amount).width + 12 : 0
        const labelLines = wrapDots(measure, row.label, width - 2 * margin - indent - amountWidth)
        const first = y
        operations.push({
          y: first,
          draw: (context) => {
            if (!row.amount) return
            context.font = font(row.emphasis)
            context.textAlign = endAlign
            context.fillText(row.amount, endX, first + lineHeight(row.emphasis) * 0.72)
          },
        })
        lines(labelLines, row.emphasis, (line) => {
          const top = y
          return (context) => {
            context.font = font(row.emphasis)
            context.textAlign = startAlign
            context.fillText(line, startX(indent), top + lineHeight(row.emphasis) * 0.72)
          }
        })
        break
      }
    }
  }

  const height = Math.max(8, Math.ceil(y / 8) * 8)
  const canvas = createCanvas(width, height)
  const context = canvas.getContext('2d')
  context.fillStyle = '#fff'
  context.fillRect(0, 0, width, height)
  context.fillStyle = '#000'
  context.direction = direction
  for (const operation of operations) operation.draw(context, operation.y)
  return threshold(context.getImageData(0, 0, width, height).data, width, height)
}

/** Word wrap by measured width (in dots). */
function wrapDots(context: SKRSContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = []
  let current = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word
    if (!current || context.measureText(candidate).width <= maxWidth) current = candidate
    else {
      lines.push(current)
      current = word
    }
  }
  if (current) lines.push(current)
  return lines.length > 0 ? lines : ['']
}

/** Anti-aliased grey to pure black or white, the way a thermal head prints it. */
function threshold(rgba: Uint8ClampedArray, width: number, height: number): RasterImage {
  const data = new Uint8ClampedArray(width * height * 4)
  for (let pixel = 0; pixel < width * height; pixel++) {
    const offset = pixel * 4
    const luminance =
      0.299 * (rgba[offset] ?? 255) +
      0.587 * (rgba[offset + 1] ?? 255) +
      0.114 * (rgba[offset + 2] ?? 255)
    const value = luminance < 160 ? 0 : 255
    data[offset] = value
    data[offset + 1] = value
    data[offset + 2] = value
    data[offset + 3] = 255
  }
  return { width, height, data }
}
