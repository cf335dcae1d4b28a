import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/index.js'

describe('loadConfig, the one config loader', () => {
  it('reads the folder’s own file, or looks up to a given folder, naming it as asked', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'pressroom-config-'))
    const desk = path.join(root, 'content', 'desk')
    await mkdir(desk, { recursive: true })
    await writeFile(path.join(root, 'content', 'pressroom.yaml'), 'language: fr\nbase_url: 42\n')

    expect((await loadConfig(desk)).config.language).toBeUndefined()
    const found = await loadConfig(desk, { upTo: root, relativeTo: root })
    expect(found.config.language).toBe('fr')
    expect(found.file).toBe(path.join(root, 'content', 'pressroom.yaml'))
    expect(found.text).toContain('language: fr')
    // Messages name the file relative to the folder asked for.
    expect(found.messages.map((message) => message.file)).toEqual([
      path.join('content', 'pressroom.yaml'),
    ])
    // Never above the limit.
    expect((await loadConfig(desk, { upTo: desk })).config.language).toBeUndefined()
  })
})

describe('the language in a file name (Hugo multilingual pages)', () => {
  it('reads `slug.fa.md` as Persian when the frontmatter gives no language; the frontmatter wins', async () => {
    const { parseArticle } = await import('../src/index.js')
    const persian = await parseArticle('---\ntitle: مترو\n---\nمتن.\n', {
      path: '/site/content/posts/tehran-metro.fa.md',
    })
    expect([persian.meta.language, persian.meta.slug, persian.derived.dir]).toEqual([
      'fa',
      'tehran-metro',
      'rtl',
    ])
    const bundle = await parseArticle('---\ntitle: 地铁\n---\n正文。\n', {
      path: '/site/content/posts/metro/index.zh-hans.md',
    })
    expect([bundle.meta.language, bundle.meta.slug]).toEqual(['zh-Hans', 'metro'])
    const given = await parseArticle('---\ntitle: T\nlanguage: en\n---\nText.\n', {
      path: '/site/x/tehran-metro.fa.md',
    })
    expect(given.meta.language).toBe('en')
    for (const [name, slug] of [
      ['report.final.md', 'reportfinal'],
      ['v1.2.md', 'v12'],
      ['page.api.md', 'pageapi'],
    ]) {
      const plain = await parseArticle('---\ntitle: T\n---\nText.\n', { path: `/site/x/${name}` })
      expect({ name, language: plain.meta.language, slug: plain.meta.slug }).toEqual({
        name,
        language: 'en',
        slug,
      })
    }
  })
})
