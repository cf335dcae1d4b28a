import { articleFromTree, okImage, parsed, xhtmlHarness } from '@pressroom/test-helpers'
import type { Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { phrasingToXhtml, toXhtml } from '../src/index.js'

const { render } = xhtmlHarness(toXhtml)

const text = (value: string) => ({ type: 'text' as const, value })
const paragraph = (value: string) => ({ type: 'paragraph' as const, children: [text(value)] })

describe('pullquote', () => {
  it('is an aside with role doc-pullquote and an attribution', () => {
    const tree: Root = {
      type: 'root',
      children: [{ type: 'pullquote', attribution: 'Ada', children: [paragraph('Quoted.')] }],
    }
    const { xhtml } = render(articleFromTree(tree))
    expect(xhtml).toBe(
      '<aside role="doc-pullquote" class="pullquote">\n<p>Quoted.</p>\n<p class="attribution">— Ada</p>\n</aside>',
    )
  })

  it('carries lang and dir when its language differs', () => {
    const tree: Root = {
      type: 'root',
      children: [{ type: 'pullquote', lang: 'ar', children: [paragraph('نص')] }],
    }
    const { xhtml } = render(articleFromTree(tree))
    expect(xhtml).toContain('<aside role="doc-pullquote" class="pullquote" lang="ar" dir="rtl">')
  })
})

describe('aside', () => {
  it('has a title paragraph (not a heading: the outline stays intact)', () => {
    const tree: Root = {
      type: 'root',
      children: [{ type: 'aside', label: 'Box', children: [paragraph('Body.')] }],
    }
    const { xhtml, headings } = render(articleFromTree(tree))
    expect(xhtml).toBe(
      '<aside class="aside">\n<p class="aside-title"><strong>Box</strong></p>\n<p>Body.</p>\n</aside>',
    )
    expect(headings).toEqual([])
  })
})

describe('span', () => {
  it('writes lang and dir only when the language differs from the context', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'span', lang: 'fr', dir: 'ltr', children: [text('eau')] },
            text(' '),
            { type: 'span', lang: 'EN', dir: 'ltr', children: [text('same')] },
          ],
        },
      ],
    }
    const { xhtml } = render(articleFromTree(tree))
    expect(xhtml).toBe('<p><span lang="fr" dir="ltr">eau</span> <span>same</span></p>')
  })

  it('gives every top-level element lang/dir when the container language differs', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            text('عربي '),
            { type: 'span', lang: 'en', dir: 'ltr', children: [text('English')] },
          ],
        },
      ],
    }
    const { xhtml } = render(articleFromTree(tree, { language: 'ar' }), { containerLanguage: 'en' })
    expect(xhtml).toBe('<p lang="ar" dir="rtl">عربي <span lang="en" dir="ltr">English</span></p>')
  })
})

describe('figure', () => {
  it('writes img, caption and credit; ids are unique and prefixed', async () => {
    const article = await parsed(
      '![A chart](chart.png "Energy use.")\n\n:::figure{credit="Photo: Desk"}\n![Hall](hall.png)\n\nThe *hall*.\n:::\n',
    )
    article.images = [okImage('chart.png'), okImage('hall.png', { path: 'images/hall.png' })]
    const { xhtml, rules } = render(article, { idPrefix: 'p-' })
    expect(xhtml).toContain(
      '<figure id="p-figure-1">\n<img src="chart.png" alt="A chart" width="10" height="20"/>\n<figcaption>Energy use.</figcaption>\n</figure>',
    )
    expect(xhtml).toContain(
      '<figure id="p-figure-2">\n<img src="images/hall.png" alt="Hall" width="10" height="20"/>\n<figcaption>The <em>hall</em>. <span class="credit">Photo: Desk</span></figcaption>\n</figure>',
    )
    expect(rules).toEqual([])
  })

  it('uses a placeholder for a missing image, inside the figure', async () => {
    const article = await parsed('![Gone](gone.png "Caption.")')
    const { xhtml, messages } = render(article)
    expect(xhtml).toContain(
      '<figure id="figure-1">\n<span class="image-placeholder" role="img" aria-label="Gone">[Image: Gone]</span>\n<figcaption>Caption.</figcaption>\n</figure>',
    )
    expect(messages).toHaveLength(1)
    expect(messages[0].ruleId).toBe('image-not-embedded')
    expect(messages[0].reason).toContain('missing')
    expect(messages[0].line).toBe(6)
  })
})

