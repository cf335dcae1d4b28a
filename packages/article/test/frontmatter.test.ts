import { describe, expect, it } from 'vitest'
import { hasErrors, parseArticle, parseConfig } from '../src/index.js'

const rules = (article: { messages: { ruleId?: string | null }[] }) =>
  article.messages.map((m) => m.ruleId)
const message = (article: Awaited<ReturnType<typeof parseArticle>>, rule: string) =>
  article.messages.find((m) => m.ruleId === rule)

describe('frontmatter as site generators read it', () => {
  it('reads TOML between +++ (Hugo), with deck, draft and expirydate', async () => {
    const article = await parseArticle(
      '+++\ntitle = "Hugo `code` &amp; more"\ndate = 2015-10-30T01:12:28-04:00\ndraft = true\ndeck = "A deck"\nexpirydate = 2030-01-01\nkicker = "Analysis"\n+++\nBody.\n',
      { path: 'toml.md' },
    )
    expect(hasErrors(article.messages)).toBe(false)
    expect(article.meta).toMatchObject({
      title: 'Hugo code & more',
      subtitle: 'A deck',
      kicker: 'Analysis',
      draft: true,
      status: 'withheld',
    })
    expect(article.meta.published?.value).toBe('2015-10-30T01:12:28-04:00')
    expect(article.meta.expires?.date).toBe('2030-01-01')
    expect(message(article, 'draft')?.line).toBe(4)
  })

  it('names a page bundle (index.md) by its folder', async () => {
    const article = await parseArticle('+++\ntitle = "T"\n+++\nBody.\n', {
      path: 'posts/tehran-metro/index.md',
    })
    expect(article.meta.slug).toBe('tehran-metro')
  })

  it('reads HTML tags in a title as markup, other angle brackets as text', async () => {
    const article = await parseArticle('---\ntitle: "Salt & <em>water</em> <sea>"\n---\nB.\n', {
      path: 'h.md',
    })
    expect(article.meta.title).toBe('Salt & water <sea>')
  })

  it('points at broken TOML', async () => {
    const article = await parseArticle('+++\ntitle = "x\n+++\nBody.\n', { path: 't.md' })
    expect(message(article, 'yaml-syntax')).toMatchObject({ line: 2, fatal: true })
  })

  it('keeps the last of duplicate keys, reads multi-line quoted titles, dates in file names', async () => {
    const article = await parseArticle(
      '---\ntitle: A\ntitle: "B long\ncontinues here"\n---\nBody.\n',
      { path: '2021-05-10-harbour.md' },
    )
    expect(hasErrors(article.messages)).toBe(false)
    expect(article.meta.title).toBe('B long continues here')
    expect(message(article, 'duplicate-key')?.line).toBe(3)
    expect(article.meta.published?.date).toBe('2021-05-10')
    expect(article.meta.slug).toBe('harbour')
  })

  it('reads 2024/10/21 and 2015-10-30 1:12:28 -0400 dates', async () => {
    const a = await parseArticle('---\ntitle: T\ndate: 2024/10/21\n---\nB.\n', { path: 'a.md' })
    expect(a.meta.published?.value).toBe('2024-10-21')
    const b = await parseArticle('---\ntitle: T\ndate: 2015-10-30 1:12:28 -0400\n---\nB.\n', {
      path: 'b.md',
    })
    expect(b.meta.published?.dateTime).toBe('2015-10-30T01:12:28-04:00')
  })

  it('says "put the title in quotes" for an unquoted colon, and builds', async () => {
    const article = await parseArticle('---\ntitle: Breaking: news today\n---\nBody.\n', {
      path: 'c.md',
    })
    expect(hasErrors(article.messages)).toBe(false)
    expect(article.meta.title).toBe('Breaking: news today')
    expect(message(article, 'yaml-unquoted-colon')?.reason).toMatch(/put the title in quotes/)
  })

  it('gives one error for a tab, in words', async () => {
    const article = await parseArticle('---\ntitle: x\nauthors:\n\t- a\n\t- b\n---\nBody.\n', {
      path: 'tab.md',
    })
    const errors = article.messages.filter((m) => m.fatal)
    expect(errors).toHaveLength(1)
    expect(errors[0].reason).toMatch(/tab.*spaces/)
    expect(errors[0].line).toBe(4)
  })

  it('suggests the field meant by a misspelling', async () => {
    const article = await parseArticle(
      '---\ntitle: T\ntitel: x\nSection: World\nlayout: post\n---\nB.\n',
      {
        path: 'm.md',
      },
    )
    const unknown = article.messages
      .filter((m) => m.ruleId === 'unknown-field')
      .map((m) => m.reason)
    expect(unknown).toEqual([
      'Unknown field `titel`; ignored: did you mean `title`?',
      'Unknown field `Section`; ignored: did you mean `section`?',
    ])
  })

  it('takes the title from a leading heading or a pandoc title block when there is no frontmatter', async () => {
    const readme = await parseArticle('# My *README*\n\nSome text.\n', { path: 'r.md' })
    expect(hasErrors(readme.messages)).toBe(false)
    expect(readme.meta.title).toBe('My README')
    expect(rules(readme)).toContain('missing-frontmatter')
    const pandoc = await parseArticle('% The Title\n% Ann Author; Bob\n% 2024-01-02\n\nText.\n', {
      path: 'p.md',
    })
    expect(hasErrors(pandoc.messages)).toBe(false)
    expect(pandoc.meta.title).toBe('The Title')
    expect(pandoc.meta.authors.map((a) => a.name)).toEqual(['Ann Author', 'Bob'])
    expect(pandoc.derived.plainText).toBe('Text.')
  })

  it('looks authors given as slugs up in the config, else shows a readable name', async () => {
    const { config } = parseConfig(
      'authors:\n  miatta-myers:\n    name: Miatta Myers\n    bio: Writes *here*.\n    url: https://m.example\n',
      'pressroom.yaml',
    )
    const article = await parseArticle(
      '---\ntitle: T\nauthors: [miatta-myers, jon-doe]\n---\nB.\n',
      { path: 'a.md', config },
    )
    expect(article.meta.authors.map((a) => a.name)).toEqual(['Miatta Myers', 'Jon Doe'])
    expect(article.meta.authors[0].bio?.text).toBe('Writes here.')
    expect(article.meta.authors[0].url).toBe('https://m.example/')
    expect(message(article, 'unknown-author')?.reason).toMatch(/jon-doe/)
  })
})
