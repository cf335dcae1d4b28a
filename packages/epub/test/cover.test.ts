import {
  contentArticle,
  contentNames,
  epubcheckTs,
  findAll,
  parseXml,
  unzip,
} from '@pressroom/test-helpers'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { renderEpub } from '../src/index.js'
import { coverSvg, wrapText } from '../src/lib/cover.js'

async function cover(bytes: Uint8Array) {
  const book = await unzip(bytes)
  const opf = parseXml(await book.text('OEBPS/content.opf'))
  const items = findAll(
    opf,
    (element) =>
      element.local === 'item' &&
      (element.attributes.properties ?? '').split(' ').includes('cover-image'),
  )
  const epub2 = findAll(
    opf,
    (element) => element.local === 'meta' && element.attributes.name === 'cover',
  )
  const href = items[0]?.attributes.href ?? ''
  const image = href ? await book.bytes(`OEBPS/${href}`) : new Uint8Array()
  return { book, opf, items, epub2, href, image }
}

/** Mean absolute difference per channel (0-255) of two raw RGB images of the same size. */
function difference(a: Buffer, b: Buffer): number {
  let sum = 0
  for (let index = 0; index < a.length; index++) sum += Math.abs((a[index] ?? 0) - (b[index] ?? 0))
  return sum / a.length
}

/** The picture area of a 1600 x 2560 cover, a few pixels inside the gold frame. */
const AREA = { left: 74, top: 74, width: 1452, height: 1042 }

