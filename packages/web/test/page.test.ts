/**
 * The web writer on the real content (through the real reader) and on small
 * articles made here: front and back matter, escaping, RTL, determinism, the
 * index order. The browser checks (axe-core, html-validate) are in
 * tests/e2e/web-page.test.ts.
 */
import { fileURLToPath } from 'node:url'
import { type Article, loadConfig, parseArticle, readArticle } from '@pressroom/article'
import { correctedSource } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
import { renderRedirectPage, renderWebIndex, renderWebPage, toWebIndexEntry } from '../src/index.js'

const content = fileURLToPath(new URL('../../../content/', import.meta.url))

async function read(name: string): Promise<Article> {
  const { config } = await loadConfig(content)
  return readArticle(`${content}${name}.md`, { config })
}

function parse(markdown: string): Promise<Article> {
  return parseArticle(markdown, { path: 'test.md' })
}

describe('renderWebPage', () => {
  it('writes the EPUB’s front and back matter around the shared body', async () => {
    const article = await read('seawater-to-tap-water')
    const html = renderWebPage(article, { url: 'https://news.example.org/seawater-to-tap-water/' })
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')).toBe(true)
    const order = [
      '<p class="kicker">Explainers</p>',
      '<h1>How seawater becomes tap water, and why it costs what it costs</h1>',
      '<p class="subtitle">',
      '<p class="byline">By <a rel="author" href="https://news.example.org/people/michal-wrobel">Michał Wróbel</a> and ',
      'Published <time datetime="2024-06-12T07:00:00+03:00">June 12, 2024</time> · Updated <time',
      '<figure class="hero">',
      '<div class="body">',
      '<section class="footnotes" role="doc-endnotes"',
      '<h2 id="about">About the authors</h2>',
      '<p class="rights">',
    ].map((needle) => {
      const at = html.indexOf(needle)
      expect(at, needle).toBeGreaterThan(-1)
      return at
    })
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(html).toContain(
      '<link rel="canonical" href="https://news.example.org/seawater-to-tap-water/">',
    )
    expect(html).toContain('<meta property="og:type" content="article">')
    expect(html).toContain('<meta property="article:tag" content="Desalination">')
    expect(html).not.toContain('<script')
  })

  it('shows each correction as a dated notice in the footer, labelled in the article language', async () => {
    const corrected = correctedSource
    const html = renderWebPage(await parse(corrected('en')))
    const order = [
      '1,200 containers',
      '<aside class="corrections" aria-label="Corrections">',
      '<p class="correction"><strong>Correction</strong> (<time datetime="2024-03-02">March 2, 2024</time>): An earlier version gave the wrong number of containers.</p>',
      '<p class="correction"><strong>Correction</strong> (<time datetime="2024-03-03T10:00:00Z">March 3, 2024 at 10:00 AM UTC</time>): The crane is number 7, not 9 &amp; &lt;b&gt;not&lt;/b&gt; 8.</p>',
      '<p class="rights">',
    ].map((needle) => {
      const at = html.indexOf(needle)
      expect(at, needle).toBeGreaterThan(-1)
      return at
    })
    expect(order).toEqual([...order].sort((a, b) => a - b))
    const de = renderWebPage(await parse(corrected('de')))
    expect(de).toContain(
      '<strong>Korrektur</strong> (<time datetime="2024-03-02">2. März 2024</time>)',
    )
    const ar = renderWebPage(await parse(corrected('ar')))
    expect(ar).toContain('<aside class="corrections" aria-label="تصحيحات">')
    expect(renderWebPage(await parse('---\ntitle: Plain\n---\n\nText.\n'))).not.toContain(
      'class="corrections"',
    )
  })

  it('prefers the article’s own canonical URL', async () => {
    const article = await read('halvard-council-vote-embargoed')
    const html = renderWebPage(article, { url: 'https://news.example.org/halvard/' })
    expect(html).toContain(`<link rel="canonical" href="${article.meta.canonicalUrl}">`)
  })

  it('is deterministic and escapes metadata and the JSON-LD', async () => {
    const article = await parse(
      '---\ntitle: "A <b>bold</b> & \\"quoted\\" title"\nauthors:\n  - name: "Ann </p><script>x</script>"\nsummary: "</script><script>alert(1)</script>"\n---\n\nText.\n',
    )
    const jsonLd = { headline: '</script><script>alert(1)</script>' }
    const a = renderWebPage(article, { jsonLd })
    expect(renderWebPage(article, { jsonLd })).toBe(a)
    // The reader reads HTML in a title for its text (a site's `<b>` is not printed as code); `&` escaped.
    expect(a).toContain('<h1>A bold &amp; “quoted” title</h1>')
    expect(a).not.toMatch(/<script>|<b>/)
    expect(a.match(/<\/script>/g)).toHaveLength(1)
    expect(a).toContain('\\u003c/script\\u003e')
  })

  it('writes a right-to-left article right to left', async () => {
    const html = renderWebPage(await read('al-marjan-electric-buses'))
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/)
    expect(html).toContain('<p class="byline">بقلم ')
  })

  it('drops unsafe author links', async () => {
    const article = await parse(
      '---\ntitle: T\nauthors:\n  - name: Ann\n    url: "javascript:alert(1)"\n    bio: Reporter.\n---\n\nText.\n',
    )
    const html = renderWebPage(article)
    expect(html).not.toContain('javascript:')
    expect(html).toContain('<p class="byline">By Ann</p>')
  })
})

describe('renderWebIndex', () => {
  it('lists the entries newest first, undated last, each in its own language', async () => {
    const entries = await Promise.all(
      ['pakistan-restores-deterrence', 'al-marjan-electric-buses', 'seawater-to-tap-water'].map(
        async (name) => toWebIndexEntry(await read(name), `${name}/index.html`),
      ),
    )
    entries.push(toWebIndexEntry(await parse('---\ntitle: Undated\n---\n\nText.\n'), 'undated/'))
    const html = renderWebIndex(entries, { siteName: 'Desk', language: 'en' })
    const hrefs = [...html.matchAll(/<h2><a href="([^"]+)">/g)].map((m) => m[1])
    expect(hrefs).toEqual([
      'al-marjan-electric-buses/index.html',
      'seawater-to-tap-water/index.html',
      'pakistan-restores-deterrence/index.html',
      'undated/',
    ])
    expect(html).toContain('<li lang="ar" dir="rtl">')
    expect(renderWebIndex([...entries].reverse(), { siteName: 'Desk', language: 'en' })).toBe(html)
  })
})

describe('renderRedirectPage', () => {
  it('sends the browser on without a script', () => {
    const html = renderRedirectPage({ to: 'https://x.example/a/', title: 'A & B' })
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=https://x.example/a/">')
    expect(html).toContain('<title>A &amp; B</title>')
    expect(html).not.toContain('<script')
  })
})
