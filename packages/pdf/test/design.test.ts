/**
 * The page design, measured on the PDF's own text positions: characters per line, how full the
 * columns are, nothing outside the margins; for every article in content/ and both layouts.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { contentArticle, contentDir, contentPath, toFile } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
import { renderPdf } from '../src/index.js'
import { resolveOptions } from '../src/lib/options.js'
import { charsPerLine, emptiness, textLines, wordsOutside } from './layout.js'

const articles = readdirSync(contentDir)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort()

describe('the measure', { timeout: 60_000 }, () => {
  it.each([
    ['two-column', contentPath('pakistan-restores-deterrence')],
    ['one-column', contentPath('pakistan-restores-deterrence')],
    ['two-column', path.join(contentDir, 'seawater-to-tap-water.md')],
    ['one-column', path.join(contentDir, 'seawater-to-tap-water.md')],
  ] as const)('%s: 60-70 characters a line of English body text (%s)', async (layout, file) => {
    const pdf = toFile(await renderPdf(await contentArticle(file), { layout }))
    const { measure, full } = charsPerLine(textLines(pdf).lines)
    expect(full).toBeGreaterThan(15)
    expect(measure).toBeGreaterThanOrEqual(60)
    expect(measure).toBeLessThanOrEqual(70)
  })

  it.each(['two-column', 'one-column'] as const)(
    '%s: a matching measure for Arabic (60-72 characters)',
    async (layout) => {
      const pdf = toFile(
        await renderPdf(await contentArticle('al-marjan-electric-buses'), { layout }),
      )
      const { measure, full } = charsPerLine(textLines(pdf).lines)
      expect(full).toBeGreaterThan(8)
      expect(measure).toBeGreaterThanOrEqual(60)
      expect(measure).toBeLessThanOrEqual(72)
    },
  )

  it('was 94 characters on the old single 467 pt column (the test can tell)', async () => {
    const pdf = toFile(
      await renderPdf(await contentArticle('pakistan-restores-deterrence'), {
        layout: 'one-column',
        fontSize: 10.5,
        margins: { left: 64, right: 64 },
      }),
    )
    expect(charsPerLine(textLines(pdf).lines).measure).toBeGreaterThan(85)
  })
})

describe.each(articles)('pages of %s', { timeout: 60_000 }, async (name) => {
  const article = await contentArticle(path.join(contentDir, name))
  it.each(['two-column', 'one-column'] as const)(
    '%s: no column but on the last page is more than 25% empty; no word outside the margins',
    async (layout) => {
      const options = resolveOptions({ layout }, article.meta.language, article.derived.dir)
      const pdf = toFile(await renderPdf(article, { layout }))
      const { pages, lines } = textLines(pdf)
      const { margins, columns } = options
      const empty = emptiness(pages, lines, {
        top: margins.top,
        bottom: pages[0].height - margins.bottom,
        columns,
        left: margins.left,
        right: margins.right,
      })
      for (const column of empty)
        expect(column.empty, `page ${column.page} column ${column.column}`).toBeLessThanOrEqual(
          0.25,
        )
      expect(wordsOutside(pages, lines, margins)).toEqual([])
    },
  )
})

describe('the last page', { timeout: 60_000 }, () => {
  it('balances its two columns (a short article does not fill one column and leave the other empty)', async () => {
    const article = await contentArticle(path.join(contentDir, 'halvard-council-vote-embargoed.md'))
    const { pages, lines } = textLines(toFile(await renderPdf(article)))
    expect(pages).toHaveLength(1)
    const middle = pages[0].width / 2
    const body = lines.filter((l) => l.yMin > 200 && l.xMax - l.xMin < middle)
    const left = Math.max(...body.filter((l) => l.xMax < middle).map((l) => l.yMax))
    const right = Math.max(...body.filter((l) => l.xMin > middle).map((l) => l.yMax))
    // Within four lines of each other (the author box may not split).
    expect(Math.abs(left - right)).toBeLessThan(4 * 8.6 * 1.42)
  })
})
