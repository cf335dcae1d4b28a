import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { loadConfig, readArticle } from '@pressroom/article'
import { validateJsonFeed, validateNinjs } from '@pressroom/syndication'
import { pressroom, root, temp, tool } from '@pressroom/test-helpers'
import { beforeAll, describe, expect, it } from 'vitest'

const slugs = ['pakistan-restores-deterrence', 'seawater-to-tap-water', 'al-marjan-electric-buses']
let out: string
let again: string
let report: any

beforeAll(() => {
  out = temp()
  const run = pressroom([
    'build',
    'content',
    '--out',
    out,
    '--bundle',
    'Pressroom sample digest',
    '--json',
    '--now',
    '2026-01-01T00:00:00Z',
  ])
  expect(run.status, run.stderr).toBe(0)
  report = JSON.parse(run.stdout)
  again = temp()
  const second = pressroom(
    [
      'build',
      'content',
      '--out',
      again,
      '--bundle',
      'Pressroom sample digest',
      '--quiet',
      '--jobs',
      '1',
      '--now',
      '2026-01-01T00:00:00Z',
    ],
    {
      env: { TZ: 'America/Los_Angeles', LANG: 'ar_SA.UTF-8' },
    },
  )
  expect(second.status, second.stderr).toBe(0)
})

function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter(
      (name) => !name.startsWith('.pressroom-cache') && statSync(path.join(folder, name)).isFile(),
    )
    .sort()
}

describe('pressroom build content (every format)', () => {
  it('builds every article in every format, plus the feed and the bundle', () => {
    expect(report.summary.failed).toBe(0)
    for (const slug of slugs) {
      for (const ext of ['epub', 'pdf', 'ninjs.json', 'jsonld']) {
        expect(files(out)).toContain(`${slug}/${slug}.${ext}`)
      }
    }
    expect(files(out)).toContain('feed.json')
    expect(files(out)).toContain('pressroom-sample-digest.epub')
  })

  it('is byte-identical across runs, job counts and time zones', () => {
    const a = files(out)
    expect(files(again)).toEqual(a)
    for (const name of a) {
      expect(
        readFileSync(path.join(again, name)).equals(readFileSync(path.join(out, name))),
        name,
      ).toBe(true)
    }
  })

  it('EPUBs pass the Java EPUBCheck 4.2.6 with 0 errors, 0 warnings, 0 usage notes', () => {
    const books = [
      ...slugs.map((slug) => path.join(out, slug, `${slug}.epub`)),
      path.join(out, 'pressroom-sample-digest.epub'),
    ]
    for (const book of books) {
      // The text report is EPUBCheck's verdict; its --json report also lists NCX-003, a usage
      // note the checker itself suppresses for EPUB 3 (it asks for an EPUB 2 NCX).
      const run = tool('java', ['-jar', '/usr/share/java/epubcheck.jar', '-u', book], true)
      const output = `${run.stdout}\n${run.stderr}`
      expect(output, path.basename(book)).toMatch(
        /Messages: 0 fatals \/ 0 errors \/ 0 warnings \/ 0 infos \/ 0 usages/,
      )
      expect(output).not.toMatch(/^(USAGE|WARNING|ERROR|FATAL)\(/m)
      expect(run.status, path.basename(book)).toBe(0)
    }
  }, 180_000)

  it('PDFs embed every font, are tagged, titled and pass qpdf --check', () => {
    for (const slug of slugs) {
      const pdf = path.join(out, slug, `${slug}.pdf`)
      const fonts = tool('pdffonts', [pdf]).stdout.split('\n').slice(2).filter(Boolean)
      expect(fonts.length, slug).toBeGreaterThan(0)
      for (const line of fonts)
        expect(line, `${slug}: ${line}`).toMatch(/\s(yes|no)\s+yes\s+yes\s+\d+\s+\d+\s*$/)
      for (const line of fonts) expect(line.split(/\s+/).slice(-5, -4)[0], line).toBe('yes')
      const info = tool('pdfinfo', [pdf]).stdout
      expect(info).toMatch(/^Tagged:\s+yes$/m)
      expect(info).toMatch(/^Title:\s+\S/m)
      expect(info).toMatch(/^Author:\s+\S/m)
      expect(tool('qpdf', ['--check', pdf]).stdout).toMatch(
        /No syntax or stream encoding errors found/,
      )
    }
  })

  it('the seed PDF has every paragraph in reading order, with real spaces and hyphenated words joined', async () => {
    const { config } = await loadConfig(path.join(root, 'content'))
    const article = await readArticle(path.join(root, 'content/pakistan-restores-deterrence.md'), {
      config,
    })
    const text = tool('pdftotext', [
      '-enc',
      'UTF-8',
      path.join(out, 'pakistan-restores-deterrence/pakistan-restores-deterrence.pdf'),
      '-',
    ]).stdout
    // Join words broken at the end of a line by a hyphen, drop running heads, collapse whitespace.
    const flat = text
      .split('\n')
      // Running header and footer (artifacts in the tagged PDF; pdftotext does not know that).
      .filter((line) => !/^\f?(Arab News · Opinion|Page \d+ of \d+)$/.test(line))
      .join('\n')
      .replace(/\f/g, '\n')
      .replace(/\u00AD\n/g, '') // a word the typesetter hyphenated: joined
      .replace(/-\n/g, '-') // a hard hyphen at the end of a line stays
      .replace(/\s+/g, ' ')
    const paragraphs = article.derived.plainText.split('\n\n')
    expect(paragraphs.length).toBe(9)
    let from = 0
    for (const paragraph of paragraphs) {
      const words = paragraph.replace(/\s+/g, ' ')
      const at = flat.indexOf(words, from)
      expect(at, `in order and intact: ${words.slice(0, 60)}…`).toBeGreaterThanOrEqual(from)
      from = at + words.length
    }
  })

  it('ninjs, partner documents and the feed validate against the official schemas', () => {
    for (const slug of slugs) {
      const ninjs = JSON.parse(readFileSync(path.join(out, slug, `${slug}.ninjs.json`), 'utf8'))
      expect(validateNinjs(ninjs, '3.2'), slug).toEqual([])
      expect(ninjs.uri).toMatch(/^https:\/\/news\.example\.org\/articles\//)
      expect(ninjs.renditions.map((r: any) => r.contentType).sort()).toEqual([
        'application/epub+zip',
        'application/pdf',
      ])
      for (const rendition of ninjs.renditions) {
        const file = path.join(out, slug, rendition.href.split('/').pop())
        expect(statSync(file).size).toBe(rendition.sizeInBytes)
      }
    }
    const feed = JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8'))
    expect(validateJsonFeed(feed)).toEqual([])
    expect(feed.items.map((item: any) => item.id).sort()).toEqual(
      slugs.map((slug) => `https://news.example.org/articles/${slug}`).sort(),
    )
  })
})