describe('cover', () => {
  it('is a portrait 1600 x 2560 JPEG for every content article and a collection, marked both ways', async () => {
    const articles = await Promise.all(contentNames.map((name) => contentArticle(name)))
    for (const input of [...articles, articles]) {
      const { items, epub2, href, image, book } = await cover(await renderEpub(input))
      expect(items).toHaveLength(1)
      expect(href).toBe('images/cover.jpg')
      expect(items[0]?.attributes['media-type']).toBe('image/jpeg')
      expect(items[0]?.attributes.id).toBe('cover-image')
      // EPUB 2 reading systems (and Kindle's converters) find it by <meta name="cover">.
      expect(epub2.map((meta) => meta.attributes.content)).toEqual(['cover-image'])
      const info = await sharp(image).metadata()
      expect([info.format, info.width, info.height]).toEqual(['jpeg', 1600, 2560])
      expect(await book.text('OEBPS/cover.xhtml')).toMatch(
        /<img src="images\/cover\.jpg" alt="[^"]{20,}" role="doc-cover"\/>/,
      )
    }
  })

  it('carries the headline, section, byline and publisher (in its alt text as well)', async () => {
    const article = await contentArticle('pakistan-restores-deterrence')
    const { book, image } = await cover(await renderEpub(article))
    expect(await book.text('OEBPS/cover.xhtml')).toContain(
      'alt="Cover: Pakistan restores deterrence while Iran loses its reputation — By Umar Karim — Arab News"',
    )
    // A different headline draws a different cover: the text is on the image.
    const other = structuredClone(article)
    other.meta.title = 'Another headline entirely'
    const changed = await cover(await renderEpub(other))
    expect(Buffer.from(changed.image).equals(Buffer.from(image))).toBe(false)
  })

  it('composes the hero photograph into the portrait frame, cropped to cover it, not stretched', async () => {
    const article = await contentArticle('seawater-to-tap-water')
    const hero = article.images.find((image) => image.src === article.meta.image?.src)
    expect(hero?.bytes).toBeDefined()
    const { book, image } = await cover(await renderEpub(article))
    // The photograph is only on the cover, not a file of its own (its caption and credit are on the title page).
    expect(book.names.filter((name) => name.includes('/images/'))).not.toContain(
      'OEBPS/images/img-003.jpg',
    )
    expect(await book.text('OEBPS/title.xhtml')).toContain('Cover image: ')
    expect(await book.text('OEBPS/cover.xhtml')).toContain(`— ${article.meta.image?.alt}"`)
    const heroBytes = Buffer.from(hero?.bytes ?? [])
    const heroInfo = await sharp(heroBytes).metadata()
    expect((heroInfo.width ?? 0) / (heroInfo.height ?? 1)).toBeGreaterThan(1.5) // a landscape 1200 x 630
    const drawn = await sharp(image).extract(AREA).removeAlpha().raw().toBuffer()
    // The area the photo fills on the cover (64..1536 x 64..1126), scaled to cover and centred, or stretched.
    const placed = async (fit: 'cover' | 'fill') =>
      sharp(heroBytes)
        .resize(1472, 1062, { fit })
        .extract({ left: 10, top: 10, width: AREA.width, height: AREA.height })
        .removeAlpha()
        .raw()
        .toBuffer()
    const cropped = difference(drawn, await placed('cover'))
    const stretched = difference(drawn, await placed('fill'))
    expect(cropped).toBeLessThan(4)
    expect(stretched).toBeGreaterThan(cropped * 3)
    // `generated` leaves the photograph out: the area is the navy ground.
    const plain = await cover(await renderEpub(article, { cover: 'generated' }))
    const { dominant } = await sharp(plain.image).extract(AREA).stats()
    expect(dominant).toEqual({ r: 24, g: 40, b: 72 })
  })

  it('draws its text as outlines from the package fonts: no system font, no <text>, nothing external', () => {
    const svg = coverSvg({
      kicker: 'Opinion',
      headline: 'حافلات المرجان الكهربائية',
      byline: 'By Umar Karim',
      footer: 'Arab News',
      language: 'ar',
      dir: 'rtl',
    })
    expect(parseXml(svg).children[0]?.local).toBe('svg')
    expect(svg).not.toMatch(/<text|font-family|<image|href=|<script|<foreignObject|@font-face/i)
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual(4)
  })

  it('takes its pixel size from `coverSize`, and stays valid', async () => {
    const bytes = await renderEpub(await contentArticle('al-marjan-electric-buses'), {
      coverSize: { width: 1000, height: 1600 },
    })
    const info = await sharp((await cover(bytes)).image).metadata()
    expect([info.width, info.height]).toEqual([1000, 1600])
    expect(await epubcheckTs(bytes)).toEqual([])
  })

  it('can be left out', async () => {
    const none = await unzip(
      await renderEpub(await contentArticle('seawater-to-tap-water'), { cover: 'none' }),
    )
    expect(none.names).not.toContain('OEBPS/cover.xhtml')
    expect(none.names).not.toContain('OEBPS/images/cover.jpg')
    expect(await none.text('OEBPS/content.opf')).not.toContain('name="cover"')
  })

  it('wraps long headlines into lines that fit', () => {
    const lines = wrapText(
      'Pakistan restores deterrence while Iran loses its reputation and a verylongwordthatcannotfitonasinglelineofthecover',
      10,
    )
    expect(lines.length).toBeGreaterThan(3)
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(24)
    expect(lines.join(' ').replace(/ /g, '')).toBe(
      'PakistanrestoresdeterrencewhileIranlosesitsreputationandaverylongwordthatcannotfitonasinglelineofthecover',
    )
  })

  it('comes from `coverCache` when it holds the key: the same bytes a fresh render gives, drawn once', async () => {
    const article = await contentArticle('seawater-to-tap-water')
    const fresh = await renderEpub(article)
    const store = new Map<string, Uint8Array>()
    let gets = 0
    const coverCache = {
      get: (key: string) => {
        gets++
        return store.get(key)
      },
      set: (key: string, bytes: Uint8Array) => {
        store.set(key, bytes)
      },
    }
    const first = await renderEpub(article, { coverCache })
    expect(store.size).toBe(1)
    const second = await renderEpub(article, { coverCache })
    expect(gets).toBe(2)
    expect(Buffer.from(first).equals(Buffer.from(fresh))).toBe(true)
    expect(Buffer.from(second).equals(Buffer.from(fresh))).toBe(true)

    // A hit is used as it is: another JPEG under the key ends up in the book.
    const [key] = [...store.keys()]
    const other = await sharp({
      create: { width: 1600, height: 2560, channels: 3, background: '#808080' },
    })
      .jpeg()
      .toBuffer()
    store.set(key as string, new Uint8Array(other))
    const { image } = await cover(await renderEpub(article, { coverCache }))
    expect(Buffer.from(image).equals(other)).toBe(true)

    // Another size, another key: nothing stale is reused.
    await renderEpub(article, { coverCache, coverSize: { width: 800, height: 1280 } })
    expect(store.size).toBe(2)
  })
})
