import { xhtmlHarness } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
import { toXhtml } from '../src/index.js'

const { md } = xhtmlHarness(toXhtml)

describe('heading', () => {
  it('writes ids slugged from the text, unique in the fragment', () => {
    const { xhtml, headings } = md('## Hello World\n\n## Hello World\n\n### Hello World-1\n\n## ?!')
    expect(xhtml).toContain('<h2 id="hello-world">Hello World</h2>')
    expect(xhtml).toContain('<h2 id="hello-world-1">Hello World</h2>')
    expect(xhtml).toContain('<h3 id="hello-world-1-1">Hello World-1</h3>')
    expect(xhtml).toContain('<h2 id="section">?!</h2>')
    expect(headings).toEqual([
      { depth: 2, text: 'Hello World', id: 'hello-world' },
      { depth: 2, text: 'Hello World', id: 'hello-world-1' },
      { depth: 3, text: 'Hello World-1', id: 'hello-world-1-1' },
      { depth: 2, text: '?!', id: 'section' },
    ])
  })

  it('applies idPrefix and headingOffset (clamped to 6)', () => {
    const { xhtml, headings } = md('# One *em*\n\n###### Six', {
      idPrefix: 'c2-',
      headingOffset: 1,
    })
    expect(xhtml).toContain('<h2 id="c2-one-em">One <em>em</em></h2>')
    expect(xhtml).toContain('<h6 id="c2-six">Six</h6>')
    expect(headings.map((heading) => heading.depth)).toEqual([2, 6])
  })

  it('slugs non-Latin text', () => {
    const { headings } = md('## ماذا بعد؟', { language: 'ar' })
    expect(headings[0].id).toBe('ماذا-بعد')
  })

  it('accepts a negative headingOffset, clamped to h1, notes heading too', () => {
    const { xhtml, headings } = md('## Two\n\n### Three\n\nA[^1].\n\n[^1]: n', {
      headingOffset: -2,
    })
    expect(headings.map((heading) => heading.depth)).toEqual([1, 1])
    expect(xhtml).toContain('<h1 id="two">Two</h1>')
    expect(xhtml).toContain('<h1>Notes</h1>')
  })
})

describe('ids decided by the reader', () => {
  it('writes the reader’s heading ids and in-page links with the id prefix', async () => {
    const { parseArticle } = await import('@pressroom/article')
    const article = await parseArticle(
      '---\ntitle: T\n---\n## Start here {#start}\n\n## Next\n\nBack to [the start](#start) or [next](#next).\n',
      { path: 'ids.md' },
    )
    const { xhtml } = toXhtml(article, { idPrefix: 'c1-' })
    expect(xhtml).toContain('<h2 id="c1-start">Start here</h2>')
    expect(xhtml).toContain('<h2 id="c1-next">Next</h2>')
    expect(xhtml).toContain('<a href="#c1-start">the start</a>')
    expect(xhtml).toContain('<a href="#c1-next">next</a>')
  })
})
