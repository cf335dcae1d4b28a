import { describe, expect, it } from 'vitest'
import { articleFromMarkdown, md, render } from './helpers.js'

const source =
  'One[^b] two[^a] three[^b].\n\n[^a]: Note A.\n[^b]: Note B, see[^c].\n[^c]: Note C.\n'

describe('footnotes (web)', () => {
  it('numbers notes by first reference, gives every reference its own id, backlinks each', () => {
    const { xhtml, rules } = md(source)
    expect(xhtml).toContain(
      '<a href="#fn-b" id="fnref-b" role="doc-noteref"><sup>1</sup></a> two<a href="#fn-a" id="fnref-a" role="doc-noteref"><sup>2</sup></a> three<a href="#fn-b" id="fnref-b-2" role="doc-noteref"><sup>1</sup></a>',
    )
    expect(xhtml).toContain('<section class="footnotes" role="doc-endnotes" id="footnotes">')
    expect(xhtml).toContain('<h2>Notes</h2>')
    const order = [...xhtml.matchAll(/<li id="([^"]+)">/g)].map((m) => m[1])
    expect(order).toEqual(['fn-b', 'fn-a', 'fn-c'])
    expect(xhtml).toContain(
      '<a href="#fnref-b" role="doc-backlink" aria-label="Back to text 1">↩</a> <a href="#fnref-b-2" role="doc-backlink" aria-label="Back to text 2">↩<sup>2</sup></a>',
    )
    expect(xhtml).toContain(
      '<a href="#fnref-c" role="doc-backlink" aria-label="Back to text">↩</a>',
    )
    expect(rules).toEqual([])
  })

  it('prefixes ids and localises the heading', () => {
    const { xhtml } = md('Hi[^1].\n\n[^1]: Note.', { idPrefix: 'ch3-', language: 'de' })
    expect(xhtml).toContain('href="#ch3-fn-1" id="ch3-fnref-1"')
    expect(xhtml).toContain('<h2>Anmerkungen</h2>')
    expect(xhtml).toContain('id="ch3-fn-1"')
    expect(xhtml).toContain('aria-label="Zurück zum Text"')
  })

  it('does not collide with heading ids', () => {
    const { xhtml } = md('## fn 1\n\nHi[^1].\n\n[^1]: Note.')
    expect(xhtml).toContain('<h2 id="fn-1">')
    expect(xhtml).toContain('href="#fn-1-1"')
    expect(xhtml).toContain('<li id="fn-1-1"')
  })

  it('reports duplicate labels (first wins), unused notes and undefined references', () => {
    const article = articleFromMarkdown(
      'A[^x].\n\n[^x]: First.\n\n[^x]: Second.\n\n[^unused]: Never.',
    )
    const tree = render(article)
    expect(tree.xhtml).toContain('First.')
    expect(tree.xhtml).not.toContain('Second.')
    expect(tree.xhtml).not.toContain('Never.')
    // The reader decides and reports (once, in `article.messages`); the writer reports neither again.
    const rules = [...article.messages.map((message) => String(message.ruleId)), ...tree.rules]
    expect(rules.sort()).toEqual(['duplicate-footnote', 'unused-footnote'])
    expect(tree.rules).toEqual([])
  })

  it('uses the reader’s footnotes: a note cited only from a left-out note is left out, reported', () => {
    const article = articleFromMarkdown('A.\n\n[^u]: Uncited, cites[^v].\n\n[^v]: Vee.')
    expect(article.footnotes.map((footnote) => [footnote.identifier, footnote.referenced])).toEqual(
      [
        ['u', false],
        ['v', true],
      ],
    )
    const tree = render(article)
    expect(tree.xhtml).not.toContain('Vee.')
    expect(article.messages.map((message) => message.ruleId)).toEqual(['unused-footnote'])
    expect(tree.rules).toEqual(['unused-footnote'])
  })
})

describe('footnotes (epub)', () => {
  it('writes noterefs and footnote asides after the body, each with its number', () => {
    const { xhtml } = md(source, { flavor: 'epub' })
    expect(xhtml).toContain(
      '<a href="#fn-b" id="fnref-b" epub:type="noteref" role="doc-noteref"><sup>1</sup></a>',
    )
    expect(xhtml).not.toContain('<section')
    expect(xhtml).toContain(
      '<aside epub:type="footnote" role="doc-footnote" id="fn-b">\n<p><a href="#fnref-b" role="doc-backlink">1.</a> Note B, see<a href="#fn-c" id="fnref-c" epub:type="noteref" role="doc-noteref"><sup>3</sup></a>.</p>\n</aside>',
    )
    const asides = [
      ...xhtml.matchAll(/<aside epub:type="footnote" role="doc-footnote" id="([^"]+)">/g),
    ]
    expect(asides.map((m) => m[1])).toEqual(['fn-b', 'fn-a', 'fn-c'])
    // After the body.
    expect(xhtml.indexOf('<aside')).toBeGreaterThan(xhtml.indexOf('three'))
  })

  it('numbers a note whose content is not a paragraph', () => {
    const { xhtml } = md('A[^1].\n\n[^1]:\n    ```\n    code\n    ```', { flavor: 'epub' })
    expect(xhtml).toContain('<p><a href="#fnref-1" role="doc-backlink">1.</a></p>')
  })
})
