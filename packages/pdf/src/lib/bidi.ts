/**
 * Bidi (UAX #9), apart from line breaking: embedding levels of a paragraph (bidi-js), mirrored
 * glyphs in right-to-left runs (rule L4), which characters the shaper cannot order itself, and
 * the visual reordering of a line's pieces (rule L2).
 */
import { createRequire } from 'node:module'
import type { Bidi } from 'bidi-js'

const bidi = (createRequire(import.meta.url)('bidi-js') as () => Bidi)()

/** Bidi types the shaper orders itself (right-to-left letters and the marks on them). */
const rtlStrong = new Set(['R', 'AL', 'NSM'])

/** The embedding level of each UTF-16 code unit of `text`, in a paragraph of `direction`. */
export function embeddingLevels(text: string, direction: 'ltr' | 'rtl'): Uint8Array {
  return bidi.getEmbeddingLevels(text, direction).levels
}

/** The character drawn for `char` at `level`: brackets and the like mirrored in right-to-left runs. */
export function glyphFor(char: string, level: number): string {
  return level % 2 === 1 ? (bidi.getMirroredCharacter(char) ?? char) : char
}

/**
 * A neutral character (punctuation, bracket, digit) in a right-to-left run: the shaper only
 * reverses letters of right-to-left scripts, so it must be a piece of its own, ordered by rule L2.
 */
export function standsAlone(char: string, level: number): boolean {
  return level % 2 === 1 && !rtlStrong.has(bidi.getBidiCharTypeName(char))
}

/** Reorder pieces of one line from logical to visual order (UAX #9 rule L2). */
export function reorder<T extends { level: number }>(pieces: T[], baseLevel: number): T[] {
  const out = pieces.slice()
  let max = baseLevel
  let minOdd = Number.POSITIVE_INFINITY
  for (const p of out) {
    if (p.level > max) max = p.level
    if (p.level % 2 === 1 && p.level < minOdd) minOdd = p.level
  }
  if (minOdd === Number.POSITIVE_INFINITY) return out
  for (let level = max; level >= minOdd; level--) {
    let i = 0
    while (i < out.length) {
      if (out[i].level >= level) {
        let j = i
        while (j < out.length && out[j].level >= level) j++
        const reversed = out.slice(i, j).reverse()
        out.splice(i, j - i, ...reversed)
        i = j
      } else i++
    }
  }
  return out
}
