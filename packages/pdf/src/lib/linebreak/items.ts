/**
 * Knuth-Plass items: boxes (material), glue (stretchable space) and penalties
 * (possible breaks with a cost). Widths are in points.
 */
export interface Box {
  type: 'box'
  width: number
  /** Index of the drawable piece this box stands for. */
  piece: number
}

export interface Glue {
  type: 'glue'
  width: number
  stretch: number
  shrink: number
  /** Index of the drawable piece (a space), -1 for invisible glue. */
  piece: number
}

export interface Penalty {
  type: 'penalty'
  width: number
  penalty: number
  /** A hyphenation break: consecutive flagged breaks cost extra. */
  flagged: boolean
}

export type Item = Box | Glue | Penalty

/** A penalty this high forbids a break; this low forces one. */
export const infinity = 10_000

export interface BreakOptions {
  /** Width available for line `n` (0-based). */
  lineWidth: (line: number) => number
  /** The largest adjustment ratio accepted (TeX's tolerance, as a ratio). Default 2. */
  tolerance?: number
  /** Added to every line's badness. Default 10. */
  linePenalty?: number
  /** Extra demerits for two hyphenated lines in a row. Default 3000. */
  flaggedDemerits?: number
  /** Extra demerits for adjacent lines of far-apart fitness classes. Default 10000. */
  fitnessDemerits?: number
  /** Never more than this many hyphenated lines in a row. Default 2. */
  maxConsecutiveHyphens?: number
}

export interface BreakResult {
  /** Index of the item each line ends at (the last is the final forced penalty). */
  breaks: number[]
  /** Adjustment ratio of each line (0 for natural width, >0 stretched, <0 shrunk). */
  ratios: number[]
}

/** Whether item `i` is a legal break point. */
export function isBreak(items: Item[], i: number): boolean {
  const item = items[i]
  if (item.type === 'penalty') return item.penalty < infinity
  if (item.type === 'glue') return i > 0 && items[i - 1].type === 'box'
  return false
}

/** Natural width, stretch and shrink of the line from `start` (after a break) to break `end`. */
export function measure(
  items: Item[],
  start: number,
  end: number,
): { width: number; stretch: number; shrink: number } {
  let width = 0
  let stretch = 0
  let shrink = 0
  for (let i = start; i < end; i++) {
    const item = items[i]
    if (item.type === 'box') width += item.width
    else if (item.type === 'glue') {
      width += item.width
      stretch += item.stretch
      shrink += item.shrink
    }
  }
  const last = items[end]
  if (last && last.type === 'penalty') width += last.width
  return { width, stretch, shrink }
}

/** First item of the line after a break at `i`: skip discardable glue and penalties. */
export function lineStart(items: Item[], i: number): number {
  let j = i + 1
  while (j < items.length && items[j].type !== 'box') {
    const item = items[j]
    if (item.type === 'penalty' && item.penalty <= -infinity) break
    j++
  }
  return j
}

/** Adjustment ratio of a line of natural `width` set to `target`. */
export function ratioOf(
  target: number,
  line: { width: number; stretch: number; shrink: number },
): number {
  const diff = target - line.width
  if (diff > 0) return line.stretch > 0 ? diff / line.stretch : line.stretch === 0 ? infinity : 0
  if (diff < 0) return line.shrink > 0 ? diff / line.shrink : -infinity
  return 0
}
