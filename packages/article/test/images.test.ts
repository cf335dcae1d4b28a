import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { hasErrors, parseArticle, parseConfig, sniffImage } from '../src/index.js'

let site: string
beforeAll(async () => {
  site = await mkdtemp(path.join(tmpdir(), 'pressroom-site-'))
  await mkdir(path.join(site, 'assets'), { recursive: true })
  await mkdir(path.join(site, '_posts'), { recursive: true })
  const red = sharp({ create: { width: 4, height: 3, channels: 3, background: '#c00' } })
  await writeFile(path.join(site, 'assets', 'chart.webp'), await red.clone().webp().toBuffer())
  await writeFile(path.join(site, 'assets', 'anim.gif'), await red.clone().gif().toBuffer())
  await writeFile(
    path.join(site, 'assets', 'logo.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="5" onload="alert(1)"><script>alert(2)</script><image xlink:href="https://evil.example/x.png" width="5" height="5"/><rect width="10" height="5" fill="blue"/></svg>',
  )
})

describe('images as real sites have them', () => {
  it('finds site-absolute paths under the site root, converts WebP, GIF and SVG to PNG', async () => {
    const { config } = parseConfig('language: en\n', path.join(site, 'pressroom.yaml'))
    const article = await parseArticle(
      '---\ntitle: T\n---\n![Chart](/assets/chart.webp) ![Logo](../assets/logo.svg) ![Anim](/assets/anim.gif) ![Gone](/assets/gone.png)\n',
      { path: path.join(site, '_posts', '2024-01-02-post.md'), config },
    )
    expect(hasErrors(article.messages)).toBe(false)
    const bySrc = Object.fromEntries(article.images.map((image) => [image.src, image]))
    expect(bySrc['/assets/chart.webp']).toMatchObject({
      status: 'ok',
      mediaType: 'image/png',
      width: 4,
      height: 3,
      path: '../assets/chart.webp',
      original: { mediaType: 'image/webp' },
    })
    expect(sniffImage(bySrc['/assets/chart.webp'].bytes!)?.mediaType).toBe('image/png')
    expect(bySrc['../assets/logo.svg']).toMatchObject({
      status: 'ok',
      mediaType: 'image/png',
      original: { mediaType: 'image/svg+xml' },
    })
    const svg = new TextDecoder().decode(bySrc['../assets/logo.svg'].original!.bytes)
    expect(svg).not.toMatch(/script|onload|evil\.example/)
    expect(svg).toContain('<rect')
    expect(bySrc['/assets/anim.gif']).toMatchObject({
      status: 'ok',
      mediaType: 'image/png',
      original: { mediaType: 'image/gif' },
    })
    expect(bySrc['/assets/gone.png'].status).toBe('missing')
    const missing = article.messages.find((m) => m.ruleId === 'image-missing')
    expect(missing?.fatal).toBe(false)
  })

  it('suggests the image meant by a misspelt name', async () => {
    const article = await parseArticle('---\ntitle: T\n---\n![Chart](assets/chart.wepb)\n', {
      path: path.join(site, 'a.md'),
    })
    expect(article.messages.find((m) => m.ruleId === 'image-missing')?.reason).toMatch(
      /did you mean `assets\/chart\.webp`\?/,
    )
  })

  it('never reads outside the site root', async () => {
    const article = await parseArticle('---\ntitle: T\n---\n![x](../../etc/passwd)\n', {
      path: path.join(site, '_posts', 'b.md'),
      siteRoot: site,
    })
    expect(article.images[0].status).toBe('outside')
  })

  it('converts deterministically', async () => {
    const read = () =>
      parseArticle('---\ntitle: T\n---\n![Logo](/assets/logo.svg)\n', {
        path: path.join(site, 'c.md'),
      })
    const [a, b] = [await read(), await read()]
    expect(a.images[0].sha256).toBe(b.images[0].sha256)
  })
})

describe('reference-style images', () => {
  it('read the image from the article folder even when the article has a web address; a link sharing the definition gets the web address', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pressroom-ref-'))
    await writeFile(
      path.join(folder, 'chart.png'),
      await sharp({ create: { width: 4, height: 3, channels: 3, background: '#c00' } })
        .png()
        .toBuffer(),
    )
    const article = await parseArticle(
      '---\ntitle: T\ncanonical_url: https://example.com/news/t\n---\n![A chart][c]\n\nSee [the chart][c].\n\n[c]: chart.png "Chart"\n',
      { path: path.join(folder, 't.md') },
    )
    expect(article.messages.map(String)).toEqual([])
    expect(article.images.map((image) => [image.src, image.status])).toEqual([['chart.png', 'ok']])
    const links: string[] = []
    const visit = (node: { type: string; url?: string; children?: unknown[] }) => {
      if (node.type === 'link' && node.url) links.push(node.url)
      for (const child of (node.children ?? []) as (typeof node)[]) visit(child)
    }
    visit(article.tree as never)
    expect(links).toEqual(['https://example.com/news/chart.png'])
  })
})
