import { articleFromTree, xhtmlHarness } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
import { toXhtml } from '../src/index.js'

const { md, render } = xhtmlHarness(toXhtml)

describe('paragraph, emphasis, strong, delete, inline code, break, thematic break', () => {
  it('writes the elements, self-closing only void ones', () => {
    const { xhtml } = md('*a* **b** ~~c~~ `d\ne`  \nf\n\n***')
    expect(xhtml).toBe(
      '<p><em>a</em> <strong>b</strong> <del>c</del> <code>d e</code><br/>\nf</p>\n<hr/>',
    )
  })

  it('escapes text and never writes &apos;', () => {
    const { xhtml } = md('Tom & Jerry\'s 1 < 2 &lt;tag&gt; ]]> "q"')
    expect(xhtml).toBe('<p>Tom &amp; Jerry\'s 1 &lt; 2 &lt;tag&gt; ]]&gt; "q"</p>')
    expect(xhtml).not.toContain('&apos;')
  })
})

describe('blockquote', () => {
  it('wraps its blocks', () => {
    expect(md('> a\n>\n> b').xhtml).toBe('<blockquote>\n<p>a</p>\n<p>b</p>\n</blockquote>')
  })
})

describe('code', () => {
  it('writes pre/code with a language class', () => {
    expect(md('```js title="x"\nif (a < b) {}\n```').xhtml).toBe(
      '<pre><code class="language-js">if (a &lt; b) {}\n</code></pre>',
    )
    expect(md('```"><script>\nx\n```').xhtml).toBe(
      '<pre><code class="language-script">x\n</code></pre>',
    )
  })
})

describe('list and listItem', () => {
  it('writes tight and loose lists, ordered start', () => {
    expect(md('3. a\n4. b').xhtml).toBe('<ol start="3">\n<li>a</li>\n<li>b</li>\n</ol>')
    expect(md('- a\n\n- b').xhtml).toBe('<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>')
    expect(md('- a\n  - b').xhtml).toBe('<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul></li>\n</ul>')
  })

  it('writes task items as text boxes, no form controls', () => {
    const { xhtml } = md('- [x] done\n- [ ] todo')
    expect(xhtml).toBe(
      '<ul class="task-list">\n<li class="task-list-item">☑ done</li>\n<li class="task-list-item">☐ todo</li>\n</ul>',
    )
    expect(xhtml).not.toContain('<input')
  })
})

describe('table, tableRow, tableCell', () => {
  it('writes thead/tbody, th scope=col, alignment classes, pads short rows', () => {
    const { xhtml } = md('| a | b | c |\n|:--|:-:|--:|\n| 1 |\n')
    expect(xhtml).toBe(
      [
        '<table>',
        '<thead>',
        '<tr>',
        '<th scope="col" class="align-left">a</th>',
        '<th scope="col" class="align-center">b</th>',
        '<th scope="col" class="align-right">c</th>',
        '</tr>',
        '</thead>',
        '<tbody>',
        '<tr>',
        '<td class="align-left">1</td>',
        '<td class="align-center"></td>',
        '<td class="align-right"></td>',
        '</tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    )
    expect(xhtml).not.toContain('style')
    expect(xhtml).not.toContain('align=')
  })
})

describe('link, linkReference, definition', () => {
  it('keeps safe links and titles, resolves references', () => {
    const { xhtml, rules } = md(
      '[a](<https://x.org/a b> "T") [b][ref] [c][] [mail](mailto:a@b.c) [tel](tel:+123) [rel](../x.html#y) [frag](#top)\n\n[ref]: HTTPS://y.org\n[c]: /c',
    )
    expect(xhtml).toBe(
      '<p><a href="https://x.org/a%20b" title="T">a</a> <a href="https://y.org">b</a> <a href="/c">c</a> <a href="mailto:a@b.c">mail</a> <a href="tel:+123">tel</a> <a href="../x.html#y">rel</a> <a href="#top">frag</a></p>',
    )
    expect(rules).toEqual([])
  })

  it('drops unsafe URLs to plain text with a warning', () => {
    const { xhtml, messages } = md('[x](javascript:alert(1)) [y](ftp://a/b) [z](data:text/html,hi)')
    expect(xhtml).toBe('<p>x y z</p>')
    expect(messages.map((m) => m.ruleId)).toEqual(['unsafe-url', 'unsafe-url', 'unsafe-url'])
    expect(messages[0].column).toBe(1)
  })

  it('writes undefined references (hand-built trees) as text, reported', async () => {
    const result = render(
      articleFromTree({
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              {
                type: 'linkReference',
                identifier: 'nope',
                label: 'nope',
                referenceType: 'full',
                children: [{ type: 'text', value: 'x' }],
              },
            ],
          },
        ],
      }),
    )
    expect(result.xhtml).toBe('<p>[x][nope]</p>')
    expect(result.rules).toEqual(['undefined-reference'])
    const image = render(
      articleFromTree({
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              {
                type: 'imageReference',
                identifier: 'pic',
                label: 'pic',
                referenceType: 'collapsed',
                alt: 'A pic',
              },
            ],
          },
        ],
      }),
    )
    expect(image.xhtml).toBe('<p>![A pic][]</p>')
    expect(image.rules).toEqual(['undefined-reference'])
  })
})

describe('html', () => {
  it('drops raw HTML and reports it', () => {
    const { xhtml, messages } = md('<div onclick="x()">hi</div>\n\nText <b>bold</b>.')
    expect(xhtml).toBe('<p>Text bold.</p>')
    expect(messages.map((m) => m.ruleId)).toEqual(['raw-html', 'raw-html', 'raw-html'])
  })
})

describe('unknown', () => {
  it('reports the node and keeps its content', async () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'mystery', children: [{ type: 'text', value: 'inside' }] },
        { type: 'paragraph', children: [{ type: 'widget', value: 'w<' }] },
      ],
    }
    const { xhtml, rules } = render(articleFromTree(tree as any))
    expect(xhtml).toBe('<p>inside</p>\n<p>w&lt;</p>')
    expect(rules).toEqual(['unknown-node', 'unknown-node'])
  })

  it('lets callers add handlers', async () => {
    const tree = { type: 'root', children: [{ type: 'mystery' }] }
    const { xhtml, rules } = render(articleFromTree(tree as any), {
      handlers: {
        mystery: () => ({ type: 'element', tagName: 'p', properties: {}, children: [] }),
      },
    })
    expect(xhtml).toBe('<p></p>')
    expect(rules).toEqual([])
  })
})
