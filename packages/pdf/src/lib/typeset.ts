/**
 * Paragraph setting: styled runs -> pieces (words, spaces) in the right faces
 * (Arabic fallback), bidi levels, hyphenation fragments -> Knuth-Plass items
 * -> lines in visual order with their word spacing.
 */
import { embeddingLevels, glyphFor, reorder, standsAlone } from './bidi.js'
import {
  breaksBetweenCharacters,
  covers,
  type FontKey,
  faceFor,
  latinInArabic,
  shape,
  widthOf,
} from './fonts.js'
import { syllables } from './hyphenate.js'
import { greedy } from './linebreak/greedy.js'
import { type Item, infinity } from './linebreak/items.js'
import { knuthPlass } from './linebreak/knuth-plass.js'

export type Rgb = [number, number, number]

export interface Style {
  font: FontKey
  size: number
  color: Rgb
  /** Link target (URL). */
  link?: string
  /** Identity of the link node (one Link structure element per link). */
  linkId?: number
  /** In-page link: the named destination (a heading's id) it goes to. */
  goTo?: string
  /** Raise (superscript) in points. */
  rise?: number
  /** Footnote label referenced here. */
  noteRef?: string
  /** Never hyphenate (code, URLs). */
  noHyphen?: boolean
  /** Struck through (Markdown `~~deleted~~`). */
  strike?: boolean
}

export interface Run {
  text: string
  style: Style
}

/** Something drawn on a line: a word fragment, a space or a hyphen. */
export interface Piece {
  /** `break`: a hard line break (Markdown's two-space or backslash break), never drawn. */
  kind: 'text' | 'space' | 'hyphen' | 'break'
  text: string
  font: FontKey
  style: Style
  /** Natural width in points. */
  width: number
  /** Bidi embedding level. */
  level: number
  /** The characters as written, when the drawn ones differ (mirrored brackets): for the text layer. */
  logical?: string
}

export interface PlacedPiece extends Piece {
  /** Offset from the line's start edge, in points. */
  x: number
  /** Drawn width (spaces stretched). */
  drawnWidth: number
}

export interface Line {
  pieces: PlacedPiece[]
  /** Height of the line (its leading) in points. */
  height: number
  /** Word space against the font's normal space (1 = natural). NaN when no space is stretched. */
  spaceRatio: number
  hyphenated: boolean
  /** Footnote labels referenced on this line. */
  notes: string[]
  /** Last line of its paragraph. */
  last: boolean
}

export interface SetOptions {
  width: number
  /** Width of the first line (indent); default `width`. */
  firstWidth?: number
  leading: number
  align: 'justify' | 'left' | 'center' | 'right'
  direction: 'ltr' | 'rtl'
  language: string
  hyphenate: boolean
  lineBreaker: 'knuth-plass' | 'greedy'
  /** Called for characters no face covers. */
  missing?: (char: string) => void
}

const spaceRe = /[ \t\n\r\f\u2029]/
/** A run holding this character is a hard line break (`state.runs` writes it for `break` nodes). */
export const lineBreak = '\u2028'

