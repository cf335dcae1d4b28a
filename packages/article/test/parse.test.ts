import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatMessages, hasErrors, parseArticle, parseConfig, readArticle } from '../src/index.js'

// A real 1x1 PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

let folder: string
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'pressroom-article-'))
  await mkdir(path.join(folder, 'images'))
  await writeFile(path.join(folder, 'images', 'dot.png'), png)
  await writeFile(path.join(folder, 'images', 'fake.png'), 'not an image at all')
  await writeFile(path.join(tmpdir(), 'pressroom-secret.png'), png)
  await symlink(
    path.join(tmpdir(), 'pressroom-secret.png'),
    path.join(folder, 'images', 'link.png'),
  )
})

const rules = (article: { messages: { ruleId?: string | null }[] }) =>
  article.messages.map((m) => m.ruleId)
const at = (
  article: { messages: { ruleId?: string | null; line?: number; column?: number }[] },
  rule: string,
) => {
  const message = article.messages.find((m) => m.ruleId === rule)
  return message ? `${message.line}:${message.column}` : undefined
}

describe('parseArticle', () => {
  it('reads metadata, derived values and the body', async () => {
    const article = await parseArticle(
      [
        '---',
        'title: "Rates rise again"',
        'subtitle: The third time this year',
        'authors:',
        '  - name: Ana Nowak',
        '    bio: Ana covers *markets* for [us](https://example.org).',
        '    twitter: "@ananowak"',
        'published: 2024-03-01T09:30:00+01:00',
        'updated: 2024-03-02',
        'section: Business',
        'tags: [rates, banks]',
        '---',
        '',
        'The bank "raised" rates -- again... by 0.25 points.',
        '',
        '## What next',
        '',
        'More text here.',
      ].join('\n'),
      {
        path: 'rates-rise-again.md',
        config: { sections: {}, baseUrl: 'https://news.example.org/', timezone: '+03:00' },
      },
    )
    expect(article.messages).toEqual([])
    expect(article.meta.title).toBe('Rates rise again')
    expect(article.meta.slug).toBe('rates-rise-again')
    expect(article.meta.id).toBe('https://news.example.org/articles/rates-rise-again')
    expect(article.meta.published?.dateTime).toBe('2024-03-01T09:30:00+01:00')
    expect(article.meta.published?.epochMs).toBe(Date.UTC(2024, 2, 1, 8, 30))
    expect(article.meta.updated?.dateTime).toBe('2024-03-02T00:00:00+03:00')
    expect(article.meta.authors[0].bio?.text).toBe('Ana covers markets for us.')
    expect(article.meta.authors[0].links).toEqual([
      { rel: 'twitter', href: 'https://x.com/ananowak', label: '@ananowak' },
    ])
    expect(article.meta.tags).toEqual(['rates', 'banks'])
    expect(article.derived.dir).toBe('ltr')
    expect(article.derived.plainText).toBe(
      'The bank “raised” rates – again… by 0.25 points.\n\nWhat next\n\nMore text here.',
    )
    expect(article.derived.wordCount).toBe(13)
    expect(article.meta.summary).toBe('The bank “raised” rates – again… by 0.25 points.')
    expect(article.tree.children.map((n) => n.type)).toEqual(['paragraph', 'heading', 'paragraph'])
    expect(article.tree.children[0].position?.start.line).toBe(14)
  })

  it('turns directives and captioned images into Pressroom nodes', async () => {
    const article = await parseArticle(
      [
        '---',
        'title: T',
        'language: ur',
        '---',
        'Text :span[bonjour]{lang=fr} here.',
        '',
        ':::pullquote{cite="A. Person"}',
        'Lifted words.',
        ':::',
        '',
        ':::aside[Box title]',
        'Boxed.',
        ':::',
        '',
        '![A dot](images/dot.png "A caption")',
        '',
        ':::figure{credit="Photo: Me"}',
        '![Dot again](images/dot.png)',
        '',
        'Its *caption*.',
        ':::',
      ].join('\n'),
      { path: path.join(folder, 'x.md') },
    )
    expect(rules(article)).toEqual([])
    const types = article.tree.children.map((n) => n.type)
    expect(types).toEqual(['paragraph', 'pullquote', 'aside', 'figure', 'figure'])
    const [paragraph, pullquote, aside, figure1, figure2] = article.tree.children as any[]
    expect(paragraph.children[1]).toMatchObject({ type: 'span', lang: 'fr', dir: 'ltr' })
    expect(pullquote.attribution).toBe('A. Person')
    expect(aside.label).toBe('Box title')
    expect(figure1.children[1].children[0].value).toBe('A caption')
    expect(figure2.credit).toBe('Photo: Me')
    expect(figure2.children[1].children.map((n: any) => n.type)).toEqual([
      'text',
      'emphasis',
      'text',
    ])
    expect(article.derived.dir).toBe('rtl')
    expect(article.images).toHaveLength(1)
    expect(article.images[0]).toMatchObject({
      status: 'ok',
      mediaType: 'image/png',
      width: 1,
      height: 1,
      path: 'images/dot.png',
    })
    expect(article.derived.plainText).not.toContain('Lifted')
    expect(article.derived.plainText).not.toContain('caption')
  })

  it('reports a missing title and an empty body as errors with positions', async () => {
    const noTitle = await parseArticle('---\nsubtitle: x\n---\nBody.\n', { path: 'a.md' })
    expect(hasErrors(noTitle.messages)).toBe(true)
    expect(rules(noTitle)).toContain('missing-title')
    const noBody = await parseArticle('---\ntitle: T\n---\n\n', { path: 'b.md' })
    expect(rules(noBody)).toEqual(['empty-body'])
    expect(at(noBody, 'empty-body')).toBe('3:4')
    const noFrontmatter = await parseArticle('Just text.\n', { path: 'c.md' })
    expect(at(noFrontmatter, 'missing-title')).toBe('1:1')
  })

  it('points at broken YAML inside the frontmatter', async () => {
    const article = await parseArticle('---\ntitle: T\ntags: [a, b\nsection: X\n---\nBody.\n', {
      path: 'y.md',
    })
    expect(rules(article)).toContain('yaml-syntax')
    const message = article.messages.find((m) => m.ruleId === 'yaml-syntax')!
    expect(message.fatal).toBe(true)
    expect(message.line).toBeGreaterThanOrEqual(3)
  })

  it('warns about wrong types, bad dates, aliases and unknown fields at the field', async () => {
    const article = await parseArticle(
      '---\ntitle: T\ntags: {a: 1}\npublished: 2024-02-30\nupdated: yesterday\ndate2: x\nauthor: Sam\nlanguage: "12-$"\nstatus: live\n---\nBody.\n',
      { path: 'w.md' },
    )
    expect(hasErrors(article.messages)).toBe(false)
    expect(at(article, 'field-type')).toBe('3:7')
    expect(article.messages.filter((m) => m.ruleId === 'invalid-date').map((m) => m.line)).toEqual([
      4, 5,
    ])
    expect(at(article, 'unknown-field')).toBe('6:1')
    expect(at(article, 'field-alias')).toBe('7:1')
    expect(at(article, 'invalid-language')).toBe('8:11')
    expect(at(article, 'invalid-status')).toBe('9:9')
    expect(article.meta.authors[0].name).toBe('Sam')
    expect(article.meta.published).toBeUndefined()
  })

  it('reports unknown directives, raw HTML, footnote problems and control characters', async () => {
    const article = await parseArticle(
      '---\ntitle: T\n---\nA\u0007b[^1] [^2] and note:this.\n\n:::chart\nx\n:::\n\n<div onclick="x()">hi</div>\n\n[^1]: One.\n[^1]: Again.\n[^3]: Unused.\n',
      { path: 'd.md' },
    )
    expect(at(article, 'control-character')).toBe('4:1')
    expect(at(article, 'unknown-directive')).toBe('6:1')
    expect(at(article, 'raw-html')).toBe('10:1')
    expect(at(article, 'duplicate-footnote')).toBe('13:1')
    expect(at(article, 'undefined-footnote')).toBe('4:9')
    expect(at(article, 'unused-footnote')).toBe('14:1')
    expect(article.derived.plainText).toContain('Ab [^2] and note:this.')
    expect(hasErrors(article.messages)).toBe(false)
  })

  it('never reads images outside the article folder or from the network', async () => {
    const article = await parseArticle(
      [
        '---',
        'title: T',
        'image: {src: images/nope.png, alt: Nothing}',
        '---',
        '![remote](https://example.com/a.png) ![up](../secret.png) ![abs](/etc/passwd)',
        '![link](images/link.png) ![fake](images/fake.png) ![data](data:image/png;base64,AAAA)',
      ].join('\n'),
      { path: path.join(folder, 'imgs.md') },
    )
    const status = Object.fromEntries(article.images.map((image) => [image.src, image.status]))
    expect(status).toEqual({
      'images/nope.png': 'missing',
      'https://example.com/a.png': 'remote',
      '../secret.png': 'outside',
      '/etc/passwd': 'missing',
      'images/link.png': 'outside',
      'images/fake.png': 'corrupt',
      'data:image/png;base64,AAAA': 'remote',
    })
    expect(article.images.every((image) => image.bytes === undefined)).toBe(true)
    expect(at(article, 'image-missing')).toBe('3:8')
    expect(at(article, 'image-remote')).toBe('5:1')
    expect(at(article, 'image-outside')).toBe('5:38')
    expect(at(article, 'image-corrupt')).toBe('6:26')
    expect(article.messages.find((m) => m.ruleId === 'image-missing')?.fatal).toBe(false)
    expect(article.messages.find((m) => m.ruleId === 'image-remote')?.fatal).toBe(false)
  })

  it('rejects binary, empty, non-UTF-8 and oversized input with one clear error', async () => {
    const binary = await parseArticle(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), {
      path: 'b.md',
    })
    expect(rules(binary)).toEqual(['binary-file'])
    expect((await parseArticle('', { path: 'e.md' })).messages[0].ruleId).toBe('empty-file')
    expect(
      rules(await parseArticle(new Uint8Array([0x2d, 0xff, 0xfe, 0x41]), { path: 'l.md' })),
    ).toEqual(['invalid-encoding'])
    const big = await parseArticle(`---\ntitle: T\n---\n${'word '.repeat(300)}`, {
      path: 'big.md',
      maxBytes: 1000,
    })
    expect(rules(big)).toEqual(['file-too-large'])
    expect(big.messages[0].reason).toMatch(/over the 1 KB limit/)
  })

  it('is deterministic', async () => {
    const source = '---\ntitle: T\npublished: 2024-01-19\n---\nSame "text".\n'
    const a = await parseArticle(source, { path: 's.md' })
    const b = await parseArticle(source, { path: 's.md' })
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })

  it('formats messages as file:line:col  severity  reason  rule  source', async () => {
    const article = await parseArticle('---\ntitle: T\n---\n<script>x</script>\n\nBody.\n', {
      path: 'f.md',
    })
    const text = await formatMessages(article.messages)
    expect(text).toMatch(/^f\.md\n4:1-4:19 +warning +Raw HTML .* +raw-html +pressroom-article/m)
  })
})

