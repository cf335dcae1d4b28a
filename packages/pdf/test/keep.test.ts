/**
 * The keep rules (src/lib/keep.ts), each provoked: a filler of growing length pushes the construct
 * across the foot of a column, and every position is checked on the PDF's own text positions.
 */

import { contentMarkdown, output, toFile } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
import { renderPdf } from '../src/index.js'
import { emptiness, type TextLine, textLines } from './layout.js'

const front = '---\ntitle: Keep rules\nlanguage: en\n---\n\n'
const words = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) =>
    i === 0 ? `Pa${tag}` : i === n - 1 ? `Za${tag}.` : 'filler',
  ).join(' ')

/** The lines of each column in reading order, columns in reading order (two-column, left to right). */
async function columnsOf(markdown: string): Promise<{ columns: TextLine[][]; file: string }> {
  const file = toFile(await renderPdf(await contentMarkdown(front + markdown)))
  const { pages, lines } = textLines(file)
  const columns: TextLine[][] = []
  pages.forEach((page, p) => {
    for (const side of [0, 1]) {
      const mine = lines
        .filter(
          (l) =>
            l.page === p &&
            l.yMax < page.height - 60 + 1 &&
            l.yMin > 62 - 1 &&
            ((l.xMin + l.xMax) / 2 < page.width / 2 ? 0 : 1) === side,
        )
        .sort((a, b) => a.yMin - b.yMin)
      if (mine.length) columns.push(mine)
    }
  })
  return { columns, file }
}

/** Where the first line matching `test` is: column index and line index. */
function find(columns: TextLine[][], test: (text: string) => boolean): [number, number] {
  for (const [c, column] of columns.entries()) {
    const i = column.findIndex((l) => test(l.text))
    if (i >= 0) return [c, i]
  }
  return [-1, -1]
}

// Filler lengths that carry the construct across the foot of the first column.
const sweep = Array.from({ length: 16 }, (_, i) => 590 + i * 4)

describe('keep rules, provoked at the foot of a column', { timeout: 120_000 }, () => {
  it('a heading keeps with at least two lines of what follows', async () => {
    for (const n of sweep) {
      const { columns } = await columnsOf(
        `${words(n, '1')}\n\n## Keepheading\n\n${words(60, '2')}\n`,
      )
      const [c, i] = find(columns, (t) => t.includes('Keepheading'))
      expect(c, `filler ${n}`).toBeGreaterThanOrEqual(0)
      expect(
        columns[c].length - 1 - i,
        `filler ${n}: lines after the heading`,
      ).toBeGreaterThanOrEqual(2)
    }
  })

  it('a paragraph ending with a colon keeps with the code block it introduces', async () => {
    for (const n of sweep) {
      const code = Array.from({ length: 12 }, (_, i) => `row ${i}, value ${i * 3}`).join('\n')
      const { columns } = await columnsOf(
        `${words(n, '1')}\n\nHere is an excerpt of the log Introline:\n\n\`\`\`\n${code}\n\`\`\`\n\nAfter.\n`,
      )
      const [c] = find(columns, (t) => t.includes('Introline:'))
      const [d] = find(columns, (t) => t.includes('row 0, value 0'))
      expect(d, `filler ${n}`).toBe(c)
    }
  })

  it('a quote keeps its attribution', async () => {
    for (const n of sweep) {
      const { columns } = await columnsOf(
        `${words(n, '1')}\n\n> We did not build it to be cheap; we built it so the taps do not run dry in August, and so the bills stay fair for every household in the city Quoteend.\n>\n> — Jonas Berg, board member\n\nAfter.\n`,
      )
      const [c, i] = find(columns, (t) => t.includes('Jonas'))
      const [q, j] = find(columns, (t) => t.includes('Quoteend'))
      expect(c, `filler ${n}`).toBe(q)
      expect(i, `filler ${n}`).toBe(j + 1)
    }
  })

  it('no widows and no orphans', async () => {
    for (const n of sweep) {
      const body = [words(n, '1'), words(37, '2'), words(23, '3'), words(51, '4')].join('\n\n')
      const { columns } = await columnsOf(`${body}\n`)
      for (const column of columns.slice(0, -1)) {
        const first = column[0].text
        const last = column[column.length - 1].text
        // A paragraph's last line alone at the top, or its first line alone at the foot.
        expect(/Za\d/.test(first) && !/Pa\d/.test(first), `filler ${n}: widow ${first}`).toBe(false)
        expect(/Pa\d/.test(last) && !/Za\d/.test(last), `filler ${n}: orphan ${last}`).toBe(false)
      }
    }
  })

  it('a long code block and a long table split instead of leaving a hole', async () => {
    const code = Array.from({ length: 90 }, (_, i) => `  step(${i}) # indented`).join('\n')
    const rows = Array.from({ length: 80 }, (_, i) => `| Row ${i} | ${i * 7} |`).join('\n')
    for (const n of [460, 500, 530]) {
      const markdown = `${words(n, '1')}\n\n\`\`\`\n${code}\n\`\`\`\n\n${words(n, '2')}\n\n| Name | Count |\n| --- | --: |\n${rows}\n\nAfter.\n`
      const file = toFile(await renderPdf(await contentMarkdown(front + markdown)))
      const { pages, lines } = textLines(file)
      const empty = emptiness(pages, lines, {
        top: 62,
        bottom: pages[0].height - 60,
        columns: 2,
        left: 36,
        right: 36,
      })
      for (const column of empty)
        expect(
          column.empty,
          `filler ${n} page ${column.page} column ${column.column}`,
        ).toBeLessThanOrEqual(0.25)
    }
  })

  it('code keeps its indentation and runs of spaces', async () => {
    const file = toFile(
      await renderPdf(
        await contentMarkdown(
          `${front}Code:\n\n\`\`\`\nflat = 1\n    deep = 2\nwide    gap\n\`\`\`\n`,
        ),
      ),
    )
    const { lines } = textLines(file)
    const word = (text: string) => lines.flatMap((l) => l.words).find((w) => w.text === text)!
    const char = (word('flat').xMax - word('flat').xMin) / 4
    // Four spaces of indentation, four spaces between "wide" and "gap" (one would be 1 char).
    expect(word('deep').xMin - word('flat').xMin).toBeCloseTo(4 * char, 0)
    expect(word('gap').xMin - word('wide').xMax).toBeCloseTo(4 * char, 0)
  })

  it('a footnote cited only in a table cell reaches the foot of its column', async () => {
    const file = toFile(
      await renderPdf(
        await contentMarkdown(
          `${front}Intro.\n\n| Item | Cost |\n| --- | --: |\n| Membranes[^m] | $0.10 |\n\n[^m]: Replaced every five years Notetext.\n`,
        ),
      ),
    )
    const text = output('pdftotext', [file, '-'])
    expect(text).toContain('Replaced every five years Notetext.')
    expect(output('pdfinfo', ['-struct', file])).toMatch(/^\s*Note\b/m)
  })
})