describe('phrasingToXhtml', () => {
  it('renders phrasing content (a bio) with footnote references as text', () => {
    const article = articleFromTree({ type: 'root', children: [] })
    const messages: string[] = []
    const xhtml = phrasingToXhtml(
      article,
      [
        text('Writes for '),
        { type: 'link', url: 'https://example.com', children: [text('Example')] },
        text(' & <more> '),
        { type: 'footnoteReference', identifier: 'x', label: 'x' },
      ],
      { report: (message) => messages.push(String(message.ruleId)) },
    )
    expect(xhtml).toBe(
      'Writes for <a href="https://example.com">Example</a> &amp; &lt;more&gt; [^x]',
    )
    expect(messages).toEqual(['footnote-outside-body'])
  })

  it('wraps in a span with lang when the container language differs', () => {
    const article = articleFromTree({ type: 'root', children: [] }, { language: 'ur' })
    expect(phrasingToXhtml(article, [text('اردو')], { containerLanguage: 'en' })).toBe(
      '<span lang="ur" dir="rtl">اردو</span>',
    )
  })
})

describe('superscript, subscript, abbr (the author’s <sup>, <sub>, <abbr title>)', () => {
  it('writes <sup>, <sub> and <abbr title>, no unknown-node, well-formed', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            text('H'),
            { type: 'subscript', children: [text('2')] },
            text('O at 10'),
            {
              type: 'superscript',
              children: [text('3'), { type: 'emphasis', children: [text('e')] }],
            },
            text(' kg, '),
            { type: 'abbr', title: 'Pressroom & "Co" <Ltd>', children: [text('PR')] },
            text(' '),
            { type: 'abbr', children: [text('UN')] },
          ],
        },
      ],
    }
    const { xhtml, rules } = render(articleFromTree(tree))
    expect(xhtml).toBe(
      '<p>H<sub>2</sub>O at 10<sup>3<em>e</em></sup> kg, <abbr title="Pressroom &amp; &quot;Co&quot; &lt;Ltd&gt;">PR</abbr> <abbr>UN</abbr></p>',
    )
    expect(rules).toEqual([])
  })

  it('renders them in phrasing alone (a caption, a bio)', () => {
    const xhtml = phrasingToXhtml(articleFromTree({ type: 'root', children: [] }), [
      text('x'),
      { type: 'superscript', children: [text('2')] },
    ])
    expect(xhtml).toBe('x<sup>2</sup>')
  })

  it('follows the reader from raw HTML to elements', async () => {
    const { parseArticle } = await import('@pressroom/article')
    const article = await parseArticle(
      '---\ntitle: T\n---\nH<sub>2</sub>O at 10<sup>3</sup> kg; <abbr title="Pressroom">PR</abbr>.\n',
      { path: 'a.md' },
    )
    const { xhtml, rules } = render(article)
    expect(xhtml).toBe(
      '<p>H<sub>2</sub>O at 10<sup>3</sup> kg; <abbr title="Pressroom">PR</abbr>.</p>',
    )
    expect(rules).toEqual([])
  })
})

describe('descriptionList (the author’s <dl>)', () => {
  it('writes <dl> with <dt> and <dd>, a lone paragraph unwrapped, several kept', async () => {
    const { parseArticle } = await import('@pressroom/article')
    const article = await parseArticle(
      [
        '---',
        'title: T',
        '---',
        '<dl>',
        '  <dt>Reefer</dt>',
        '  <dd>A refrigerated container.</dd>',
        '  <dt>The <em>stevedore</em></dt><dt>Docker</dt>',
        '  <dd>A worker who <b>loads</b> ships.<p>Two</p></dd>',
        '</dl>',
        '',
      ].join('\n'),
      { path: 'a.md' },
    )
    const { xhtml, rules } = render(article)
    expect(xhtml).toBe(
      [
        '<dl>',
        '<dt>Reefer</dt>',
        '<dd>A refrigerated container.</dd>',
        '<dt>The <em>stevedore</em></dt>',
        '<dt>Docker</dt>',
        '<dd>',
        '<p>A worker who <strong>loads</strong> ships.</p>',
        '<p>Two</p>',
        '</dd>',
        '</dl>',
      ].join('\n'),
    )
    expect(rules).toEqual([])
  })
})
