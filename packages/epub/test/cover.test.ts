import { describe, expect, it } from 'vitest'
import { renderEpub } from '../src/index.js'
import { wrapText } from '../src/lib/cover.js'
import { contentArticle, findAll, parseXml, unzip } from './helpers.js'

async function coverItem(bytes: Uint8Array) {
  const book = await unzip(bytes)
  const opf = parseXml(await book.text('OEBPS/content.opf'))
  const item = findAll(
    opf,
    (element) =>
      element.local === 'item' &&
      (element.attributes.properties ?? '').split(' ').includes('cover-image'),
  )
  return { book, items: item }
}

describe('cover', () => {
  it('is the hero image when the article has one that can be embedded', async () => {
    const article = await contentArticle('seawater-to-tap-water')
    const hero = article.images.find((image) => image.src === article.meta.image?.src)
    expect(hero?.status).toBe('ok')
    const { book, items } = await coverItem(await renderEpub(article))
    expect(items).toHaveLength(1)
    const href = items[0]?.attributes.href ?? ''
    expect(href).toBe('images/img-001.jpg')
    expect(items[0]?.attributes['media-type']).toBe(hero?.mediaType)
    expect(
      Buffer.from(await book.bytes(`OEBPS/${href}`)).equals(Buffer.from(hero?.bytes ?? [])),
    ).toBe(true)
    const cover = await book.text('OEBPS/cover.xhtml')
    expect(cover).toContain(
      `<img src="images/img-001.jpg" alt="${article.meta.image?.alt}" role="doc-cover"/>`,
    )
    expect(book.names).not.toContain('OEBPS/images/cover.svg')
    // The hero's caption and credit are on the title page.
    expect(await book.text('OEBPS/title.xhtml')).toContain('Cover image: ')
  })

  it('is generated as SVG from headline, section, byline and publisher otherwise', async () => {
    const article = await contentArticle('pakistan-restores-deterrence')
    expect(article.meta.image).toBeUndefined()
    const { book, items } = await coverItem(await renderEpub(article))
    expect(items.map((item) => [item.attributes.href, item.attributes['media-type']])).toEqual([
      ['images/cover.svg', 'image/svg+xml'],
    ])
    const svg = await book.text('OEBPS/images/cover.svg')
    const root = parseXml(svg).children[0]
    expect(root?.local).toBe('svg')
    expect(svg).not.toMatch(/<script|href=|<foreignObject/i)
    const lines = findAll(parseXml(svg), (element) => element.local === 'text').map(
      (element) => element.text,
    )
    expect(lines[0]).toBe('Opinion')
    expect(lines.join(' ')).toContain(
      'Pakistan restores deterrence while Iran loses its reputation',
    )
    expect(lines).toContain('By Umar Karim')
    expect(lines).toContain('Arab News')
    expect(await book.text('OEBPS/cover.xhtml')).toContain(
      'alt="Cover: Pakistan restores deterrence while Iran loses its reputation — By Umar Karim — Arab News"',
    )
  })

  it('can be forced to the generated one, or left out', async () => {
    const article = await contentArticle('seawater-to-tap-water')
    const generated = await coverItem(await renderEpub(article, { cover: 'generated' }))
    expect(generated.items[0]?.attributes.href).toBe('images/cover.svg')
    const none = await unzip(await renderEpub(article, { cover: 'none' }))
    expect(none.names).not.toContain('OEBPS/cover.xhtml')
  })

  it('wraps long headlines into lines that fit', () => {
    const lines = wrapText(
      'Pakistan restores deterrence while Iran loses its reputation and a verylongwordthatcannotfitonasinglelineofthecover',
      10,
    )
    expect(lines.length).toBeGreaterThan(3)
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(20)
    expect(lines.join(' ').replace(/ /g, '')).toBe(
      'PakistanrestoresdeterrencewhileIranlosesitsreputationandaverylongwordthatcannotfitonasinglelineofthecover',
    )
  })
})
