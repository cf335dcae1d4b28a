/**
 * The EPUBs the CLI builds from content/, opened by a reading system no one
 * here wrote: calibre (Debian's `calibre`, installed by .ci/run). Each book
 * converts to AZW3 (Kindle) without a warning or an error, and calibre finds
 * its raster cover. Conversions are slow (seconds each): one at a time.
 */
import { execFile } from 'node:child_process'
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { pressroom, root, temp } from '@pressroom/test-helpers'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
let out: string
let books: string[]

beforeAll(() => {
  out = temp('pressroom-epub-readers-')
  const build = pressroom([
    'build',
    'content',
    '--out',
    out,
    '--format',
    'epub',
    '--bundle',
    'Weekly digest',
    // After the embargo of content/'s embargoed brief: every content article is public, in the digest too.
    '--now',
    '2031-01-01T00:00:00Z',
    '--quiet',
  ])
  expect(build.status, build.stderr).toBe(0)
  books = [
    ...readdirSync(out, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => path.join(out, entry.name, `${entry.name}.epub`)),
    path.join(out, 'weekly-digest.epub'),
  ]
})

/** calibre's tools, headless. */
async function calibre(tool: string, args: string[]) {
  const result = await run(tool, args, {
    env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' },
    maxBuffer: 16 * 1024 * 1024,
    timeout: 300_000,
  })
  return `${result.stdout}\n${result.stderr}`
}

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined
  let offset = 2
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined
    const marker = bytes[offset + 1] ?? 0
    const length = bytes.readUInt16BE(offset + 2)
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) }
    offset += 2 + length
  }
  return undefined
}

describe('calibre (a reading system we did not write)', () => {
  it('finds the four content articles and the digest', () => {
    expect(books.map((book) => path.basename(book)).sort()).toEqual([
      'al-marjan-electric-buses.epub',
      'halvard-desalination-vote.epub',
      'pakistan-restores-deterrence.epub',
      'seawater-to-tap-water.epub',
      'weekly-digest.epub',
    ])
  })

  it('converts every book to AZW3 with exit 0 and no warning or error lines', async () => {
    for (const book of books) {
      const target = book.replace(/\.epub$/, '.azw3')
      const log = await calibre('ebook-convert', [book, target])
      const problems = log.split('\n').filter((line) => /warn|error|fail|exception/i.test(line))
      expect({ book: path.basename(book), problems }).toEqual({
        book: path.basename(book),
        problems: [],
      })
      expect(readFileSync(target).subarray(60, 68).toString('latin1')).toBe('BOOKMOBI')
    }
  }, 900_000)

  it('ebook-meta writes each book’s raster cover, portrait, at least 1600 px on the long side', async () => {
    for (const book of books) {
      const cover = book.replace(/\.epub$/, '.cover.jpg')
      const log = await calibre('ebook-meta', [book, `--get-cover=${cover}`])
      expect(log).toContain('Cover saved to')
      const size = jpegSize(readFileSync(cover))
      expect({ book: path.basename(book), size }).toEqual({
        book: path.basename(book),
        size: { width: 1600, height: 2560 },
      })
    }
  }, 300_000)
})

describe('the digest', () => {
  it('is in the publication’s language (pressroom.yaml: en), though its first article is Arabic; each chapter keeps its own', async () => {
    const zip = await JSZip.loadAsync(readFileSync(path.join(out, 'weekly-digest.epub')))
    const text = (name: string) => zip.file(`OEBPS/${name}`)?.async('string') ?? ''
    const opf = await text('content.opf')
    expect(opf).toMatch(/<package [^>]*xml:lang="en" dir="ltr">/)
    expect(opf).not.toContain('page-progression-direction')
    expect(await text('nav.xhtml')).toMatch(/<html [^>]*xml:lang="en" lang="en" dir="ltr">/)
    expect(await text('nav.xhtml')).toContain('Contents')
    expect(await text('title.xhtml')).toMatch(/<html [^>]*lang="en" dir="ltr">/)
    // Alphabetically first: the Arabic article, right to left in its chapter.
    const first = await text('chapter-001.xhtml')
    expect(first).toMatch(/<html [^>]*xml:lang="ar" lang="ar" dir="rtl">/)
    expect(first).toContain('حافلات كهربائية')
    expect(await text('chapter-002.xhtml')).toMatch(/<html [^>]*lang="en" dir="ltr">/)
  })
})

describe('epub.cover_size in pressroom.yaml', () => {
  it('sets the pixel size of the cover the CLI builds; a bad value is reported against the config and the default kept', async () => {
    const content = temp('pressroom-epub-config-')
    cpSync(path.join(root, 'content'), content, { recursive: true })
    const config = path.join(content, 'pressroom.yaml')
    const original = readFileSync(config, 'utf8')
    const cover = async (folder: string) => {
      const zip = await JSZip.loadAsync(
        readFileSync(path.join(folder, 'seawater-to-tap-water/seawater-to-tap-water.epub')),
      )
      return jpegSize(
        Buffer.from((await zip.file('OEBPS/images/cover.jpg')?.async('uint8array')) ?? []),
      )
    }
    writeFileSync(config, `${original}\nepub:\n  cover_size: 1000x1600\n`)
    const sized = temp('pressroom-epub-config-out-')
    const build = pressroom([
      'build',
      path.join(content, 'seawater-to-tap-water.md'),
      '--out',
      sized,
      '--format',
      'epub',
    ])
    expect(build.status, build.stderr).toBe(0)
    expect(await cover(sized)).toEqual({ width: 1000, height: 1600 })

    writeFileSync(config, `${original}\nepub:\n  cover_size: huge\n`)
    const bad = temp('pressroom-epub-config-out-')
    const second = pressroom([
      'build',
      path.join(content, 'seawater-to-tap-water.md'),
      '--out',
      bad,
      '--format',
      'epub',
    ])
    expect(second.status, second.stderr).toBe(0)
    expect(second.stderr).toContain('pressroom.yaml')
    expect(second.stderr).toContain('epub.cover_size: `huge` is not a size')
    expect(await cover(bad)).toEqual({ width: 1600, height: 2560 })
  })
})
