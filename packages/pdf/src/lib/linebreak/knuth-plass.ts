/**
 * Total-fit paragraph breaking (Knuth & Plass, "Breaking paragraphs into
 * lines", 1981): boxes, glue and penalties; demerits from badness and
 * penalties; four fitness classes; extra demerits for consecutive hyphenated
 * lines and a hard limit on how many may follow each other.
 */
import { greedy } from './greedy.js'
import { type BreakOptions, type BreakResult, type Item, infinity, isBreak } from './items.js'

interface Node {
  position: number
  line: number
  fitness: number
  width: number
  stretch: number
  shrink: number
  demerits: number
  hyphens: number
  ratio: number
  previous: Node | null
}

function fitnessOf(ratio: number): number {
  if (ratio < -0.5) return 0
  if (ratio <= 0.5) return 1
  if (ratio <= 1) return 2
  return 3
}

function attempt(items: Item[], options: BreakOptions, tolerance: number): BreakResult | null {
  const linePenalty = options.linePenalty ?? 10
  const flaggedDemerits = options.flaggedDemerits ?? 3000
  const fitnessDemerits = options.fitnessDemerits ?? 10000
  const maxHyphens = options.maxConsecutiveHyphens ?? 2
  const n = items.length
  // Prefix sums: sum over items[0..i).
  const sumW = new Float64Array(n + 1)
  const sumY = new Float64Array(n + 1)
  const sumZ = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) {
    const item = items[i]
    sumW[i + 1] = sumW[i] + (item.type === 'penalty' ? 0 : item.width)
    sumY[i + 1] = sumY[i] + (item.type === 'glue' ? item.stretch : 0)
    sumZ[i + 1] = sumZ[i] + (item.type === 'glue' ? item.shrink : 0)
  }
  // Totals after a break at i: skip glue and non-forced penalties up to the next box.
  const after = (i: number): [number, number, number] => {
    let j = i
    if (i > 0 || items[0]?.type !== 'box') {
      j = i + 1
      while (j < n) {
        const item = items[j]
        if (item.type === 'box') break
        if (item.type === 'penalty' && item.penalty <= -infinity) break
        j++
      }
    }
    return [sumW[j], sumY[j], sumZ[j]]
  }

  let active: Node[] = [
    {
      position: 0,
      line: 0,
      fitness: 1,
      width: 0,
      stretch: 0,
      shrink: 0,
      demerits: 0,
      hyphens: 0,
      ratio: 0,
      previous: null,
    },
  ]
  for (let i = 0; i < n; i++) {
    if (!isBreak(items, i)) continue
    const item = items[i]
    const penalty = item.type === 'penalty' ? item.penalty : 0
    const flagged = item.type === 'penalty' && item.flagged
    const extra = item.type === 'penalty' ? item.width : 0
    const forced = penalty <= -infinity
    const candidates: Array<Node | null> = [null, null, null, null, null, null, null, null]
    const kept: Node[] = []
    for (const a of active) {
      const width = sumW[i] - a.width + extra
      const target = options.lineWidth(a.line)
      let ratio: number
      if (width < target) {
        const stretch = sumY[i] - a.stretch
        ratio = stretch > 0 ? (target - width) / stretch : infinity
      } else if (width > target) {
        const shrink = sumZ[i] - a.shrink
        ratio = shrink > 0 ? (target - width) / shrink : -infinity
      } else ratio = 0
      if (ratio < -1 || forced) {
        // Deactivate (but still consider it for this break if feasible).
      } else kept.push(a)
      if (ratio < -1 || ratio > tolerance) continue
      const hyphens = flagged ? a.hyphens + 1 : 0
      if (hyphens > maxHyphens) continue
      const badness = 100 * Math.abs(ratio) ** 3
      let demerits: number
      if (penalty >= 0) demerits = (linePenalty + badness) ** 2 + penalty ** 2
      else if (penalty > -infinity) demerits = (linePenalty + badness) ** 2 - penalty ** 2
      else demerits = (linePenalty + badness) ** 2
      const previousItem = items[a.position]
      if (flagged && previousItem?.type === 'penalty' && previousItem.flagged && a.position > 0)
        demerits += flaggedDemerits
      const fitness = fitnessOf(ratio)
      if (Math.abs(fitness - a.fitness) > 1) demerits += fitnessDemerits
      demerits += a.demerits
      const slot = fitness * 2 + (flagged ? 1 : 0)
      const best = candidates[slot]
      if (!best || demerits < best.demerits) {
        const [w, y, z] = after(i)
        candidates[slot] = {
          position: i,
          line: a.line + 1,
          fitness,
          width: w,
          stretch: y,
          shrink: z,
          demerits,
          hyphens,
          ratio,
          previous: a,
        }
      }
    }
    active = kept
    for (const c of candidates) if (c) active.push(c)
    if (active.length === 0) return null
  }
  let best: Node | null = null
  for (const a of active) {
    if (a.position === n - 1 && (!best || a.demerits < best.demerits)) best = a
  }
  if (!best) return null
  const breaks: number[] = []
  const ratios: number[] = []
  for (let node: Node | null = best; node?.previous; node = node.previous) {
    breaks.unshift(node.position)
    ratios.unshift(node.ratio)
  }
  return { breaks, ratios }
}

/**
 * Break a paragraph (items ending in a forced break) into lines with the
 * fewest total demerits. Tries `tolerance`, then looser, then falls back to
 * first-fit so a paragraph always sets.
 */
export function knuthPlass(items: Item[], options: BreakOptions): BreakResult {
  const tolerance = options.tolerance ?? 2
  for (const t of [tolerance, tolerance * 2, tolerance * 5]) {
    const result = attempt(items, options, t)
    if (result) return result
  }
  return greedy(items, options)
}
