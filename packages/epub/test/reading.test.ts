/**
 * What a reader sees, measured in a real browser engine: the books' pages are
 * opened as XHTML in Debian's Chromium with the book's own stylesheet, and the
 * computed styles are read back.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { contentArticle, unzip } from '@pressroom/test-helpers'
import puppeteer, { type Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderEpub } from '../src/index.js'

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => existsSync(file))
let browser: Browser | undefined
let folder = ''

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'pressroom-epub-reading-'))
  if (chromium)
    browser = await puppeteer.launch({
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  if (folder) await rm(folder, { recursive: true, force: true })
})

/** Unpack a content article's EPUB into a folder of its own; returns the `OEBPS/` path. */
async function unpack(name: string): Promise<string> {
  const book = await unzip(await renderEpub(await contentArticle(name)))
  const root = path.join(folder, name)
  for (const entry of book.names.filter((entry) => !entry.endsWith('/'))) {
    const target = path.join(root, entry)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, await book.bytes(entry))
  }
  return path.join(root, 'OEBPS')
}

/** Open a page of the book and evaluate a function in it. */
async function inPage<T>(file: string, evaluate: () => T): Promise<T> {
  const page = await (browser as Browser).newPage()
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
    return (await page.evaluate(evaluate)) as T
  } finally {
    await page.close()
  }
}

describe.skipIf(!chromium)('reading details, in Chromium', () => {
  it('note references are raised once: the <sup> is, the link around it is not', async () => {
    const oebps = await unpack('seawater-to-tap-water')
    const refs = await inPage(path.join(oebps, 'text.xhtml'), () =>
      [...document.querySelectorAll('a[role="doc-noteref"]')].map((link) => {
        const paragraph = link.closest('p, li, td') as Element
        const sup = link.querySelector('sup') as Element
        const size = (element: Element) => Number.parseFloat(getComputedStyle(element).fontSize)
        return {
          link: getComputedStyle(link).verticalAlign,
          sup: getComputedStyle(sup).verticalAlign,
          ratio: Math.round((size(sup) / size(paragraph)) * 100) / 100,
        }
      }),
    )
    expect(refs.length).toBeGreaterThan(0)
    for (const ref of refs) {
      expect(ref.link).toBe('baseline')
      expect(ref.sup).toBe('super')
      // One step smaller (`smaller`, about 0.83), not 0.75 x 0.83 = 0.62.
      expect(ref.ratio).toBeGreaterThan(0.75)
    }
  })

  it('title pages centre everything on them, in both directions', async () => {
    for (const name of ['pakistan-restores-deterrence', 'al-marjan-electric-buses']) {
      const oebps = await unpack(name)
      const aligns = await inPage(path.join(oebps, 'title.xhtml'), () =>
        [...document.querySelectorAll('section > *')].map(
          (element) =>
            `${element.className || element.localName}: ${getComputedStyle(element).textAlign}`,
        ),
      )
      expect(aligns.length).toBeGreaterThanOrEqual(4)
      expect(aligns).toEqual(aligns.map((entry) => `${entry.split(':')[0]}: center`))
    }
  })

  it('Arabic emphasis is bold and upright (Naskh has no italic); Latin emphasis stays italic', async () => {
    const arabic = await unpack('al-marjan-electric-buses')
    const ems = await inPage(path.join(arabic, 'about.xhtml'), () =>
      [...document.querySelectorAll('em')].map((em) => ({
        text: em.textContent,
        style: getComputedStyle(em).fontStyle,
        weight: getComputedStyle(em).fontWeight,
      })),
    )
    expect(ems).toEqual([{ text: 'التخطيط الحضري', style: 'normal', weight: '700' }])
    const latin = await unpack('seawater-to-tap-water')
    const styles = await inPage(path.join(latin, 'text.xhtml'), () =>
      [...document.querySelectorAll('em')].map((em) => getComputedStyle(em).fontStyle),
    )
    expect(styles.length).toBeGreaterThan(0)
    expect(new Set(styles)).toEqual(new Set(['italic']))
  })
})
