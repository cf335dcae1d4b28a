import { describe, expect, it } from 'vitest'
import { setParagraph } from '../src/lib/typeset.js'

const options = {
  width: 400,
  leading: 14,
  align: 'right' as const,
  direction: 'rtl' as const,
  language: 'ar',
  hyphenate: false,
  lineBreaker: 'greedy' as const,
}
const style = { font: 'serif' as const, size: 10.5, color: [0, 0, 0] as [number, number, number] }

describe('right-to-left runs', () => {
  it('draw brackets mirrored (UAX #9 L4) and keep the written characters for the text layer', () => {
    const [line] = setParagraph([{ text: 'الخط الأحمر (1) هنا', style }], options)
    const drawn = line.pieces.map((piece) => piece.text).join('')
    // Visual order, left to right: "هنا (1) الأحمر الخط" with the brackets facing their content.
    expect(drawn).toContain('(1)')
    const mirrored = line.pieces.filter((piece) => piece.logical !== undefined)
    expect(mirrored.length).toBeGreaterThan(0)
    for (const piece of mirrored) expect(piece.logical).not.toBe(piece.text)
  })

  it('order neutral punctuation by the bidi algorithm, not the shaper: "(3)." reads ".(3)" left to right', () => {
    const [line] = setParagraph([{ text: 'والأزرق (3). يلتقي', style }], options)
    expect(line.pieces.map((piece) => piece.text).join('')).toContain('.(3)')
  })

  it('leave left-to-right text alone', () => {
    const [line] = setParagraph([{ text: 'Line 1 (red) here', style }], {
      ...options,
      direction: 'ltr',
      align: 'left',
      language: 'en',
    })
    expect(line.pieces.map((piece) => piece.text).join('')).toBe('Line 1 (red) here')
    expect(line.pieces.every((piece) => piece.logical === undefined)).toBe(true)
  })
})
