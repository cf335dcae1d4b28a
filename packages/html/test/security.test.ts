import { describe, expect, it } from 'vitest'
import { escapeXml } from '../src/index.js'
import { articleFromMarkdown, md, okImage, render, wellFormed } from './helpers.js'

const hostile = [
  '# Title',
  '# Title',
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<div style="width: expression(alert(1))">css</div>',
  '<svg onload="alert(1)"><script>alert(2)</script></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<form action="javascript:alert(1)"><input type="submit"></form>',
  '',
  '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](jav&#x09;ascript:alert(1))',
  '[d](&#106;avascript:alert(1)) [e](java%0Ascript:alert(1)) [f]( javascript:alert(1))',
  '[g](vbscript:msgbox(1)) [h](data:text/html;base64,PHNjcmlwdD4=) [i](DATA:image/png,x)',
  '[j](<java\u0000script:alert(1)>) [k](jav\u00ADascript:x) [l][ref] <javascript:alert(1)>',
  '![m](javascript:alert(1)) ![n](data:image/png;base64,AAAA) ![o](https://evil.example/x.png)',
  '',
  'Control \u0001char\u0008acters\u000B\u000C\u007F\u0085\uFFFE\uFFFF and \uD800 lone.',
  '',
  'Notes[^n] and again[^n][^N].',
  '',
  '[^n]: First note.',
  '[^n]: Duplicate note.',
  '',
  '[ref]: javascript:alert(1)',
].join('\n')

function assertClean(xhtml: string) {
  const lower = xhtml.toLowerCase()
  for (const bad of [
    '<script',
    '<iframe',
    '<style',
    '<object',
    '<embed',
    '<svg',
    '<math',
    '<form',
    '<input',
    'expression(',
    'style=',
    'evil.example',
    '&apos;',
  ]) {
    expect(lower).not.toContain(bad)
  }
  expect(xhtml).not.toMatch(/\son[a-z]+\s*=/i)
  // Unsafe schemes never reach an attribute (as visible text they are harmless).
  expect(xhtml).not.toMatch(/="[^"]*(javascript|vbscript|data):/i)
  expect(xhtml).not.toMatch(/<a href="[^"#/]*script/i)
  expect(xhtml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/)
  expect(xhtml).not.toMatch(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
  )
  wellFormed(xhtml)
}

describe('a hostile article', () => {
  for (const flavor of ['web', 'epub'] as const) {
    it(`never yields script, handlers, unsafe URLs, embeds or controls (${flavor})`, () => {
      const article = articleFromMarkdown(hostile, {
        images: [
          { src: 'https://evil.example/x.png', status: 'remote' },
          okImage('javascript:alert(1)'),
        ],
      })
      const { xhtml, rules, headings } = render(article, { flavor })
      assertClean(xhtml)
      expect(headings.map((heading) => heading.id)).toEqual(['title', 'title-1'])
      expect(xhtml).toContain('First note.')
      expect(xhtml).not.toContain('Duplicate note.')
      expect(xhtml).toContain('Control characters and  lone.')
      expect(rules).toContain('raw-html')
      expect(rules).toContain('unsafe-url')
      // The reader reports the duplicate (once); the writer only uses its first definition.
      expect(article.messages.map((message) => message.ruleId)).toContain('duplicate-footnote')
      expect(rules).not.toContain('duplicate-footnote')
      expect(rules).toContain('image-not-embedded')
      expect(rules.filter((rule) => rule === 'control-character')).toHaveLength(1)
      // Unique ids everywhere.
      const ids = [...xhtml.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1])
      expect(new Set(ids).size).toBe(ids.length)
    })
  }

  it('sanitises what custom handlers produce', () => {
    const article = articleFromMarkdown('Hello')
    const { xhtml } = render(article, {
      handlers: {
        paragraph: () => [
          {
            type: 'element',
            tagName: 'p',
            properties: { onClick: 'x()', style: 'color:red', id: 'ok', className: ['c'] },
            children: [
              {
                type: 'element',
                tagName: 'script',
                properties: {},
                children: [{ type: 'text', value: 'x()' }],
              },
              {
                type: 'element',
                tagName: 'a',
                properties: { href: 'javascript:x()' },
                children: [{ type: 'text', value: 'a' }],
              },
              {
                type: 'element',
                tagName: 'img',
                properties: { src: 'data:image/png,x', alt: 'i' },
                children: [],
              },
              {
                type: 'element',
                tagName: 'iframe',
                properties: { src: 'https://e.example' },
                children: [],
              },
            ],
          },
        ],
      },
    })
    expect(xhtml).toBe('<p id="ok" class="c"><a>a</a><img alt="i"/></p>')
  })
})

describe('control characters', () => {
  it('are removed with one warning per node, at its position', () => {
    const { xhtml, messages } = md('a\u0001b\u0002c\n\n[x\u0003](<https://e.org/\u0004>) `\u0005`')
    expect(xhtml).toBe('<p>abc</p>\n<p><a href="https://e.org/%04">x</a> <code></code></p>')
    const places = messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)
    expect(places).toEqual([
      'control-character@1:1',
      'control-character@3:2',
      'control-character@3:25',
    ])
  })
})

describe('escapeXml', () => {
  it('escapes the five characters (no &apos;) and removes controls', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0001\uFFFF`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
  })
})
