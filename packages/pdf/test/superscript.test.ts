/**
 * The author's `<sup>`, `<sub>` and `<abbr>` (superscript, subscript and abbr nodes from the
 * reader): smaller raised and lowered runs that stay in their word, measured and broken like the
 * text around them; an abbreviation as its text.
 */
import { normalise, output, parsed, toFile } from '@pressroom/test-helpers'
import type { VFileMessage } from 'vfile-message'
import { describe, expect, it } from 'vitest'
import { renderPdf } from '../src/index.js'
import { resolveOptions } from '../src/lib/options.js'
import { type TextLine, textLines, wordsOutside } from './layout.js'

async function render(body: string, layout: 'one-column' | 'two-column' = 'two-column') {
  const messages: VFileMessage[] = []
  const file = toFile(
    await renderPdf(await parsed(body), { layout, report: (message) => messages.push(message) }),
  )
  return { file, rules: messages.map((message) => String(message.ruleId)) }
}

/** The words of the lines, each with its line, in reading order. */
const wordsOf = (lines: TextLine[]) =>
  lines.flatMap((line) => line.words.map((w) => ({ ...w, line })))

describe('superscript, subscript, abbr', { timeout: 60_000 }, () => {
  it('prints their text in order; superscript glyphs smaller and raised, subscript smaller and lowered', async () => {
    const { file, rules } = await render(
      'Water is H<sub>2</sub>O at 10<sup>3</sup> kg per cubic metre; <abbr title="Pressroom">PR</abbr> it.',
    )
    expect(rules).toEqual([])
    expect(normalise(output('pdftotext', [file, '-']))).toContain(
      'Water is H2O at 103 kg per cubic metre; PR it.',
    )
    const words = wordsOf(textLines(file).lines)
    const at = (text: string) => {
      const found = words.find((word) => word.text === text)
      if (!found) throw new Error(`no word ${text} in ${words.map((w) => w.text).join(' ')}`)
      return found
    }
    const height = (box: { yMin: number; yMax: number }) => box.yMax - box.yMin
    // poppler makes a word of each size: "10" "3", "H" "2" "O".
    const ten = at('10')
    const three = at('3')
    const h = at('H')
    const two = at('2')
    const o = at('O')
    // Smaller: about 0.7 of the text's size.
    expect(height(three) / height(ten)).toBeGreaterThan(0.6)
    expect(height(three) / height(ten)).toBeLessThan(0.8)
    expect(height(two) / height(h)).toBeGreaterThan(0.6)
    expect(height(two) / height(h)).toBeLessThan(0.8)
    // Raised: its box ends well above the text's; lowered: below it (y grows downwards).
    expect(three.yMax).toBeLessThan(ten.yMax - 2)
    expect(two.yMax).toBeGreaterThan(h.yMax)
    expect(two.yMin).toBeGreaterThan(h.yMin + 2)
    // Measured at their size: each follows the glyph before it without a gap, the word after
    // them follows it at the width of a space.
    expect(Math.abs(three.xMin - ten.xMax)).toBeLessThan(0.5)
    expect(Math.abs(two.xMin - h.xMax)).toBeLessThan(0.5)
    expect(Math.abs(o.xMin - two.xMax)).toBeLessThan(0.5)
    expect(at('kg').xMin - three.xMax).toBeCloseTo(at('per').xMin - at('kg').xMax, 0)
  })

  it('breaks lines with superscripts inside the measure, never inside 10³', async () => {
    const sentence =
      'The pressure reached 10<sup>5</sup> pascals while H<sub>2</sub>O boiled and mc<sup>2</sup> held. '
    const { file, rules } = await render(sentence.repeat(30), 'one-column')
    expect(rules).toEqual([])
    const { pages, lines } = textLines(file)
    expect(lines.length).toBeGreaterThan(10)
    const { margins } = resolveOptions({ layout: 'one-column' }, 'en')
    expect(wordsOutside(pages, lines, margins)).toEqual([])
    // Each raised or lowered digit sits on the line of the glyphs before it.
    const words = wordsOf(lines)
    for (const [index, word] of words.entries()) {
      if (word.text === '5') expect(words[index - 1]).toMatchObject({ text: '10', line: word.line })
      if (word.text === '2' && words[index - 1].text !== 'H')
        expect(words[index - 1]).toMatchObject({ text: 'mc', line: word.line })
    }
    expect(words.filter((word) => word.text === '5')).toHaveLength(30)
    const text = normalise(output('pdftotext', [file, '-'])).replace(/\s+/g, ' ')
    expect(text.match(/reached 105 pascals while H2O boiled and mc2 held\./g)).toHaveLength(30)
  })
})
