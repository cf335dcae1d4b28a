/**
 * First-fit line breaking: take as much as fits at natural width (a hyphen
 * break inside the next word when that fits), then move on. What word
 * processors and browsers do; kept to compare with Knuth-Plass.
 */
import {
  type BreakOptions,
  type BreakResult,
  type Item,
  isBreak,
  lineStart,
  measure,
  ratioOf,
} from './items.js'

export function greedy(items: Item[], options: BreakOptions): BreakResult {
  const breaks: number[] = []
  const ratios: number[] = []
  let start = items[0]?.type === 'box' ? 0 : lineStart(items, -1)
  let line = 0
  let lastFit = -1
  for (let i = start; i < items.length; i++) {
    if (!isBreak(items, i)) continue
    const item = items[i]
    const forced = item.type === 'penalty' && item.penalty <= -10_000
    const target = options.lineWidth(line)
    const m = measure(items, start, i)
    let end: number
    if (m.width <= target) {
      lastFit = i
      if (!forced) continue
      end = i
    } else {
      end = lastFit >= 0 ? lastFit : i
    }
    breaks.push(end)
    ratios.push(ratioOf(target, measure(items, start, end)))
    line++
    start = lineStart(items, end)
    lastFit = -1
    i = end
  }
  return { breaks, ratios }
}
