/**
 * Fonts: the faces and their files are the toolkit's registry (`fontFaces`, `fontBytes`: read once
 * per process); here they are parsed ONCE per process (fontkit `Font` objects reused by every
 * document) and shaped, with a bounded (least recently used) shaping cache keyed by font + text
 * shared across documents.
 */
import { type FontKey, fontBytes } from '@pressroom/toolkit'
import * as fontkit from 'fontkit'

export type { FontKey }

const loaded = new Map<FontKey, fontkit.Font>()

/** The parsed font for a key (parsed on first use, then reused by every document). */
export function getFont(key: FontKey): fontkit.Font {
  let font = loaded.get(key)
  if (!font) {
    font = fontkit.create(fontBytes(key))
    loaded.set(key, font)
  }
  return font
}

/** A shaped run in 1/1000 em units (multiply by size / 1000 for points). */
export interface Shaped {
  glyphs: fontkit.Glyph[]
  /** Per glyph: xAdvance, xOffset, yOffset (1/1000 em) and the glyph's own advance. */
  positions: Array<{ xAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }>
  /** Total advance in 1/1000 em. */
  width: number
  /**
   * The glyphs' own code points do not spell the text (contextual Arabic forms,
   * decomposed dots): the text layer needs ActualText.
   */
  needsActualText: boolean
}

/**
 * Shaped runs by font and text, in two generations (an approximate least-recently-used cache that
 * costs nothing on a hit): a run is looked up in the young generation, then in the old one (and
 * moved to the young one); a miss is shaped and added to the young one. When the young generation
 * holds half the limit, it becomes the old one and the old one is dropped, so what was not used
 * during the last half-limit of new runs goes. About 1.1 KB an entry: the limit keeps the cache near
 * 11 MB however many different documents a process renders, while one article (the seed shapes some
 * 730 runs, a long one a few thousand) stays wholly cached. The seed's warm render looks up ~4,500
 * runs a pass: a hit is two map lookups, with no key built and no entry moved (a strict LRU map,
 * re-inserting each hit under a concatenated key, was 13 % of the PDF writer's time).
 */
type Generation = Map<FontKey, Map<string, Shaped>>
let young: Generation = new Map()
let old: Generation = new Map()
let youngSize = 0
let oldSize = 0
export const shapeCacheLimit = 10_000
let cacheHits = 0
let cacheMisses = 0

/** Shape `text` with a font (cached across documents by font + text, the least used dropped). */
export function shape(key: FontKey, text: string): Shaped {
  let runs = young.get(key)
  const cached = runs?.get(text)
  if (cached) {
    cacheHits++
    return cached
  }
  const promoted = old.get(key)?.get(text)
  if (promoted) cacheHits++
  else cacheMisses++
  const shaped = promoted ?? shapeNow(key, text)
  if (youngSize >= shapeCacheLimit / 2) {
    old = young
    oldSize = youngSize
    young = new Map()
    youngSize = 0
    runs = undefined
  }
  if (!runs) {
    runs = new Map()
    young.set(key, runs)
  }
  runs.set(text, shaped)
  youngSize++
  return shaped
}

function shapeNow(key: FontKey, text: string): Shaped {
  const font = getFont(key)
  const scale = 1000 / font.unitsPerEm
  // Shaping hides U+00AD (default ignorable): at a line break we want its own visible glyph.
  const run =
    text === '\u00AD' && font.hasGlyphForCodePoint(0xad) ? softHyphen(font) : font.layout(text)
  const positions: Shaped['positions'] = []
  let width = 0
  for (let i = 0; i < run.glyphs.length; i++) {
    const p = run.positions[i]
    positions.push({
      xAdvance: p.xAdvance * scale,
      xOffset: p.xOffset * scale,
      yOffset: p.yOffset * scale,
      advanceWidth: run.glyphs[i].advanceWidth * scale,
    })
    width += p.xAdvance * scale
  }
  const spelled = run.glyphs.flatMap((g) => g.codePoints)
  const wanted = Array.from(text, (c) => c.codePointAt(0)!)
  const needsActualText =
    spelled.length !== wanted.length || spelled.some((c, i) => c !== wanted[i])
  return { glyphs: run.glyphs, positions, width, needsActualText }
}

