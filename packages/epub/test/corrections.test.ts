/** Corrections (frontmatter `corrections:`) are printed as a dated notice at the end of the article. */
import path from 'node:path'
import { loadConfig, parseArticle } from '@pressroom/article'
import { contentDir, correctedSource, epubcheckTs, unzip } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
import { renderEpub } from '../src/index.js'

const corrected = correctedSource

async function book(language: string): Promise<{ bytes: Uint8Array; xhtml: string }> {
  const { config } = await loadConfig(contentDir)
  const article = await parseArticle(corrected(language), {
    path: path.join(contentDir, 'corrected.md'),
    config,
  })
  const bytes = await renderEpub(article)
  const epub = await unzip(bytes)
  const pages = await Promise.all(
    epub.names.filter((name) => name.endsWith('.xhtml')).map((name) => epub.text(name)),
  )
  return { bytes, xhtml: pages.join('\n') }
}

describe('corrections', { timeout: 60_000 }, () => {
  it('prints each correction dated and labelled after the body, escaped, and the book stays valid', async () => {
    const { bytes, xhtml } = await book('en')
    expect(xhtml).toContain(
      '<p class="correction"><strong>Correction</strong> (<time datetime="2024-03-02">March 2, 2024</time>): An earlier version gave the wrong number of containers.</p>',
    )
    // A correction with a time reads it, in UTC, as in the PDF, the web page and the syndicated body.
    expect(xhtml).toContain(
      '<time datetime="2024-03-03T10:00:00Z">March 3, 2024 at 10:00 AM UTC</time>',
    )
    expect(xhtml).toContain('not 9 &#38; &#60;b&#62;not&#60;/b&#62; 8.')
    expect(xhtml).toContain('<aside class="corrections" aria-label="Corrections">')
    expect(xhtml.indexOf('class="corrections"')).toBeGreaterThan(xhtml.indexOf('1,200 containers'))
    expect(await epubcheckTs(bytes)).toEqual([])
  })

  it('labels the notice in the article language', async () => {
    const fr = await book('fr')
    expect(fr.xhtml).toContain(
      '<strong>Correction</strong> (<time datetime="2024-03-02">2 mars 2024</time>)',
    )
    const ar = await book('ar')
    expect(ar.xhtml).toContain('<strong>تصحيح</strong>')
    expect(ar.xhtml).toContain('aria-label="تصحيحات"')
    expect(await epubcheckTs(ar.bytes)).toEqual([])
  })
})
