/**
 * Right-to-left pages: nothing outside the text block, tables on the start (right) side, Latin and
 * digits inside Naskh text in a lighter Latin face; on the Arabic article and a fixture that mixes
 * Latin words, digits, a table, a quote and a footnote into Arabic text.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { contentArticle, contentMarkdown, output, toFile } from '@pressroom/test-helpers'
import type { Table } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { renderPdf } from '../src/index.js'
import { resolveOptions } from '../src/lib/options.js'
import { textLines, wordsOutside } from './layout.js'

const mixedPath = fileURLToPath(
  new URL('../../../tests/fixtures/pdf/arabic-mixed.md', import.meta.url),
)

describe('right-to-left pages', { timeout: 60_000 }, async () => {
  const cases = [
    ['al-marjan-electric-buses.md', await contentArticle('al-marjan-electric-buses')],
    ['arabic-mixed.md', await contentMarkdown(readFileSync(mixedPath, 'utf8'))],
  ] as const

  describe.each(cases)('%s', (_name, article) => {
    it.each(['two-column', 'one-column'] as const)(
      '%s: every word box lies within the margins',
      async (layout) => {
        const { margins } = resolveOptions({ layout }, article.meta.language, 'rtl')
        const { pages, lines } = textLines(toFile(await renderPdf(article, { layout })))
        expect(lines.length).toBeGreaterThan(20)
        expect(wordsOutside(pages, lines, margins)).toEqual([])
      },
    )

    it('sets Latin words and digits in Noto Serif Light (Naskh weight), not the Regular', async () => {
      const file = toFile(await renderPdf(article))
      expect(output('pdffonts', [file])).toContain('NotoSerif-Light')
    })
  })

  it('sets a narrow table on the start side: its right edge on the column’s right edge', async () => {
    const article = cases[1][1]
    const { lines } = textLines(toFile(await renderPdf(article, { layout: 'one-column' })))
    const { margins } = resolveOptions({ layout: 'one-column' }, 'ar', 'rtl')
    const table = article.tree.children.find((n) => n.type === 'table')
    expect(table).toBeDefined()
    // The first header cell is the right-most one; poppler gives Arabic words in visual order.
    const first = mdastToString((table as Table).children[0].children[0]).split(/\s+/)[0]
    const forms = [first, Array.from(first).reverse().join('')]
    const words = lines.flatMap((l) => l.words).filter((w) => forms.includes(w.text))
    expect(words.length, first).toBeGreaterThan(0)
    const body = lines.filter((l) => l.text.length > 30)
    const right = Math.max(...body.map((l) => l.xMax))
    // Cell padding (4 pt) from the column's right edge, not hanging from the left one.
    for (const word of words) expect(right - word.xMax, word.text).toBeLessThan(6)
    expect(right).toBeCloseTo(595.28 - margins.right, 0)
  })

  it('keeps Noto Serif Regular for an English article', async () => {
    const english = await contentMarkdown(
      '---\ntitle: Plain\nlanguage: en\n---\n\nSwift 2024 text.\n',
    )
    expect(output('pdffonts', [toFile(await renderPdf(english))])).not.toContain('NotoSerif-Light')
  })
})
