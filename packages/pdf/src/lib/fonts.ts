/**
 * Fonts: parsed ONCE per process (fontkit `Font` objects reused by every
 * document), and a shaping cache keyed by font + text shared across documents.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as fontkit from 'fontkit'

const require = createRequire(import.meta.url)

/** The faces the renderer uses. */
export type FontKey =
  | 'serif'
  | 'serifItalic'
  | 'serifBold'
  | 'serifBoldItalic'
  | 'mono'
  | 'monoBold'
  | 'arabic'
  | 'arabicBold'
  | 'latinInArabic'
  | 'latinInArabicBold'
  | 'cjk'
  | 'cjkBold'
  | 'hangul'
  | 'hangulBold'
  | 'devanagari'
  | 'devanagariBold'
  | 'emoji'

const files: Record<FontKey, string> = {
  serif: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  serifItalic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  serifBold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  serifBoldItalic: '@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
  mono: '@expo-google-fonts/source-code-pro/400Regular/SourceCodePro_400Regular.ttf',
  monoBold: '@expo-google-fonts/source-code-pro/700Bold/SourceCodePro_700Bold.ttf',
  arabic: '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf',
  arabicBold: '@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf',
  // Naskh's strokes are thin: Latin words and digits inside Arabic text are set one weight lighter
  // than the serif's (Light for regular, SemiBold for bold), so they do not look heavier.
  latinInArabic: '@expo-google-fonts/noto-serif/300Light/NotoSerif_300Light.ttf',
  latinInArabicBold: '@expo-google-fonts/noto-serif/600SemiBold/NotoSerif_600SemiBold.ttf',
  // Fallbacks, loaded only when a character needs them. Noto Sans SC has the Han characters of
  // Simplified and Traditional Chinese and Japanese kana; Nanum Myeongjo the Korean Hangul (a
  // serif, like the body); Noto Serif Devanagari Hindi; Noto Emoji (monochrome) the emoji.
  cjk: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  cjkBold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  hangul: '@expo-google-fonts/nanum-myeongjo/400Regular/NanumMyeongjo_400Regular.ttf',
  hangulBold: '@expo-google-fonts/nanum-myeongjo/800ExtraBold/NanumMyeongjo_800ExtraBold.ttf',
  devanagari:
    '@expo-google-fonts/noto-serif-devanagari/400Regular/NotoSerifDevanagari_400Regular.ttf',
  devanagariBold:
    '@expo-google-fonts/noto-serif-devanagari/700Bold/NotoSerifDevanagari_700Bold.ttf',
  emoji: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
}

export const fontKeys = Object.keys(files) as FontKey[]

const loaded = new Map<FontKey, fontkit.Font>()

/** The parsed font for a key (parsed on first use, then reused by every document). */
export function getFont(key: FontKey): fontkit.Font {
  let font = loaded.get(key)
  if (!font) {
    const bytes = readFileSync(require.resolve(files[key]))
    font = fontkit.create(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
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

const shapeCache = new Map<string, Shaped>()
const shapeCacheLimit = 100_000
let cacheHits = 0
let cacheMisses = 0

/** Shape `text` with a font (cached across documents by font + text). */
export function shape(key: FontKey, text: string): Shaped {
  const cacheKey = `${key}\u0000${text}`
  const cached = shapeCache.get(cacheKey)
  if (cached) {
    cacheHits++
    return cached
  }
  cacheMisses++
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
  const shaped: Shaped = { glyphs: run.glyphs, positions, width, needsActualText }
  if (shapeCache.size >= shapeCacheLimit) shapeCache.clear()
  shapeCache.set(cacheKey, shaped)
  return shaped
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
  return { size: shapeCache.size, hits: cacheHits, misses: cacheMisses }
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
