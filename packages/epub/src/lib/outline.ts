/**
 * Text as outlines: a line of text shaped with the package's own font files
 * (fontkit: OpenType features, Arabic joining) and drawn as SVG path data, so
 * the cover looks the same on every machine whatever fonts it has installed.
 */

import { createRequire } from 'node:module'
import { type FontKey, fontBytes } from '@pressroom/toolkit'
import type { Bidi } from 'bidi-js'
import * as fontkit from 'fontkit'

const require = createRequire(import.meta.url)
const bidi = (require('bidi-js') as () => Bidi)()

export type CoverFace = 'regular' | 'bold' | 'italic'

const loaded = new Map<FontKey, fontkit.Font>()

/** A face of the toolkit's font registry, parsed once per process. */
function font(key: FontKey): fontkit.Font {
  let parsed = loaded.get(key)
  if (!parsed) {
    parsed = fontkit.create(fontBytes(key))
    loaded.set(key, parsed)
  }
  return parsed
}

/** The registry's faces for a cover face: the serif, then Naskh (which has no italic). */
const facesFor: Record<CoverFace, [FontKey, FontKey]> = {
  regular: ['serif', 'arabic'],
  italic: ['serifItalic', 'arabic'],
  bold: ['serifBold', 'arabicBold'],
}

/** Latin (and Greek, Cyrillic) face first, then the Arabic-script face; Arabic has no italic. */
function fontsFor(face: CoverFace): fontkit.Font[] {
  return facesFor[face].map(font)
}

interface Segment {
  text: string
  font: fontkit.Font
  level: number
}

/** Runs of one font and one bidi level, in logical order. */
function segments(text: string, face: CoverFace, dir: 'ltr' | 'rtl'): Segment[] {
  const fonts = fontsFor(face)
  const { levels } = bidi.getEmbeddingLevels(text, dir)
  const out: Segment[] = []
  let index = 0
  let previous: fontkit.Font | undefined
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    const level = levels[index] ?? 0
    // Spaces and marks stay with the run they are in; other characters take the first face that has them.
    const chosen =
      /[\s\p{M}]/u.test(char) && previous
        ? previous
        : (fonts.find((candidate) => candidate.hasGlyphForCodePoint(code)) ??
          (fonts[0] as fontkit.Font))
    const mirrored = level % 2 === 1 ? (bidi.getMirroredCharacter(char) ?? char) : char
    const last = out[out.length - 1]
    if (last && last.font === chosen && last.level === level) last.text += mirrored
    else out.push({ text: mirrored, font: chosen, level })
    previous = chosen
    index += char.length
  }
  return out
}

/** Reverse runs at odd levels (UAX #9, rule L2), giving the order in which they are drawn. */
function visualOrder(runs: Segment[]): Segment[] {
  const ordered = [...runs]
  const highest = Math.max(0, ...ordered.map((run) => run.level))
  const lowestOdd = Math.min(...ordered.map((run) => run.level).filter((level) => level % 2 === 1))
  for (let level = highest; level >= lowestOdd && Number.isFinite(lowestOdd); level--) {
    let start = 0
    while (start < ordered.length) {
      if ((ordered[start]?.level ?? 0) < level) {
        start++
        continue
      }
      let end = start
      while (end < ordered.length && (ordered[end]?.level ?? 0) >= level) end++
      const reversed = ordered.slice(start, end).reverse()
      ordered.splice(start, end - start, ...reversed)
      start = end
    }
  }
  return ordered
}

interface Shaped {
  font: fontkit.Font
  run: fontkit.GlyphRun
}

const shapedCache = new Map<string, Shaped[]>()

/**
 * Text whose layout never involves a combining mark: Basic Latin, Latin-1,
 * Latin Extended-A and -B, general punctuation and currency signs (no
 * combining characters among them, and the faces have their letters
 * precomposed). For it the mark-positioning features (`mark`, `mkmk`) are left
 * out: they change nothing there (checked for every one of these characters,
 * alone and in pairs, in every face of the registry: the same glyphs and
 * positions), and fontkit decodes a feature's GPOS lookups in full the first
 * time it applies them, which for these faces' mark lookups is most of the
 * cold cost of shaping a cover (about 30 ms a face).
 */
const withoutMarks = /^[\u0020-\u007e\u00a0-\u024f\u2000-\u206f\u20a0-\u20cf]*$/u
const noMarkFeatures = { mark: false, mkmk: false }

function shape(text: string, face: CoverFace, dir: 'ltr' | 'rtl'): Shaped[] {
  const key = `${face}\u0000${dir}\u0000${text}`
  let shaped = shapedCache.get(key)
  if (!shaped) {
    shaped = visualOrder(segments(text, face, dir)).map((segment) => ({
      font: segment.font,
      // fontkit returns right-to-left runs already in drawing order.
      run: segment.font.layout(
        segment.text,
        withoutMarks.test(segment.text) ? noMarkFeatures : undefined,
        undefined,
        undefined,
        segment.level % 2 === 1 ? 'rtl' : 'ltr',
      ),
    }))
    if (shapedCache.size > 2000) shapedCache.clear()
    shapedCache.set(key, shaped)
  }
  return shaped
}

/** Width of a line in em (tracking in em added after every glyph). */
export function measureLine(
  text: string,
  face: CoverFace,
  dir: 'ltr' | 'rtl',
  tracking = 0,
): number {
  let width = 0
  for (const { font, run } of shape(text, face, dir)) {
    width += run.advanceWidth / font.unitsPerEm + tracking * run.glyphs.length
  }
  return width
}

const round = (value: number): string => {
  const rounded = Math.round(value * 10) / 10
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

/**
 * SVG path data for a line of text centred on `centreX` with its baseline at
 * `baseline`, `size` units high (1 em).
 */
export function linePath(
  text: string,
  options: {
    face: CoverFace
    dir: 'ltr' | 'rtl'
    size: number
    centreX: number
    baseline: number
    tracking?: number
  },
): string {
  const { size, baseline } = options
  const tracking = options.tracking ?? 0
  let x = options.centreX - (measureLine(text, options.face, options.dir, tracking) * size) / 2
  let d = ''
  for (const { font, run } of shape(text, options.face, options.dir)) {
    const scale = size / font.unitsPerEm
    run.glyphs.forEach((glyph, index) => {
      const position = run.positions[index]
      const originX = x + (position?.xOffset ?? 0) * scale
      const originY = baseline - (position?.yOffset ?? 0) * scale
      for (const { command, args } of glyph.path.commands) {
        const points: string[] = []
        for (let i = 0; i + 1 < args.length; i += 2) {
          points.push(
            `${round(originX + (args[i] ?? 0) * scale)} ${round(originY - (args[i + 1] ?? 0) * scale)}`,
          )
        }
        const letter = {
          moveTo: 'M',
          lineTo: 'L',
          quadraticCurveTo: 'Q',
          bezierCurveTo: 'C',
          closePath: 'Z',
        }[command]
        d += `${letter}${points.join(' ')}`
      }
      x += (position?.xAdvance ?? glyph.advanceWidth) * scale + tracking * size
    })
  }
  return d
}
