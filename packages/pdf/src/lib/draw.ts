/**
 * Low-level drawing: glyphs from our shaping cache written straight into the
 * page's content stream (one BT..ET per line), real space glyphs in the text
 * layer, the document's embedded font subsets kept up to date.
 */
import type PDFDocument from 'pdfkit'
import { type FontKey, getFont, shape } from './fonts.js'
import type { Line, PlacedPiece, Rgb } from './typeset.js'

type Doc = PDFKit.PDFDocument

interface EmbeddedFont {
  id: string
  subset: { includeGlyph(id: number): number }
  widths: number[]
  unicode: number[][]
  ref(): unknown
}

const docFonts = new WeakMap<Doc, Map<FontKey, EmbeddedFont>>()

/** The document's embedded font for a key (registered on first use). */
export function embedded(doc: Doc, key: FontKey): EmbeddedFont {
  let fonts = docFonts.get(doc)
  if (!fonts) {
    fonts = new Map()
    docFonts.set(doc, fonts)
  }
  let font = fonts.get(key)
  if (!font) {
    // pdfkit accepts a parsed fontkit font: no re-parsing per document.
    doc.registerFont(key, getFont(key) as unknown as string)
    const previous = (doc as unknown as { _font: unknown })._font
    doc.font(key)
    font = (doc as unknown as { _font: EmbeddedFont })._font
    ;(doc as unknown as { _font: unknown })._font = previous
    fonts.set(key, font)
  }
  return font
}

export function num(n: number): string {
  const r = Math.round(n * 1000) / 1000
  return Object.is(r, -0) ? '0' : String(r)
}

function content(doc: Doc, text: string): void {
  ;(doc as unknown as { addContent(s: string): void }).addContent(text)
}

function pageFonts(doc: Doc): Record<string, unknown> {
  return (doc as unknown as { page: { fonts: Record<string, unknown> } }).page.fonts
}

/**
 * Draw pieces (already placed) on one baseline. `x0` is the line's left edge,
 * `baseline` its baseline, both top-down page coordinates in points.
 */
export function drawPieces(doc: Doc, pieces: PlacedPiece[], x0: number, baseline: number): void {
  if (pieces.length === 0) return
  const height = doc.page.height
  const out: string[] = ['q', `1 0 0 -1 0 ${num(height)} cm`, 'BT']
  let currentFont = ''
  let currentSize = -1
  let currentColor = ''
  const fonts = pageFonts(doc)
  for (const piece of pieces) {
    const font = embedded(doc, piece.font)
    if (fonts[font.id] == null) fonts[font.id] = font.ref()
    const size = piece.style.size
    if (font.id !== currentFont || size !== currentSize) {
      out.push(`/${font.id} ${num(size)} Tf`)
      currentFont = font.id
      currentSize = size
    }
    const color = colorOf(piece.style.color)
    if (color !== currentColor) {
      out.push(color)
      currentColor = color
    }
    const shaped = shape(piece.font, piece.text)
    const scale = size / 1000
    let x = x0 + piece.x
    const y = height - baseline + (piece.style.rise ?? 0)
    const codes: string[] = []
    const flush = (adjust: number) => {
      if (codes.length === 0) return
      out.push(`[<${codes.join('')}>${adjust ? ` ${num(adjust)}` : ''}] TJ`)
      codes.length = 0
    }
    out.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`)
    // Shaped text whose glyphs do not map back to the characters (Arabic
    // contextual forms): give the text layer the characters. Like the glyphs,
    // in visual order: extractors (poppler, pdf.js) reorder right-to-left
    // text themselves.
    const actual =
      (shaped.needsActualText || piece.logical !== undefined) && piece.text.trim() !== ''
    if (actual) {
      const written = piece.logical ?? piece.text
      const text = piece.level % 2 === 1 ? Array.from(written).reverse().join('') : written
      out.push(`/Span <</ActualText <${utf16Hex(text)}>>> BDC`)
    }
    for (let i = 0; i < shaped.glyphs.length; i++) {
      const glyph = shaped.glyphs[i]
      const position = shaped.positions[i]
      const gid = font.subset.includeGlyph(glyph.id)
      if (font.widths[gid] == null) font.widths[gid] = position.advanceWidth
      if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints
      const code = `0000${gid.toString(16)}`.slice(-4)
      if (position.xOffset || position.yOffset) {
        flush(0)
        out.push(
          `1 0 0 1 ${num(x + position.xOffset * scale)} ${num(y + position.yOffset * scale)} Tm`,
        )
        codes.push(code)
        flush(0)
        x += position.xAdvance * scale
        out.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`)
        continue
      }
      codes.push(code)
      const adjust = position.xAdvance - position.advanceWidth
      if (adjust !== 0) flush(-adjust)
      x += position.xAdvance * scale
    }
    flush(0)
    if (actual) out.push('EMC')
  }
  out.push('ET')
  // Strikethrough: a rule through the x-height of struck pieces, in their colour.
  for (const piece of pieces) {
    if (!piece.style.strike || piece.kind === 'break') continue
    const size = piece.style.size
    const y = height - baseline + (piece.style.rise ?? 0) + size * 0.28
    const [r, g, b] = piece.style.color
    out.push(
      `${num(r / 255)} ${num(g / 255)} ${num(b / 255)} RG ${num(size * 0.06)} w`,
      `${num(x0 + piece.x)} ${num(y)} m ${num(x0 + piece.x + piece.drawnWidth)} ${num(y)} l S`,
    )
  }
  out.push('Q')
  content(doc, out.join('\n'))
}

/** A PDF text string as UTF-16BE hex with BOM. */
export function utf16Hex(text: string): string {
  let hex = 'FEFF'
  for (let i = 0; i < text.length; i++)
    hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()
  return hex
}

function colorOf(color: Rgb): string {
  return `${num(color[0] / 255)} ${num(color[1] / 255)} ${num(color[2] / 255)} rg`
}

/** Draw a whole line at `x0` with its top at `top`. Returns the baseline. */
export function drawLine(doc: Doc, line: Line, x0: number, top: number): number {
  const baseline = top + baselineOffset(line)
  drawPieces(doc, line.pieces, x0, baseline)
  return baseline
}

/** Distance from a line's top to its baseline: leading split around the body size. */
export function baselineOffset(line: Line): number {
  let size = 0
  for (const p of line.pieces) if (!p.style.rise && p.style.size > size) size = p.style.size
  if (size === 0) size = line.pieces[0]?.style.size ?? line.height * 0.75
  return (line.height - size) / 2 + size * 0.8
}

export type { PDFDocument }
