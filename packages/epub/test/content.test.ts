import {
  contentArticle,
  contentNames,
  epubcheckTs,
  findAll,
  parseXml,
  unzip,
} from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
import { renderEpub } from '../src/index.js'

describe('articles in content/', () => {
  for (const name of contentNames) {
    it(`${name}: valid for epubcheck-ts, opens on the cover, every document well-formed`, async () => {
      const article = await contentArticle(name)
      const reports: string[] = []
      const bytes = await renderEpub(article, {
        report: (message) => reports.push(String(message)),
      })
      expect(await epubcheckTs(bytes)).toEqual([])

      const book = await unzip(bytes)
      // OCF: mimetype first and stored.
      expect(book.names[0]).toBe('mimetype')
      expect(await book.text('mimetype')).toBe('application/epub+zip')
      expect(book.names).not.toContain('OEBPS/toc.ncx')

      const opf = parseXml(await book.text('OEBPS/content.opf'))
      const itemrefs = findAll(opf, (element) => element.local === 'itemref')
      const items = findAll(opf, (element) => element.local === 'item')
      const hrefOf = (idref: string) =>
        items.find((item) => item.attributes.id === idref)?.attributes.href
      // The book opens on the cover, then the title page; the contents page is not first.
      expect(hrefOf(itemrefs[0]?.attributes.idref ?? '')).toBe('cover.xhtml')
      expect(hrefOf(itemrefs[1]?.attributes.idref ?? '')).toBe('title.xhtml')
      const nav = items.find((item) => item.attributes.properties === 'nav')
      expect(itemrefs[0]?.attributes.idref).not.toBe(nav?.attributes.id)

      for (const item of items) {
        const href = item.attributes.href ?? ''
        expect(book.names).toContain(`OEBPS/${href}`)
        if (item.attributes['media-type'] === 'application/xhtml+xml') {
          const xhtml = await book.text(`OEBPS/${href}`)
          expect(() => parseXml(xhtml)).not.toThrow()
          expect(xhtml).not.toMatch(/<script|\son\w+=|javascript:/i)
        }
      }
    })
  }

  it('the seed reads as an article: title page, body with the pull quote, bio, disclaimer and rights', async () => {
    const article = await contentArticle('pakistan-restores-deterrence')
    const book = await unzip(await renderEpub(article))
    const title = await book.text('OEBPS/title.xhtml')
    expect(title).toContain('<p class="kicker">Opinion</p>')
    expect(title).toContain('Pakistan restores deterrence while Iran loses its reputation</h1>')
    expect(title).toContain('By Umar Karim')
    expect(title).toContain('<time datetime="2024-01-19">')
    expect(title).toContain('Arab News')
    const text = await book.text('OEBPS/text.xhtml')
    expect(text).toContain('role="doc-pullquote"')
    expect(text).toContain('epub:type="bodymatter"')
    const about = await book.text('OEBPS/about.xhtml')
    expect(about).toContain('About the author</h2>')
    expect(about).toContain('doctoral researcher at the University of Birmingham')
    expect(about).toContain('https://x.com/UmarKarim89')
    expect(about).toContain('do not necessarily reflect Arab News')
    expect(about).toContain('© Arab News')
  })

  it('the explainer keeps its figures, table and notes (EPUB 3 footnotes with DPUB-ARIA roles)', async () => {
    const article = await contentArticle('seawater-to-tap-water')
    const book = await unzip(await renderEpub(article))
    const text = await book.text('OEBPS/text.xhtml')
    expect(text).toMatch(/<figure[^>]*>\s*<img src="images\/img-\d{3}\.(png|jpg)"/)
    expect(text).toContain('<figcaption>')
    expect(text).toContain('<table>')
    expect(text).toMatch(/epub:type="noteref" role="doc-noteref"/)
    expect(text).toMatch(
      /epub:type="footnote"[^>]*role="doc-footnote"|role="doc-footnote"[^>]*epub:type="footnote"/,
    )
    // Every note reference points at a note in the same document.
    for (const [, target] of text.matchAll(/href="#([^"]+)"[^>]*epub:type="noteref"/g)) {
      expect(text).toContain(`id="${target}"`)
    }
    const nav = await book.text('OEBPS/nav.xhtml')
    expect(nav).toContain('role="doc-toc"')
    expect(nav).toContain('epub:type="landmarks"')
    expect(nav).toMatch(
      /<a href="text.xhtml#[^"]+">How the water is made<\/a>\s*<ol>\s*<li><a href="text.xhtml#[^"]+">Step by step/,
    )
    expect(nav).toContain('<a epub:type="bodymatter" href="text.xhtml">')
    expect(nav).toContain('<a href="about.xhtml#about">About the authors</a>')
  })
})