/** Split runs into pieces: words broken where style, face or bidi level changes; spaces. */
function toPieces(runs: Run[], options: SetOptions): Piece[][] {
  const text = runs.map((r) => r.text).join('')
  const levels = embeddingLevels(text, options.direction)
  // words[i] = the pieces of one word; a `space` piece stands alone between words.
  const words: Piece[][] = []
  let current: Piece[] = []
  let offset = 0
  const flush = () => {
    if (current.length > 0) words.push(current)
    current = []
  }
  for (const run of runs) {
    const chars = Array.from(run.text)
    let segment = ''
    let logical = ''
    let segFont: FontKey | undefined
    let segNeutral = false
    let segLevel = -1
    const endSegment = () => {
      if (segment && segFont) {
        const piece: Piece = {
          kind: 'text',
          text: segment,
          font: segFont,
          style: run.style,
          width: widthOf(segFont, segment, run.style.size),
          level: segLevel,
        }
        if (logical !== segment) piece.logical = logical
        current.push(piece)
      }
      segment = ''
      logical = ''
    }
    for (const char of chars) {
      const level = levels[offset]
      offset += char.length
      if (char === lineBreak) {
        endSegment()
        flush()
        // A space before a hard break is meaningless: drop it.
        const previous = words[words.length - 1]
        if (previous && previous.length === 1 && previous[0].kind === 'space') words.pop()
        words.push([
          { kind: 'break', text: '', font: run.style.font, style: run.style, width: 0, level },
        ])
        continue
      }
      if (spaceRe.test(char)) {
        endSegment()
        flush()
        const previous = words[words.length - 1]
        if (previous && previous.length === 1 && previous[0].kind === 'space') continue
        const font = run.style.font
        words.push([
          {
            kind: 'space',
            text: ' ',
            font,
            style: run.style,
            width: widthOf(font, ' ', run.style.size),
            level,
          },
        ])
        continue
      }
      // In a right-to-left run, brackets and the like are drawn mirrored (UAX #9 rule L4):
      // the "(" of "(1)" must open toward the text it encloses.
      const glyphChar = glyphFor(char, level)
      const codePoint = glyphChar.codePointAt(0)!
      let font = faceFor(run.style.font, codePoint)
      if (!font) {
        options.missing?.(char)
        font = run.style.font
      }
      // Latin and digits in a right-to-left paragraph: the face whose weight matches Naskh's.
      if (options.direction === 'rtl' && /[\p{Script=Latin}\p{Nd}]/u.test(char))
        font = latinInArabic(font)
      // Combining marks (and variation selectors) stay with their base letter; so do joiners
      // (ZWJ, ZWNJ) and the character after a ZWJ when the face has it (emoji sequences, conjuncts).
      if (segment && /[\p{M}\u200C\u200D]/u.test(char)) font = segFont!
      else if (segment.endsWith('\u200D') && segFont && covers(segFont, codePoint)) font = segFont
      // Neutral characters (punctuation, brackets) in a right-to-left run stand alone: the shaper
      // only reverses letters of right-to-left scripts, so "). " must be ordered by rule L2 here.
      const neutral = standsAlone(char, level)
      if (segment && (font !== segFont || level !== segLevel || neutral || segNeutral)) endSegment()
      segFont = font
      segLevel = level
      segNeutral = neutral
      segment += glyphChar
      logical += char
    }
    endSegment()
  }
  flush()
  return words
}

/** Characters that may not start a line (closing punctuation, small kana) or end one (opening). */
const noBreakBefore =
  /^[、。，．：；？！）」』】〕〉》〗〙〛”’ー々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ・…‥〜）］｝，．：；？！,.:;?!)\]}%]/u