function softHyphen(font: fontkit.Font): fontkit.GlyphRun {
  const glyph = font.glyphForCodePoint(0xad)
  return {
    glyphs: [glyph],
    positions: [{ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }],
    advanceWidth: glyph.advanceWidth,
  }
}

/** Width of `text` in points at `size`. */
export function widthOf(key: FontKey, text: string, size: number): number {
  return (shape(key, text).width * size) / 1000
}

/** Cache statistics (for the benchmark). */
export function shapeCacheStats(): { size: number; hits: number; misses: number } {
  // A promoted run is counted in both generations until the old one is dropped.
  return { size: youngSize + oldSize, hits: cacheHits, misses: cacheMisses }
}

/** Ascent and descent in 1/1000 em. */
export function metrics(key: FontKey): { ascent: number; descent: number } {
  const font = getFont(key)
  const scale = 1000 / font.unitsPerEm
  return { ascent: font.ascent * scale, descent: font.descent * scale }
}

/** Whether the font has a glyph for the code point. */
export function covers(key: FontKey, codePoint: number): boolean {
  return getFont(key).hasGlyphForCodePoint(codePoint)
}

/** The Latin face for Latin letters and digits inside right-to-left (Naskh) text. */
export function latinInArabic(key: FontKey): FontKey {
  if (key === 'serif') return 'latinInArabic'
  if (key === 'serifBold') return 'latinInArabicBold'
  return key
}

function isBold(key: FontKey): boolean {
  return key.endsWith('Bold') || key.endsWith('BoldItalic')
}

/** The Arabic-script face matching a Latin face's weight. */
export function arabicFor(key: FontKey): FontKey {
  return isBold(key) ? 'arabicBold' : 'arabic'
}

/**
 * The fallback faces after the wanted one, in order, at the wanted face's weight: Arabic, the
 * serif, the mono, then the faces of other scripts (Han and kana, Hangul, Devanagari, emoji).
 * A face of another script is parsed only when a character reaches it.
 */
function fallbacks(wanted: FontKey): FontKey[] {
  return isBold(wanted)
    ? [
        'arabicBold',
        'serifBold',
        'serif',
        'mono',
        'cjkBold',
        'hangulBold',
        'devanagariBold',
        'emoji',
      ]
    : ['arabic', 'serif', 'mono', 'cjk', 'hangul', 'devanagari', 'emoji']
}

const faceCache = new Map<string, FontKey | null>()

/**
 * Choose the face for one character: the wanted face when it has the glyph,
 * else the first fallback that has it. `undefined` when nothing covers it.
 */
export function faceFor(wanted: FontKey, codePoint: number): FontKey | undefined {
  if (covers(wanted, codePoint)) return wanted
  const cacheKey = `${wanted}:${codePoint}`
  const cached = faceCache.get(cacheKey)
  if (cached !== undefined) return cached ?? undefined
  let found: FontKey | null = null
  // Hangul in the Korean face, though the Han face has some syllables: one face per word.
  const hangul: FontKey = isBold(wanted) ? 'hangulBold' : 'hangul'
  const order = /\p{Script=Hangul}/u.test(String.fromCodePoint(codePoint))
    ? [hangul, ...fallbacks(wanted)]
    : fallbacks(wanted)
  for (const key of order) {
    if (covers(key, codePoint)) {
      found = key
      break
    }
  }
  faceCache.set(cacheKey, found)
  return found ?? undefined
}

/** Whether a face sets text without spaces between words (Han, kana): a line may break between characters. */
export function breaksBetweenCharacters(key: FontKey): boolean {
  return key === 'cjk' || key === 'cjkBold'
}
