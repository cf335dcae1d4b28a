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
        { type: 'text', value: 'A ' },
        { type: 'superscript', children: [{ type: 'text', value: '1' }] },
        { type: 'text', value: ', ' },
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

  it('maps <sup>, <sub> and <abbr title> onto superscript, subscript and abbr nodes', async () => {
    const { article, tree } = await body(
      'H<sub>2</sub>O at 10<sup>3</sup> kg; <abbr title="  Pressroom\n  Ltd ">PR</abbr>, <abbr>UN</abbr>.\n',
    )
    expect(tree.children[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'H' },
        { type: 'subscript', children: [{ type: 'text', value: '2' }] },
        { type: 'text', value: 'O at 10' },
        { type: 'superscript', children: [{ type: 'text', value: '3' }] },
        { type: 'text', value: ' kg; ' },
        { type: 'abbr', title: 'Pressroom Ltd', children: [{ type: 'text', value: 'PR' }] },
        { type: 'text', value: ', ' },
        { type: 'abbr', children: [{ type: 'text', value: 'UN' }] },
        { type: 'text', value: '.' },
      ],
    })
    // Plain text keeps their text as written.
    expect(article.derived.plainText).toBe('H2O at 103 kg; PR, UN.')
    expect(article.messages).toEqual([])
  })

  it('keeps the new nodes inside Markdown and HTML around them, and in HTML blocks', async () => {
    const { tree } = await body(
      [
        'x *a<sup>*b*</sup>* <b>c<sub>1</sub></b> <i>d</i>',
        '',
        '<p>E = mc<sup>2 <em>e</em></sup> <abbr title="T">t</abbr></p>',
        '',
        '<Note>',
        'In a note, CO<sub>2</sub>.',
        '</Note>',
        '',
      ].join('\n'),
    )
    expect(tree.children[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'x ' },
        {
          type: 'emphasis',
          children: [
            { type: 'text', value: 'a' },
            {
              type: 'superscript',
              children: [{ type: 'emphasis', children: [{ type: 'text', value: 'b' }] }],
            },
          ],
        },
        { type: 'text', value: ' ' },
        {
          type: 'strong',
          children: [
            { type: 'text', value: 'c' },
            { type: 'subscript', children: [{ type: 'text', value: '1' }] },
          ],
        },
        { type: 'text', value: ' ' },
        { type: 'emphasis', children: [{ type: 'text', value: 'd' }] },
      ],
    })
    expect(tree.children[1]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'E = mc' },
        {
          type: 'superscript',
          children: [
            { type: 'text', value: '2 ' },
            { type: 'emphasis', children: [{ type: 'text', value: 'e' }] },
          ],
        },
        { type: 'text', value: ' ' },
        { type: 'abbr', title: 'T', children: [{ type: 'text', value: 't' }] },
      ],
    })
    expect(tree.children[2]).toMatchObject({
      type: 'aside',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'In a note, CO' },
            { type: 'subscript', children: [{ type: 'text', value: '2' }] },
            { type: 'text', value: '.' },
          ],
        },
      ],
    })
    // No stand-in is left anywhere.
    expect(JSON.stringify(tree)).not.toContain('textDirective')
  })

  it('maps <dl> onto a description list: terms (phrasing) and descriptions (blocks)', async () => {
    const { article, tree } = await body(
      [
        '<dl>',
        '  <dt>Reefer</dt>',
        '  <dd>A refrigerated container.</dd>',
        '  <dt>The <em>stevedore</em></dt><dt>Docker</dt>',
        '  <dd>A worker who <b>loads</b> ships.<p>Two</p></dd>',
        '  <div><dt>TEU</dt><dd>A unit.</dd></div>',
        '</dl>',
        '',
      ].join('\n'),
    )
    const text = (value: string) => ({ type: 'text', value })
    const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children })
    expect(tree.children).toEqual([
      {
        type: 'descriptionList',
        children: [
          { type: 'descriptionTerm', children: [text('Reefer')] },
          { type: 'descriptionDetails', children: [paragraph(text('A refrigerated container.'))] },
          {
            type: 'descriptionTerm',
            children: [text('The '), { type: 'emphasis', children: [text('stevedore')] }],
          },
          { type: 'descriptionTerm', children: [text('Docker')] },
          {
            type: 'descriptionDetails',
            children: [
              paragraph(
                text('A worker who '),
                { type: 'strong', children: [text('loads')] },
                text(' ships.'),
              ),
              paragraph(text('Two')),
            ],
          },
          { type: 'descriptionTerm', children: [text('TEU')] },
          { type: 'descriptionDetails', children: [paragraph(text('A unit.'))] },
        ],
      },
    ])
    // Plain text: each term and each description block on its own.
    expect(article.derived.plainText).toBe(
      'Reefer\n\nA refrigerated container.\n\nThe stevedore\n\nDocker\n\nA worker who loads ships.\n\nTwo\n\nTEU\n\nA unit.',
    )
  })

  it('reads a <dl> without terms as its content', async () => {
    const { tree } = await body('<dl>\n  <dd>Only a description.</dd>\n</dl>\n')
    expect(tree.children).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'Only a description.' }] },
    ])
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
