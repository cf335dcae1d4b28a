import { describe, expect, it } from 'vitest'
import { parseArticle } from '../src/index.js'

const strip = (node: unknown): unknown => {
  const record = node as { position?: unknown; children?: unknown[] }
  delete record.position
  record.children?.forEach(strip)
  return node
}

describe('site template syntax is read, never printed', () => {
  it('turns Liquid, Nunjucks, Hugo, MDX and kramdown constructs into their meaning', async () => {
    const source = [
      '---',
      'title: T',
      '---',
      "import Note from '@site/Note'",
      '',
      '{/* a hidden MDX comment */}',
      '',
      'Intro {{ site.baseurl }} see [the notices]({{ "/notices/" | url }}).',
      '{: .lead}',
      '',
      '{{< figure src="images/a.png" alt="An A" caption="The caption" >}}',
      '',
      '{% include figure.html image="images/b.png" alt="B alt" caption="B cap" %}',
      '',
      '{{% note %}}',
      'Inside a **note**.',
      '{{% /note %}}',
      '',
      '{{< youtube abc123 >}}',
      '',
      '{% highlight ruby %}',
      'def x = {{ y }}',
      '{% endhighlight %}',
      '',
      '## Heading {#custom-id}',
      '',
      'Text with `{% inline %}` code and {# nunjucks #} comment; {% raw %}{{ shown }}{% endraw %}.',
      '',
    ].join('\n')
    const article = await parseArticle(source, {
      path: 't.md',
      config: { sections: {}, baseUrl: 'https://site.example/' },
    })
    const tree = strip(article.tree) as typeof article.tree
    expect(tree.children.map((node) => node.type)).toEqual([
      'paragraph',
      'figure',
      'figure',
      'aside',
      'code',
      'heading',
      'paragraph',
    ])
    expect(tree.children[0]).toMatchObject({
      children: [
        { type: 'text', value: 'Intro  see ' },
        { type: 'link', url: 'https://site.example/notices/' },
        { type: 'text', value: '.' },
      ],
    })
    expect(tree.children[4]).toMatchObject({ lang: 'ruby', value: 'def x = {{ y }}' })
    expect(tree.children[5]).toMatchObject({ data: { id: 'custom-id' } })
    expect(article.derived.plainText).toContain(
      'Text with {% inline %} code and comment; {{ shown }}.',
    )
    for (const marker of ['{/*', '{{<', '{%  ', '{:', '{#', 'import Note'])
      expect(article.derived.plainText.replace('{% inline %}', '')).not.toContain(marker)
    const found = article.messages
      .filter((m) => m.ruleId === 'template-syntax')
      .map((m) => `${m.line}:${m.column} ${/\(([^,]+),/.exec(m.reason)?.[1]}`)
    expect(found).toEqual([
      '4:1 MDX import/export',
      '6:1 MDX comment',
      '8:7 Liquid/Nunjucks output',
      '9:1 kramdown attribute list',
      '11:1 Hugo shortcode',
      '13:1 Liquid tag',
      '27:35 Nunjucks comment',
    ])
  })
})
