import { articleFromMarkdown, okImage, wellFormed, xhtmlHarness } from '@pressroom/test-helpers'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toXhtml } from '../src/index.js'

const { render } = xhtmlHarness(toXhtml)

const pieces = fc.constantFrom(
  '<',
  '>',
  '&',
  '&amp;',
  '&#x09;',
  '"',
  "'",
  '[^',
  '[^1]',
  '[^1]: note\n',
  '![',
  '](',
  ')',
  '[',
  ']',
  ':::',
  ':::pullquote\n',
  '\n',
  '\n\n',
  '# ',
  '## ',
  '- ',
  '1. ',
  '- [ ] ',
  '> ',
  '```',
  '`',
  '|',
  '|-|\n',
  '*',
  '_',
  '~~',
  '\\',
  '<script>',
  '<img src=x onerror=alert(1)>',
  'javascript:',
  'JaVaScRiPt:',
  'jav&#x09;ascript:',
  'data:',
  'on',
  'onclick=',
  '=',
  ']]>',
  '\u0000',
  '\u0001',
  '\u000B',
  '\u007F',
  '\u0085',
  '\uFFFE',
  '\uD800',
  '\uDC00',
  'https://x.org',
  '[x]: javascript:y\n',
  'img.png',
)

const markdownish = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: pieces },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    ),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(''))

describe('any Markdown-ish input', () => {
  it('gives well-formed XML with no script, no event handler, no javascript: attribute', () => {
    fc.assert(
      fc.property(
        markdownish,
        fc.constantFrom('web' as const, 'epub' as const),
        (source, flavor) => {
          const article = articleFromMarkdown(source, { images: [okImage('img.png')] })
          // `render` parses the output with saxes and throws if it is not well-formed.
          const { xhtml } = render(article, { flavor, idPrefix: 'p-' })
          expect(xhtml).not.toMatch(/<script/i)
          const { elements, attributes } = wellFormed(xhtml)
          expect(elements).not.toContain('script')
          for (const [name, value] of attributes) {
            expect(name).not.toMatch(/^on/i)
            expect(name).not.toBe('style')
            expect(value).not.toMatch(/^\s*(javascript|vbscript|data):/i)
          }
          // No `on...=` inside any tag (text may say `onclick=`: it is escaped text).
          expect(xhtml).not.toMatch(/<[a-z][^<>]*\son[a-z]*\s*=/i)
          expect(xhtml).not.toMatch(/="[^"]*javascript:/i)
          expect(xhtml).not.toContain('&apos;')
          const ids = [...xhtml.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1])
          expect(new Set(ids).size).toBe(ids.length)
          // Deterministic.
          expect(render(article, { flavor, idPrefix: 'p-' }).xhtml).toBe(xhtml)
        },
      ),
      { numRuns: 500, seed: 20261124 },
    )
  }, 60_000)
})
