import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import {
  contentArticle,
  contentMarkdown,
  contentPath,
  normalise,
  output,
  toFile,
} from '@pressroom/test-helpers'
import type { Paragraph } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { renderPdf, type TypesetStats } from '../src/index.js'

describe('renderPdf on the seed', async () => {
  const article = await contentArticle('pakistan-restores-deterrence')
  const bytes = await renderPdf(article)
  const file = toFile(bytes)

  it('embeds every font', () => {
    const rows = output('pdffonts', [file]).trim().split('\n').slice(2)
    expect(rows.length).toBeGreaterThan(1)
    for (const row of rows) {
      const cols = row.trim().split(/\s+/)
      expect(cols.at(-5), row).toBe('yes')
    }
  })

  it('prints every paragraph in reading order with real spaces and hyphenated words joined', () => {
    // The body area only (62-782 pt): running header and footer cropped away.
    const text = normalise(
      output('pdftotext', [
        '-enc',
        'UTF-8',
        '-x',
        '0',
        '-y',
        '45',
        '-W',
        '600',
        '-H',
        '752',
        file,
        '-',
      ]),
    )
    const paragraphs = article.tree.children.filter((n): n is Paragraph => n.type === 'paragraph')
    expect(paragraphs.length).toBeGreaterThan(5)
    let at = 0
    for (const paragraph of paragraphs) {
      const expected = normalise(mdastToString(paragraph))
      const found = text.indexOf(expected, at)
      expect(found, expected.slice(0, 60)).toBeGreaterThanOrEqual(at)
      at = found + expected.length
    }
  })

  it('is tagged, titled, authored, A4', () => {
    const info = output('pdfinfo', [file])
    expect(info).toMatch(/Tagged:\s+yes/)
    expect(info).toContain(`Title:           ${article.meta.title}`)
    expect(info).toMatch(/Author:\s+Umar Karim/)
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/)
    expect(info).toMatch(/CreationDate:\s+Thu Jan 18 21:00:00 2024 UTC/)
  })

  it('passes qpdf --check', () => {
    const out = output('qpdf', ['--check', file])
    expect(out).toContain('No syntax or stream encoding errors found')
    expect(out).not.toMatch(/EXIT [1-9]/)
  })

  it('has the document language and shows the title', () => {
    const latin1 = Buffer.from(bytes).toString('latin1')
    expect(latin1).toMatch(/\/Lang \(en\)/)
    expect(latin1).toMatch(/\/DisplayDocTitle true/)
  })
})

describe('structure tree', async () => {
  const article = await contentArticle('seawater-to-tap-water')
  const bytes = await renderPdf(article)
  const file = toFile(bytes)
  const struct = output('pdfinfo', ['-struct', file])
  it.each([
    'H1',
    'H2',
    'P',
    'L',
    'LI',
    'Lbl',
    'LBody',
    'BlockQuote',
    'Figure',
    'Caption',
    'Table',
    'TR',
    'TH',
    'TD',
    'Link',
    'Note',
  ])('contains %s', (tag) => {
    expect(struct).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'))
  })
  it('gives figures their alt text', () => {
    const latin1 = Buffer.from(bytes).toString('latin1')
    expect(latin1).toMatch(/\/S \/Figure\n\/Alt \(Silhouette of a desalination plant/)
  })
})

describe('metadata', () => {
  it('writes well-formed XMP that agrees with Info for a title with & and <', async () => {
    const article = await contentMarkdown(
      '---\ntitle: "Salt & water <sea> \\"quoted\\""\nauthors: [{name: "A & B"}]\npublished: 2024-06-12\nlanguage: en\n---\n\nBody text.\n',
    )
    const bytes = await renderPdf(article, { pdfa: true })
    const latin1 = Buffer.from(bytes).toString('latin1')
    const start = latin1.indexOf('<?xpacket begin')
    const end = latin1.indexOf('<?xpacket end', start)
    expect(start).toBeGreaterThan(0)
    const xmp = Buffer.from(latin1.slice(start, latin1.indexOf('?>', end) + 2), 'latin1').toString(
      'utf8',
    )
    const parser = new SaxesParser({ xmlns: true })
    let title = ''
    let inTitle = false
    parser.on('opentag', (tag) => {
      if (tag.name === 'dc:title') inTitle = true
    })
    parser.on('text', (t) => {
      if (inTitle) title += t
    })
    parser.on('closetag', (tag) => {
      if (tag.name === 'dc:title') inTitle = false
    })
    parser.write(xmp).close()
    expect(title.trim()).toBe('Salt & water <sea> “quoted”')
    expect(xmp).toContain('<xmp:ModifyDate>2024-06-11T21:00:00Z</xmp:ModifyDate>')
    expect(xmp).toContain('pdfaid:part')
    const info = output('pdfinfo', [toFile(bytes)])
    expect(info).toContain('Title:           Salt & water <sea> “quoted”')
    expect(info).toMatch(/PDF version:\s+1\.7/)
  })

  it('sets Letter pages on request', async () => {
    const article = await contentMarkdown('---\ntitle: Letter\nlanguage: en\n---\n\nBody.\n')
    const info = output('pdfinfo', [toFile(await renderPdf(article, { pageSize: 'Letter' }))])
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/)
  })
})

describe('reproducible', () => {
  it('gives byte-identical output for identical input, also under another TZ in another process', async () => {
    const article = await contentArticle('pakistan-restores-deterrence')
    const a = await renderPdf(article)
    const b = await renderPdf(await contentArticle('pakistan-restores-deterrence', { fresh: true }))
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0)
    const hash = createHash('sha256').update(a).digest('hex')
    const script = fileURLToPath(new URL('./fixtures/hash.mjs', import.meta.url))
    const other = execFileSync(
      process.execPath,
      [script, contentPath('pakistan-restores-deterrence')],
      {
        encoding: 'utf8',
        env: { ...process.env, TZ: 'Pacific/Kiritimati', LANG: 'ar_EG.UTF-8' },
      },
    ).trim()
    expect(other).toBe(hash)
  }, 120_000)
})

