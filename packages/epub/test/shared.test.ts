/** What the EPUB takes from the shared toolkit: labels (with overrides) and the URL policy. */
import path from 'node:path'
import { loadConfig, parseArticle } from '@pressroom/article'
import { labelsFor } from '@pressroom/toolkit'
import { describe, expect, it } from 'vitest'
import { type EpubMessage, renderEpub } from '../src/index.js'
import { contentDir, epubcheckTs, unzip } from './helpers.js'

const source = (language: string) => `---
title: Der Hafen erwacht vor der Morgendämmerung
language: ${language}
published: 2024-03-01
authors:
  - name: Anna Beispiel
    bio: Reporterin im Hafen.
    email: anna@example.org
---

Die Nachtschicht hat 1.200 Container entladen.

![Ein Kran](nowhere.png)
`

async function article(language: string) {
  const { config } = await loadConfig(contentDir)
  return parseArticle(source(language), { path: path.join(contentDir, 'hafen.md'), config })
}

async function pages(bytes: Uint8Array): Promise<Record<string, string>> {
  const book = await unzip(bytes)
  const out: Record<string, string> = {}
  for (const name of book.names.filter((entry) => entry.endsWith('.xhtml')))
    out[name.replace('OEBPS/', '')] = await book.text(name)
  return out
}

describe('labels and links from the shared toolkit', { timeout: 60_000 }, () => {
  it('a German article reads German labels from the one table', async () => {
    const labels = labelsFor('de')
    const bytes = await renderEpub(await article('de'), { cover: 'none' })
    expect(await epubcheckTs(bytes)).toEqual([])
    const book = await pages(bytes)
    expect(book['nav.xhtml']).toContain(`<h1 id="toc-title">${labels.contents}</h1>`)
    expect(book['title.xhtml']).toContain(`<p class="byline">${labels.by} Anna Beispiel</p>`)
    expect(book['about.xhtml']).toContain(`${labels.aboutTheAuthor}</h2>`)
    expect(book['text.xhtml']).toContain(`[${labels.image}: Ein Kran]`)
  })

  it('options.labels still override the table', async () => {
    const bytes = await renderEpub(await article('en'), {
      cover: 'none',
      labels: { contents: 'In this book', by: 'Words by', image: 'Picture' },
    })
    const book = await pages(bytes)
    expect(book['nav.xhtml']).toContain('<h1 id="toc-title">In this book</h1>')
    expect(book['title.xhtml']).toContain('<p class="byline">Words by Anna Beispiel</p>')
    expect(book['text.xhtml']).toContain('[Picture: Ein Kran]')
  })

  it('author links follow the shared URL policy: absolute http, https, mailto and tel', async () => {
    const input = structuredClone(await article('en'))
    const author = input.meta.authors[0]
    if (!author) throw new Error('no author')
    author.links = [
      { rel: 'url', href: 'tel:+44 20 7946 0000', label: 'phone' },
      { rel: 'url', href: 'JaVa\tScript:alert(1)', label: 'script' },
      { rel: 'url', href: '../relative/page', label: 'relative' },
      { rel: 'url', href: 'mailto:anna@example.org', label: 'mail' },
    ]
    const reports: EpubMessage[] = []
    const bytes = await renderEpub(input, {
      cover: 'none',
      report: (message) => reports.push(message),
    })
    expect(await epubcheckTs(bytes)).toEqual([])
    const about = (await pages(bytes))['about.xhtml'] ?? ''
    expect(about).toContain('<a href="tel:+44%2020%207946%200000">phone</a>')
    expect(about).toContain('<a href="mailto:anna@example.org">mail</a>')
    expect(about).not.toContain('script')
    expect(about).not.toContain('relative')
    expect(
      reports.filter((message) => message.ruleId === 'epub-unsafe-link').map((m) => m.reason),
    ).toHaveLength(2)
  })
})
