import { fileURLToPath } from 'node:url'
import { readArticle } from '@pressroom/article'
import { contentArticle, epubcheckTs, findAll, parseXml, unzip } from '@pressroom/test-helpers'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { EpubMessage } from '../src/index.js'
import { renderEpub } from '../src/index.js'

/** The hostile fixture (raw HTML, scripts, control characters, duplicate headings, remote/missing/SVG images). */
const hostileArticle = () =>
  readArticle(fileURLToPath(new URL('./fixtures/hostile/hostile.md', import.meta.url)))

type AnyNode = { type: string; value?: string; children?: AnyNode[] }

/** The hostile fixture, made worse than the reader would ever let it be. */
async function worstArticle() {
  const article = structuredClone(await hostileArticle())
  article.meta.title = `Bell \u0007 nul \u0000 lone \uD800 surrogate <script>alert(1)</script>`
  article.meta.subtitle = 'Sub\u001btitle'
  article.meta.section = 'Sec\u0008tion'
  article.meta.tags = ['a\u0001', '', '<b>']
  article.meta.rights = 'Rights \u000c'
  const author = article.meta.authors[0]
  if (author) {
    author.name = 'Eve \u0002 Mallory'
    author.links = [
      { rel: 'url', href: 'javascript:alert(1)', label: 'click' },
      { rel: 'url', href: 'data:text/html,<script>alert(1)</script>', label: 'data' },
      { rel: 'url', href: 'https://example.org/eve', label: 'eve' },
    ]
  }
  const visit = (node: AnyNode): void => {
    if (node.type === 'text' && node.value) node.value = `${node.value}\u0007\u0000`
    for (const child of node.children ?? []) visit(child)
  }
  visit(article.tree as unknown as AnyNode)
  // An image the reader accepted that EPUB 3.2 readers may not show.
  const missing = article.images.find((image) => image.src === 'missing.png')
  if (missing)
    Object.assign(missing, {
      status: 'ok',
      mediaType: 'image/webp',
      extension: 'webp',
      bytes: new Uint8Array([82, 73, 70, 70]),
    })
  return article
}

describe('hostile input', () => {
  it('never yields an invalid or scripted EPUB, and reports what it dropped', async () => {
    const reports: EpubMessage[] = []
    const bytes = await renderEpub(await worstArticle(), {
      report: (message) => reports.push(message),
    })
    expect(await epubcheckTs(bytes)).toEqual([])
    const book = await unzip(bytes)
    for (const name of book.names.filter((entry) => /\.(xhtml|opf|svg)$/.test(entry))) {
      const text = await book.text(name)
      const root = parseXml(text)
      const elements = findAll(root, () => true)
      expect(
        elements
          .filter((element) =>
            /^(script|iframe|style|object|embed|foreignObject)$/i.test(element.local),
          )
          .map((element) => element.local),
        name,
      ).toEqual([])
      for (const element of elements) {
        for (const [attribute, value] of Object.entries(element.attributes)) {
          expect(attribute, name).not.toMatch(/^on/i)
          if (/^(href|src|xlink:href)$/.test(attribute))
            expect(value, name).not.toMatch(/^\s*(javascript|data|vbscript):/i)
        }
      }
      expect(text, name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/)
    }
    const rules = reports.map((message) => message.ruleId)
    expect(rules).toContain('epub-unsafe-link')
    expect(rules).toContain('epub-image-not-embedded')
    for (const message of reports) {
      expect(['pressroom-epub', 'pressroom-html']).toContain(message.source)
      expect(message.file).toContain('hostile.md')
    }
    expect(reports.find((message) => message.ruleId === 'epub-image-not-embedded')?.reason).toMatch(
      /image\/webp/,
    )
    // Raw HTML is dropped, never escaped into view.
    const text = await book.text('OEBPS/text.xhtml')
    expect(text).not.toContain('alert("raw")')
    expect(text).not.toContain('steal()')
  })

  it('the same collection twice gives distinct ids per chapter, and it stays valid', async () => {
    const article = await worstArticle()
    const bytes = await renderEpub([article, article], { title: 'Twice' })
    expect(await epubcheckTs(bytes)).toEqual([])
  })

  it('an invalid language tag falls back to und (and is reported)', async () => {
    const article = structuredClone(await contentArticle('pakistan-restores-deterrence'))
    article.meta.language = 'en us"><x'
    const reports: EpubMessage[] = []
    const bytes = await renderEpub(article, { report: (message) => reports.push(message) })
    expect(await epubcheckTs(bytes)).toEqual([])
    expect(reports.map((message) => message.ruleId)).toContain('epub-language')
  })

  it('the fast validator does catch a scripted document (a check of the check)', async () => {
    const valid = await renderEpub(await contentArticle('pakistan-restores-deterrence'))
    const zip = await JSZip.loadAsync(valid)
    const text = (await zip.file('OEBPS/text.xhtml')?.async('string')) ?? ''
    zip.file('OEBPS/text.xhtml', text.replace('</section>', '<script>alert(1)</script></section>'))
    const broken = await zip.generateAsync({ type: 'uint8array' })
    expect((await epubcheckTs(broken)).length).toBeGreaterThan(0)
  })
})