const noBreakAfter = /^[（「『【〔〈《〖〘〚“‘（［｛([{]/u

function hyphenWidth(style: Style): number {
  return widthOf(style.font, '\u00AD', style.size)
}

/** Build Knuth-Plass items and the piece table from word pieces. */
function toItems(
  words: Piece[][],
  options: SetOptions,
): { items: Item[]; pieces: Piece[]; normalSpace: number } {
  const items: Item[] = []
  const pieces: Piece[] = []
  const justify = options.align === 'justify'
  let normalSpace = 0
  // Drop leading and trailing spaces.
  while (words.length > 0 && words[0][0].kind === 'space') words.shift()
  while (words.length > 0 && words[words.length - 1][0].kind === 'space') words.pop()
  for (const [w, word] of words.entries()) {
    const first = word[0]
    if (first.kind === 'break') {
      // Like the end of a paragraph: fill the line, then a forced break.
      items.push({ type: 'penalty', width: 0, penalty: infinity, flagged: false })
      items.push({
        type: 'glue',
        width: 0,
        stretch: Number.POSITIVE_INFINITY,
        shrink: 0,
        piece: -1,
      })
      items.push({ type: 'penalty', width: 0, penalty: -infinity, flagged: false })
      continue
    }
    if (first.kind === 'space') {
      // A space right after a hard break starts no line with a gap.
      if (words[w - 1]?.[0].kind === 'break') continue
      pieces.push(first)
      if (!normalSpace) normalSpace = first.width
      items.push({
        type: 'glue',
        width: first.width,
        stretch: justify ? first.width / 2 : 0,
        shrink: justify ? first.width / 3 : 0,
        piece: pieces.length - 1,
      })
      continue
    }
    for (const piece of word) {
      const style = piece.style
      // Han and kana are set without spaces: a line may break between any two characters
      // (not before closing punctuation, not after opening), at an invisible gap that takes
      // the justification like a space.
      if (breaksBetweenCharacters(piece.font) && piece.level % 2 === 0) {
        const clusters = piece.text.match(/\P{M}\p{M}*/gu) ?? [piece.text]
        clusters.forEach((cluster, c) => {
          if (c > 0 && !noBreakBefore.test(cluster) && !noBreakAfter.test(clusters[c - 1])) {
            pieces.push({ ...piece, kind: 'space', text: '', width: 0 })
            items.push({
              type: 'glue',
              width: 0,
              stretch: justify ? style.size / 4 : 0,
              shrink: 0,
              piece: pieces.length - 1,
            })
          }
          const sub: Piece =
            clusters.length === 1
              ? piece
              : { ...piece, text: cluster, width: widthOf(piece.font, cluster, style.size) }
          pieces.push(sub)
          items.push({ type: 'box', width: sub.width, piece: pieces.length - 1 })
        })
        continue
      }
      const canHyphenate =
        options.hyphenate &&
        !style.noHyphen &&
        !style.link &&
        piece.level % 2 === 0 &&
        word.length === 1
      // Break after explicit hyphens and dashes (three letters at least each side: no "ul-/Adl"),
      // then inside words by the patterns; a URL breaks
      // after its slashes and dots (no hyphen drawn), so it never leaves a justified line gaping.
      const url = piece.level % 2 === 0 && /^[a-z][a-z0-9+.-]*:\/\/\S{12,}/i.test(piece.text)
      const compounds = canHyphenate
        ? piece.text.split(/(?<=[^-–—]{3}[-–—])(?=[^-–—]{3})/u)
        : url
          ? piece.text.split(/(?<=[^/][/.?&=_-])(?=[^/.])/u)
          : [piece.text]
      compounds.forEach((compound, c) => {
        if (c > 0)
          items.push({
            type: 'penalty',
            width: 0,
            penalty: options.lineBreaker === 'greedy' ? 0 : 50,
            flagged: !url,
          })
        const parts = canHyphenate ? syllables(compound, options.language) : [compound]
        parts.forEach((part, p) => {
          if (p > 0)
            items.push({ type: 'penalty', width: hyphenWidth(style), penalty: 50, flagged: true })
          const sub: Piece =
            parts.length === 1 && compounds.length === 1
              ? piece
              : { ...piece, text: part, width: widthOf(piece.font, part, style.size) }
          pieces.push(sub)
          items.push({ type: 'box', width: sub.width, piece: pieces.length - 1 })
        })
      })
    }
  }
  // End of paragraph: fill the last line, then a forced break.
  items.push({ type: 'penalty', width: 0, penalty: infinity, flagged: false })
  items.push({ type: 'glue', width: 0, stretch: Number.POSITIVE_INFINITY, shrink: 0, piece: -1 })
  items.push({ type: 'penalty', width: 0, penalty: -infinity, flagged: false })
  return { items, pieces, normalSpace }
}

/** Set runs as a paragraph of lines. */
export function setParagraph(runs: Run[], options: SetOptions): Line[] {
  const words = toPieces(runs, options)
  const { items, pieces } = toItems(words, options)
  if (pieces.length === 0) return []
  const firstWidth = options.firstWidth ?? options.width
  const lineWidth = (line: number) => (line === 0 ? firstWidth : options.width)
  const useKp = options.lineBreaker === 'knuth-plass' && options.align === 'justify'
  const { breaks } = useKp ? knuthPlass(items, { lineWidth }) : greedy(items, { lineWidth })
  const lines: Line[] = []
  const baseLevel = options.direction === 'rtl' ? 1 : 0
  let start = 0
  breaks.forEach((end, index) => {
    const last = index === breaks.length - 1
    const logical: Piece[] = []
    for (let i = start; i < end; i++) {
      const item = items[i]
      if (item.type === 'box') logical.push(pieces[item.piece])
      else if (item.type === 'glue' && item.piece >= 0) logical.push(pieces[item.piece])
    }
    while (logical.length > 0 && logical[logical.length - 1].kind === 'space') logical.pop()
    while (logical.length > 0 && logical[0].kind === 'space') logical.shift()
    const breakItem = items[end]
    const hyphenated = breakItem.type === 'penalty' && breakItem.width > 0
    if (hyphenated && logical.length > 0) {
      const before = logical[logical.length - 1]
      logical.push({
        kind: 'hyphen',
        text: '\u00AD',
        font: before.style.font,
        style: before.style,
        width: hyphenWidth(before.style),
        level: before.level,
      })
    }
    // Next line starts after the discardable items.
    start = end + 1
    while (start < items.length && items[start].type !== 'box') {
      const item = items[start]
      if (item.type === 'penalty' && item.penalty <= -infinity) break
      start++
    }
    const target = lineWidth(index)
    let natural = 0
    let spaces = 0
    let spaceWidth = 0
    // Spaces with a width (not the invisible gaps between Han characters): for the statistics.
    let realSpaces = 0
    for (const p of logical) {
      natural += p.width
      if (p.kind === 'space') {
        spaces++
        spaceWidth += p.width
        if (p.width > 0) realSpaces++
      }
    }
    // The line before a hard break is set like a last line: not stretched.
    const forced = breakItem.type === 'penalty' && breakItem.penalty <= -infinity
    let extra = 0
    // Justified lines fill the measure; a last line the breaker chose with its spaces shrunk is
    // drawn shrunk (never past the margin).
    if (options.align === 'justify' && spaces > 0 && ((!last && !forced) || natural > target))
      extra = (target - natural) / spaces
    const ratio =
      realSpaces > 0 && extra !== 0
        ? (spaceWidth / realSpaces + extra) / (spaceWidth / realSpaces)
        : Number.NaN
    const visual = reorder(logical, baseLevel)
    let drawnTotal = natural + extra * spaces
    let x = 0
    if (options.align === 'center') x = (target - drawnTotal) / 2
    else if (options.align === 'right' || (options.direction === 'rtl' && options.align !== 'left'))
      x = target - drawnTotal
    if (options.align === 'justify' && options.direction === 'rtl' && !last && !forced) x = 0
    if (x < 0 && options.align !== 'justify') x = 0
    drawnTotal = 0
    const placed: PlacedPiece[] = []
    const notes: string[] = []
    for (const p of visual) {
      const drawnWidth = p.kind === 'space' ? p.width + extra : p.width
      placed.push({ ...p, x, drawnWidth })
      x += drawnWidth
      if (p.style.noteRef && !notes.includes(p.style.noteRef)) notes.push(p.style.noteRef)
    }
    lines.push({
      pieces: placed,
      height: options.leading,
      spaceRatio: ratio,
      hyphenated,
      notes,
      last,
    })
  })
  return lines
}

/** Natural width of runs on one line (for labels, table columns). */
export function naturalWidth(runs: Run[]): number {
  let width = 0
  for (const run of runs)
    width += widthOf(run.style.font, run.text.replace(/\s+/g, ' '), run.style.size)
  return width
}

export { shape }
