import { describe, expect, it } from 'vitest'
import { greedy, type Item, knuthPlass } from '../src/index.js'

/** Words of given widths separated by spaces of width 3 (stretch 1.5, shrink 1). */
function paragraph(widths: number[], hyphenAfter: number[] = []): Item[] {
  const items: Item[] = []
  widths.forEach((width, i) => {
    if (i > 0) items.push({ type: 'glue', width: 3, stretch: 1.5, shrink: 1, piece: -1 })
    items.push({ type: 'box', width, piece: i })
    if (hyphenAfter.includes(i)) {
      items.push({ type: 'penalty', width: 1, penalty: 50, flagged: true })
      items.push({ type: 'box', width: width, piece: i })
    }
  })
  items.push({ type: 'penalty', width: 0, penalty: 10_000, flagged: false })
  items.push({ type: 'glue', width: 0, stretch: Number.POSITIVE_INFINITY, shrink: 0, piece: -1 })
  items.push({ type: 'penalty', width: 0, penalty: -10_000, flagged: false })
  return items
}

describe('knuthPlass', () => {
  it('ends with the forced break and keeps every line within tolerance', () => {
    const items = paragraph([10, 20, 8, 15, 12, 30, 9, 11, 14, 7, 22, 13, 16, 10, 5, 18])
    const result = knuthPlass(items, { lineWidth: () => 60 })
    expect(result.breaks.at(-1)).toBe(items.length - 1)
    for (const ratio of result.ratios.slice(0, -1)) {
      expect(ratio).toBeGreaterThanOrEqual(-1)
      expect(ratio).toBeLessThanOrEqual(10)
    }
  })

  it('balances lines better than first-fit (sum of squared ratios)', () => {
    const items = paragraph([10, 20, 8, 15, 12, 30, 9, 11, 14, 7, 22, 13, 16, 10, 5, 18, 21, 6, 9])
    const kp = knuthPlass(items, { lineWidth: () => 62 })
    const ff = greedy(items, { lineWidth: () => 62 })
    const cost = (r: number[]) => r.slice(0, -1).reduce((s, x) => s + Math.abs(x) ** 3, 0)
    expect(cost(kp.ratios)).toBeLessThanOrEqual(cost(ff.ratios))
    expect(Math.max(...kp.ratios.slice(0, -1))).toBeLessThanOrEqual(
      Math.max(...ff.ratios.slice(0, -1)),
    )
  })

  it('never sets more hyphenated lines in a row than allowed', () => {
    // Every word can be hyphenated; narrow lines invite hyphens everywhere.
    const widths = Array.from({ length: 40 }, (_, i) => 8 + ((i * 7) % 9))
    const items = paragraph(
      widths,
      widths.map((_, i) => i),
    )
    const result = knuthPlass(items, { lineWidth: () => 45, maxConsecutiveHyphens: 1 })
    let run = 0
    for (const b of result.breaks) {
      const item = items[b]
      run = item.type === 'penalty' && item.flagged ? run + 1 : 0
      expect(run).toBeLessThanOrEqual(1)
    }
  })
})
