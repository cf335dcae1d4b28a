import { describe, expect, it } from 'vitest'
import { parseArticle } from '../src/index.js'

const strip = (node: unknown): unknown => {
  const record = node as { position?: unknown; children?: unknown[] }
  delete record.position
  record.children?.forEach(strip)
  return node
}

async function body(markdown: string) {
  const article = await parseArticle(`---\ntitle: T\n---\n${markdown}`, { path: 'h.md' })
  return { article, tree: strip(article.tree) as typeof article.tree }
}

describe('raw HTML is kept by its meaning', () => {
  it('maps inline HTML onto mdast phrasing', async () => {
    const { tree } = await body(
      'A <sup>1</sup>, <mark>marked</mark>, <kbd>Ctrl</kbd>, <del>gone</del>, <b>bold</b>, <a href="https://x.org">link</a>.\n',
    )
    expect(tree.children[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'A 1, ' },
        { type: 'emphasis', children: [{ type: 'text', value: 'marked' }] },
        { type: 'text', value: ', ' },
        { type: 'inlineCode', value: 'Ctrl' },
        { type: 'text', value: ', ' },
        { type: 'delete', children: [{ type: 'text', value: 'gone' }] },
        { type: 'text', value: ', ' },
        { type: 'strong', children: [{ type: 'text', value: 'bold' }] },
        { type: 'text', value: ', ' },
        {
          type: 'link',
          url: 'https://x.org',
          title: null,
          children: [{ type: 'text', value: 'link' }],
        },
        { type: 'text', value: '.' },
      ],
    })
  })

  it('keeps blockquotes, reads kramdown markdown="1" and MDX components as Markdown, asides as asides', async () => {
    const { tree } = await body(
      [
        '<blockquote><p>Quoted <em>text</em>.</p></blockquote>',
        '',
        '<aside markdown="1">',
        '**Pull** quote.',
        '</aside>',
        '',
        '<Note>',
        'An *MDX* note.',
        '</Note>',
        '',
        '<div class="box">',
        '',
        'Markdown *inside*.',
        '',
        '</div>',
        '',
      ].join('\n'),
    )
    expect(tree.children.map((node) => node.type)).toEqual([
      'blockquote',
      'aside',
      'aside',
      'paragraph',
    ])
    expect(JSON.stringify(tree.children[1])).toContain('"type":"strong"')
    expect(JSON.stringify(tree.children[2])).toContain('"type":"emphasis"')
  })

  it('makes figures of <figure> and image components, tables keep their caption', async () => {
    const { tree } = await body(
      [
        '<figure><img src="a.png" alt="Alt"><figcaption>The <em>caption</em></figcaption></figure>',
        '',
        '<Image src="b.png" alt="B" caption="Bee" />',
        '',
        '<table><caption>Cap</caption><tr><th>H</th></tr><tr><td>C</td></tr></table>',
        '',
      ].join('\n'),
    )
    expect(tree.children.map((node) => node.type)).toEqual([
      'figure',
      'figure',
      'paragraph',
      'table',
    ])
    expect(tree.children[0]).toMatchObject({
      children: [{ type: 'image', url: 'a.png', alt: 'Alt' }, { type: 'figureCaption' }],
    })
    expect(tree.children[1]).toMatchObject({
      children: [{ type: 'image', url: 'b.png', alt: 'B' }, { type: 'figureCaption' }],
    })
  })

  it('drops script, style, iframe, object, embed, form and event handlers with their content, once per kind', async () => {
    const { article } = await body(
      [
        '<script>var secret = "scriptword";</script>',
        '<style>.x { color: red }</style>',
        '',
        '<iframe src="https://e.example"><p>frameword</p></iframe>',
        '',
        '<p onclick="evil()">Kept <span onmouseover="x()">text</span></p>',
        '',
        '<form><input name="formword"><p>formtext</p></form>',
        '',
        '<script>again()</script>',
        '',
      ].join('\n'),
    )
    expect(article.derived.plainText).toBe('Kept text')
    const reasons = article.messages.filter((m) => m.ruleId === 'raw-html').map((m) => m.reason)
    expect(reasons).toHaveLength(5)
    expect(reasons.join('\n')).toMatch(
      /<script>.*\n.*<style>.*\n.*<iframe>.*\n.*event handlers.*\n.*<form>/,
    )
  })
})

describe('hostile raw HTML', () => {
  it('reads very deep nesting as text, with a warning, without overflowing the stack', async () => {
    const { article } = await body(`${'<div>'.repeat(5000)}deep words\n\nAfter.\n`)
    expect(article.derived.plainText).toContain('deep words')
    expect(article.messages.some((m) => /nested too deeply/.test(m.reason))).toBe(true)
  })

  it('stays fast on thousands of empty elements', async () => {
    const { article } = await body(`Text ${'<a>'.repeat(3000)} end.\n`)
    expect(article.derived.plainText).toBe('Text end.')
  }, 30_000)
})
