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

async function allArticles() {
  return Promise.all(contentNames.map((name) => contentArticle(name)))
}

describe('collections', () => {
  it('put one chapter per article, each with its title, date and nested contents', async () => {
    const articles = await allArticles()
    const bytes = await renderEpub(articles, { title: 'Weekly digest' })
    expect(await epubcheckTs(bytes)).toEqual([])
    const book = await unzip(bytes)
    const chapters = book.names.filter((name) => /chapter-\d{3}\.xhtml$/.test(name)).sort()
    expect(chapters).toHaveLength(articles.length)
    for (const [index, article] of articles.entries()) {
      const chapter = await book.text(chapters[index] ?? '')
      expect(chapter).toContain(`id="c${index + 1}-title">`)
      expect(chapter).toContain(article.meta.title.replace(/&/g, '&amp;'))
      if (article.meta.published)
        expect(chapter).toContain(`<time datetime="${article.meta.published.date}">`)
      const html = findAll(parseXml(chapter), (element) => element.local === 'html')[0]
      expect(html?.attributes.lang).toBe(article.meta.language)
    }
    const nav = parseXml(await book.text('OEBPS/nav.xhtml'))
    const toc = findAll(
      nav,
      (element) => element.local === 'nav' && element.attributes['epub:type'] === 'toc',
    )[0]
    expect(toc).toBeDefined()
    const top = findAll(toc as NonNullable<typeof toc>, (element) => element.local === 'ol')[0]
    const entries = top?.children.map((li) => li.children[0]?.text.trim())
    expect(entries).toEqual([
      'Cover',
      'Title page',
      ...articles.map((article) => article.meta.title),
    ])
    // The explainer's chapter has its own section of the contents (headings, about the authors).
    const explainer = top?.children[3]
    expect(explainer?.children[1]?.local).toBe('ol')
    expect(explainer?.children[1]?.text).toContain('How the water is made')
    expect(explainer?.children[1]?.text).toContain('About the authors')

    const title = await book.text('OEBPS/title.xhtml')
    expect(title).toContain('Weekly digest</h1>')
    expect(title).toContain('4 articles')
  })

  it('keep ids unique across chapters and every link inside the book resolves', async () => {
    const book = await unzip(await renderEpub(await allArticles(), { title: 'Digest' }))
    const documents = new Map<string, Set<string>>()
    const links: Array<[string, string]> = []
    const all: string[] = []
    for (const name of book.names.filter((entry) => entry.endsWith('.xhtml'))) {
      const root = parseXml(await book.text(name))
      const ids = findAll(root, (element) => element.attributes.id !== undefined).map(
        (element) => element.attributes.id ?? '',
      )
      expect(new Set(ids).size).toBe(ids.length)
      all.push(...ids.filter(() => !name.endsWith('nav.xhtml')))
      documents.set(name.replace('OEBPS/', ''), new Set(ids))
      for (const a of findAll(
        root,
        (element) => element.local === 'a' && element.attributes.href !== undefined,
      )) {
        links.push([name.replace('OEBPS/', ''), a.attributes.href ?? ''])
      }
    }
    // Chapters share no ids at all (a reader may merge them into one flow).
    const chapterIds = all.filter(
      (id) => id !== 'title' && !id.startsWith('toc') && !id.startsWith('landmarks'),
    )
    expect(new Set(chapterIds).size).toBe(chapterIds.length)
    for (const [from, href] of links) {
      if (/^[a-z]+:/.test(href)) continue
      const [file, fragment] = href.split('#')
      const target = file ? file : from
      expect(documents.has(target), `${from} -> ${href}`).toBe(true)
      if (fragment) expect(documents.get(target)?.has(fragment), `${from} -> ${href}`).toBe(true)
    }
  })

  it('have a stable urn:uuid of their own, from the members in order', async () => {
    const articles = await allArticles()
    const identifier = async (list: typeof articles) => {
      const opf = parseXml(await (await unzip(await renderEpub(list))).text('OEBPS/content.opf'))
      return findAll(opf, (element) => element.local === 'identifier')[0]?.text
    }
    const first = await identifier(articles)
    expect(first).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(await identifier(articles)).toBe(first)
    expect(await identifier([...articles].reverse())).not.toBe(first)
    expect(await identifier(articles.slice(1))).not.toBe(first)
  })

  it('open on the cover, then the title page, then the contents', async () => {
    const book = await unzip(await renderEpub(await allArticles()))
    const opf = parseXml(await book.text('OEBPS/content.opf'))
    expect(
      findAll(opf, (element) => element.local === 'itemref').map(
        (element) => element.attributes.idref,
      ),
    ).toEqual([
      'cover',
      'title-page',
      'nav',
      'chapter-001',
      'chapter-002',
      'chapter-003',
      'chapter-004',
    ])
    expect(await book.text('OEBPS/title.xhtml')).toContain('Digest</h1>')
  })

  it('state rights for the whole book only when every article has the same rights line', async () => {
    const articles = await allArticles()
    const mixed = await (await unzip(await renderEpub(articles))).text('OEBPS/content.opf')
    expect(mixed).not.toContain('<dc:rights>')
    const seed = articles[0] as (typeof articles)[number]
    const same = await (await unzip(await renderEpub([seed, seed]))).text('OEBPS/content.opf')
    expect(same).toContain('<dc:rights>© Arab News</dc:rights>')
  })

  it('take their language and direction from the option, never from the first article; each chapter keeps its own', async () => {
    const [arabic, ...others] = await Promise.all(
      ['al-marjan-electric-buses', 'pakistan-restores-deterrence', 'seawater-to-tap-water'].map(
        (name) => contentArticle(name),
      ),
    )
    const list = [arabic as Awaited<ReturnType<typeof contentArticle>>, ...others]
    const look = async (options: Parameters<typeof renderEpub>[1]) => {
      const book = await unzip(await renderEpub(list, options))
      const html = async (name: string) =>
        findAll(
          parseXml(await book.text(`OEBPS/${name}`)),
          (element) => element.local === 'html',
        )[0]?.attributes
      const pkg = findAll(
        parseXml(await book.text('OEBPS/content.opf')),
        (element) => element.local === 'package',
      )[0]?.attributes
      return {
        package: [pkg?.['xml:lang'], pkg?.dir],
        spine: (await book.text('OEBPS/content.opf')).includes('page-progression-direction="rtl"'),
        title: [(await html('title.xhtml'))?.lang, (await html('title.xhtml'))?.dir],
        nav: [(await html('nav.xhtml'))?.lang, (await html('nav.xhtml'))?.dir],
        contents: (await book.text('OEBPS/nav.xhtml')).includes('>Contents<'),
        chapters: [
          [(await html('chapter-001.xhtml'))?.lang, (await html('chapter-001.xhtml'))?.dir],
          [(await html('chapter-002.xhtml'))?.lang, (await html('chapter-002.xhtml'))?.dir],
        ],
      }
    }
    const english = {
      package: ['en', 'ltr'],
      spine: false,
      title: ['en', 'ltr'],
      nav: ['en', 'ltr'],
      contents: true,
      chapters: [
        ['ar', 'rtl'],
        ['en', 'ltr'],
      ],
    }
    // The publication's language, as the CLI passes it.
    expect(await look({ language: 'en' })).toEqual(english)
    // No option: the language most articles are in (2 of 3 English), not the Arabic first one.
    expect(await look({})).toEqual(english)
    // An Arabic publication: right to left, Arabic UI strings; the English chapters stay ltr.
    const rtl = await look({ language: 'ar' })
    expect(rtl).toMatchObject({
      package: ['ar', 'rtl'],
      spine: true,
      title: ['ar', 'rtl'],
      contents: false,
      chapters: [
        ['ar', 'rtl'],
        ['en', 'ltr'],
      ],
    })
  })
})