describe('right-to-left article', async () => {
  const article = await contentArticle('al-marjan-electric-buses')
  const messages: string[] = []
  const bytes = await renderPdf(article, { report: (m) => messages.push(String(m.reason)) })
  const file = toFile(bytes)
  it('prints its Arabic words', () => {
    const text = output('pdftotext', ['-enc', 'UTF-8', file, '-'])
    const words = article.meta.title.split(/\s+/).filter((w) => /\p{Script=Arabic}{3,}/u.test(w))
    expect(words.length).toBeGreaterThan(2)
    for (const word of words)
      expect(text.replace(/[\u00AD]/g, ''), word).toContain(word.replace(/[؟:،]/g, ''))
  })
  it('embeds the Arabic face and reports no missing glyph', () => {
    expect(output('pdffonts', [file])).toContain('NotoNaskhArabic')
    expect(messages.filter((m) => m.includes('glyph'))).toEqual([])
  })
})

describe('line breaking', () => {
  it('Knuth-Plass is no looser than greedy on the seed, and never three hyphens in a row', async () => {
    const article = await contentArticle('pakistan-restores-deterrence')
    let kp: TypesetStats | undefined
    let greedy: TypesetStats | undefined
    await renderPdf(article, {
      onStats: (s) => {
        kp = s
      },
    })
    await renderPdf(article, {
      lineBreaker: 'greedy',
      onStats: (s) => {
        greedy = s
      },
    })
    expect(kp!.justifiedLines).toBeGreaterThan(20)
    expect(kp!.loosestSpaceRatio).toBeLessThanOrEqual(greedy!.loosestSpaceRatio)
    expect(kp!.maxConsecutiveHyphens).toBeLessThanOrEqual(2)
  })
})

describe('reports', () => {
  it('reports unknown nodes and still prints their text; prints the text the reader kept of raw HTML', async () => {
    const article = await contentMarkdown(
      '---\ntitle: Odd\nlanguage: en\n---\n\nFirst.\n\n<div>raw html block</div>\n\nLast.\n',
    )
    article.tree.children.splice(1, 0, {
      type: 'mystery',
      children: [{ type: 'text', value: 'Strange words here' }],
    } as never)
    const messages: string[] = []
    const text = output('pdftotext', [
      toFile(
        await renderPdf(article, { report: (m) => messages.push(`${m.ruleId}: ${m.reason}`) }),
      ),
      '-',
    ])
    expect(messages.some((m) => m.startsWith('unknown-node') && m.includes('mystery'))).toBe(true)
    expect(text).toContain('Strange words here')
    // The reader keeps raw HTML by its meaning (a <div> is its paragraphs), so the PDF prints it.
    expect(text).toContain('raw html block')
  })

  it('prints a visible placeholder with the alt text for an image it cannot show', async () => {
    const article = await contentMarkdown(
      '---\ntitle: Pic\nlanguage: en\n---\n\n![A harbour at dawn](missing.png "Caption here")\n',
    )
    const messages: string[] = []
    const text = normalise(
      output('pdftotext', [
        toFile(await renderPdf(article, { report: (m) => messages.push(String(m.reason)) })),
        '-',
      ]),
    )
    expect(text).toContain('A harbour at dawn')
    expect(text).toContain('Caption here')
    expect(messages.some((m) => m.includes('missing.png'))).toBe(true)
  })
})

describe('hard line breaks', () => {
  it('end a line where the text says, without stretching it, inside a justified paragraph', async () => {
    const article = await contentMarkdown(
      '---\ntitle: Address\n---\n\nThe letter was addressed to the water board, at its offices by the old harbour, and it read:\n\nPort Halvard Water Board  \nKestrel Point 12\\\nPort Halvard\n',
    )
    const file = toFile(await renderPdf(article))
    const lines = output('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'])
      .split('\n')
      .map((line) => line.trim().replace(/\s+/g, ' '))
    const at = lines.indexOf('Port Halvard Water Board')
    expect(at, lines.join('\n')).toBeGreaterThan(0)
    expect(lines.slice(at, at + 3)).toEqual([
      'Port Halvard Water Board',
      'Kestrel Point 12',
      'Port Halvard',
    ])
  })
})

describe('long tables', () => {
  it('repeat the header row on every continuation page, as an artifact (one TH row in the structure)', async () => {
    const rows = Array.from(
      { length: 200 },
      (_, i) => `| Row ${i + 1} | ${i * 3} | value ${i} |`,
    ).join('\n')
    const article = await contentMarkdown(
      `---\ntitle: Long table\n---\n\nIntro.\n\n| Station | Riders | Note |\n| :-- | --: | --- |\n${rows}\n\nAfter.\n`,
    )
    const file = toFile(await renderPdf(article))
    const pages = Number(/Pages:\s+(\d+)/.exec(output('pdfinfo', [file]))?.[1])
    expect(pages).toBeGreaterThan(2)
    for (let page = 2; page <= pages; page++) {
      const text = output('pdftotext', [
        '-f',
        String(page),
        '-l',
        String(page),
        '-layout',
        file,
        '-',
      ])
      expect(text, `page ${page}`).toMatch(/Station\s+Riders\s+Note/)
    }
    const struct = output('pdfinfo', ['-struct', file])
    expect(struct.match(/\bTH\b/g)).toHaveLength(3)
    expect(struct.match(/\bTD\b/g)).toHaveLength(600)
  })
})
