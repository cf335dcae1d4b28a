import { describe, expect, it } from 'vitest'
import { parseArticle, parseConfig } from '../src/index.js'

describe('links and ids, decided once', () => {
  it('gives headings GitHub slugs or their {#id}, and keeps #fragment links that land', async () => {
    const article = await parseArticle(
      '---\ntitle: T\n---\n## First part {#intro}\n\n## Second part\n\n## Second part\n\n### مقدمة الكتاب\n\nSee [intro](#intro), [two](#second-part-1), [ar](#مقدمة-الكتاب) and [nowhere](#missing).\n',
      { path: 'l.md' },
    )
    const headings = article.tree.children.filter((node) => node.type === 'heading')
    expect(headings.map((node) => node.data?.id)).toEqual([
      'intro',
      'second-part',
      'second-part-1',
      'مقدمة-الكتاب',
    ])
    expect(JSON.stringify(headings[0])).not.toContain('{#')
    const paragraph = article.tree.children.at(-1)
    expect(paragraph).toMatchObject({
      children: [
        { type: 'text', value: 'See ' },
        { type: 'link', url: '#intro' },
        { type: 'text', value: ', ' },
        { type: 'link', url: '#second-part-1' },
        { type: 'text', value: ', ' },
        { type: 'link' },
        { type: 'text', value: ' and nowhere.' },
      ],
    })
    const broken = article.messages.filter((m) => m.ruleId === 'broken-fragment')
    expect(broken).toHaveLength(1)
    expect(broken[0].reason).toMatch(/#missing/)
  })

  it('resolves relative and site-absolute links against the article URL', async () => {
    const { config } = parseConfig('base_url: https://news.example/\n', '/site/pressroom.yaml')
    const article = await parseArticle(
      '---\ntitle: T\n---\n[a](/notices/) [b](../../2021/05/10/x.html) [c][ref] [d](//cdn.example/x) [e](mailto:a@b.c)\n\n[ref]: other.html\n\n[f](sibling.md#part)\n',
      { path: '/site/posts/story.md', config },
    )
    const urls: string[] = []
    const walk = (node: { type: string; url?: string; children?: unknown[] }) => {
      if ((node.type === 'link' || node.type === 'definition') && node.url) urls.push(node.url)
      for (const child of node.children ?? []) walk(child as typeof node)
    }
    walk(article.tree)
    expect(urls).toEqual([
      'https://news.example/notices/',
      'https://news.example/2021/05/10/x.html',
      'https://cdn.example/x',
      'mailto:a@b.c',
      'https://news.example/articles/other.html',
      'https://news.example/articles/sibling#part',
    ])
    const canonical = await parseArticle(
      '---\ntitle: T\ncanonical_url: https://blog.example/2021/05/10/story.html\n---\n[a](/notices/) [b](next.html)\n',
      { path: '/site/posts/story.md', config },
    )
    expect(JSON.stringify(canonical.tree)).toContain('https://blog.example/notices/')
    expect(JSON.stringify(canonical.tree)).toContain('https://blog.example/2021/05/10/next.html')
  })

  it('writes a relative link as text, once reported, when the article has no URL', async () => {
    const article = await parseArticle('---\ntitle: T\n---\n[a](/x/) and [b](y.html)\n', {
      path: 'n.md',
    })
    expect(article.derived.plainText).toBe('a and b')
    expect(JSON.stringify(article.tree)).not.toContain('"link"')
    expect(article.messages.filter((m) => m.ruleId === 'relative-link')).toHaveLength(1)
  })
})