describe('metadata typography and raw HTML', () => {
  it('smartens the title, subtitle and summary; keeps raw HTML out of text and bios', async () => {
    const article = await parseArticle(
      '---\ntitle: Halvard\'s "new" plan -- at last...\nsubtitle: It\'s here\nauthors:\n  - name: A\n    bio: Writes <b>bold</b> things.\n---\nText with <span>inline</span> HTML.\n',
      { path: 't.md' },
    )
    expect(article.meta.title).toBe('Halvard’s “new” plan – at last…')
    expect(article.meta.subtitle).toBe('It’s here')
    expect(article.derived.plainText).toBe('Text with inline HTML.')
    expect(article.derived.wordCount).toBe(4)
    expect(article.meta.authors[0].bio?.text).toBe('Writes bold things.')
    // The bio's HTML is dropped (reported); the body's is kept by its meaning.
    expect(article.messages.filter((m) => m.ruleId === 'raw-html').map((m) => m.line)).toEqual([6])
  })
})

describe('readArticle', () => {
  it('reads from disk, slug from the file name, and reports unreadable files', async () => {
    const file = path.join(folder, 'My Great Story.md')
    await writeFile(file, '---\ntitle: Great\n---\nBody.\n')
    const article = await readArticle(file)
    expect(article.meta.slug).toBe('my-great-story')
    expect(article.dir).toBe(folder)
    const missing = await readArticle(path.join(folder, 'none.md'))
    expect(rules(missing)).toEqual(['unreadable-file'])
  })
})

describe('parseConfig', () => {
  it('reads publication defaults and keeps other sections', () => {
    const { config, messages } = parseConfig(
      'publisher: {name: Desk, url: "https://desk.example"}\nbase_url: https://news.example.org\nlanguage: en-gb\ntimezone: "+0300"\npartners: {a: 1}\n',
      'pressroom.yaml',
    )
    expect(messages).toEqual([])
    expect(config).toMatchObject({
      publisher: { name: 'Desk', url: 'https://desk.example/' },
      baseUrl: 'https://news.example.org/',
      language: 'en-GB',
      timezone: '+03:00',
      sections: { partners: { a: 1 } },
    })
  })

  it('reports bad values at their position', () => {
    const { messages } = parseConfig('base_url: not a url\ntimezone: Mars\n', 'pressroom.yaml')
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '1:11 invalid-url',
      '2:11 invalid-timezone',
    ])
  })
})
