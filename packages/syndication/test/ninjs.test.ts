import type { Article } from '@pressroom/article'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  type Message,
  type NinjsDocument,
  SchemaValidationError,
  toNinjs,
  validateNinjs,
} from '../src/index.js'
import { baseUrl, fullArticle, minimalArticle } from './harbour.js'

const renditions = [
  {
    name: 'epub',
    href: 'https://cdn.example.org/harbour.epub',
    contentType: 'application/epub+zip',
    sizeInBytes: 12345,
    title: 'EPUB edition',
  },
  {
    name: 'pdf',
    href: 'https://cdn.example.org/harbour.pdf',
    contentType: 'application/pdf',
    sizeInBytes: 54321,
  },
]

let article: Article
let doc: NinjsDocument
let messages: Message[]

beforeAll(async () => {
  article = await fullArticle()
  messages = []
  doc = toNinjs(article, { baseUrl, renditions, report: (m) => messages.push(m) })
})

describe('toNinjs 3.2', () => {
  test('is valid against the official 3.2 schema', () => {
    expect(validateNinjs(doc, '3.2')).toEqual([])
  })

  test('identifies the article and the standard', () => {
    expect(doc.uri).toBe('https://news.example.org/articles/harbour')
    expect(doc.type).toBe('text')
    expect(doc.representationType).toBe('full')
    expect(doc.standard).toEqual({
      name: 'ninjs',
      version: '3.2',
      schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.2.json#',
    })
    expect(doc.slugline).toBe('harbour')
    expect(doc.language).toBe('en')
    expect(doc.pubStatus).toBe('usable')
  })

  test('dates keep their time zone', () => {
    expect(doc.firstCreated).toBe('2024-03-01T05:30:00+01:00')
    expect(doc.versionCreated).toBe('2024-03-02T09:00:00+01:00')
    expect(doc).not.toHaveProperty('embargoedUntil')
  })

  test('headlines and descriptions: summary, each bio under its own role', () => {
    expect(doc.headlines).toEqual([
      { role: 'main', contentType: 'text/plain', value: 'The harbour wakes before dawn' },
      {
        role: 'subtitle',
        contentType: 'text/plain',
        value: 'How Port Halvard’s night shift keeps the city fed',
      },
    ])
    const descriptions = doc.descriptions as { role: string; contentType: string; value: string }[]
    expect(descriptions[0]).toEqual({
      role: 'summary',
      contentType: 'text/plain',
      value: 'At four in the morning the cranes are already moving.',
    })
    expect(descriptions.filter((d) => d.role === 'bio:Ada Lund').map((d) => d.contentType)).toEqual(
      ['text/plain', 'text/html'],
    )
    expect(
      descriptions.find((d) => d.role === 'bio:Ada Lund' && d.contentType === 'text/plain')?.value,
    ).toBe('Ada Lund covers shipping for Harbour Desk.')
    const html = descriptions.find((d) => d.contentType === 'text/html')?.value
    expect(html).toContain('href="https://news.example.org/ada"')
    // Omar Said has no bio: no description for him.
    expect(descriptions.some((d) => d.role.includes('Omar'))).toBe(false)
  })

  test('by and people with links as contactInfo', () => {
    expect(doc.by).toBe('Ada Lund and Omar Said')
    expect(doc.people).toEqual([
      {
        name: 'Ada Lund',
        rel: 'author',
        uri: 'https://ada.example.org/',
        contactInfo: [
          { type: 'url', name: 'ada.example.org', value: 'https://ada.example.org/' },
          { type: 'twitter', name: '@adalund', value: 'https://x.com/adalund' },
          { type: 'email', name: 'ada@example.org', value: 'mailto:ada@example.org' },
        ],
      },
      { name: 'Omar Said', rel: 'author' },
    ])
  })

  test('section as genre, tags as subjects, rights', () => {
    expect(doc.genres).toEqual([{ name: 'City' }])
    expect(doc.subjects).toEqual([
      { name: 'Harbour' },
      { name: 'Night shift' },
      { name: 'Logistics' },
    ])
    expect(doc.copyrightHolder).toBe('Harbour Desk')
    expect(doc.copyrightNotice).toBe('© Harbour Desk')
    expect(doc.usageTerms).toBe('For syndication partners only.')
    expect(doc.altIds).toEqual([
      { role: 'canonical-url', value: 'https://news.example.org/articles/harbour-wakes' },
      { role: 'short-url', value: 'https://nx.example/h1' },
    ])
  })

  test('bodies: HTML and plain text with counts that exclude captions', () => {
    const bodies = doc.bodies as {
      role: string
      contentType: string
      value: string
      wordCount: number
      charCount: number
    }[]
    expect(bodies.map((b) => b.contentType)).toEqual(['text/html', 'text/plain'])
    for (const body of bodies) {
      expect(body.wordCount).toBe(article.derived.wordCount)
      expect(body.charCount).toBe(article.derived.charCount)
    }
    expect(bodies[1].value).toBe(article.derived.plainText)
    expect(bodies[1].value).not.toContain('Crane 7 lifts')
    expect(bodies[0].value).toContain('At four in the morning')
    // Images are linked under the base URL.
    expect(bodies[0].value).toContain(`src="${baseUrl}images/harbour.png"`)
    // Wrapped so it keeps language and direction on a partner's page; ids prefixed with the slug.
    expect(bodies[0].value.startsWith('<div lang="en" dir="ltr">\n<p>')).toBe(true)
    expect(bodies[0].value.endsWith('</div>')).toBe(true)
    expect(bodies[0].value).toContain('id="harbour-fn-1"')
  })

  test('associations: hero and figures with captions, credits and renditions', () => {
    const associations = doc.associations as Record<string, unknown>[]
    expect(associations.map((a) => a.name)).toEqual(['hero', 'figure-1', 'figure-2'])
    expect(associations[0]).toEqual({
      name: 'hero',
      rel: 'hero',
      uri: `${baseUrl}images/hero%20image.png`,
      type: 'picture',
      descriptions: [
        { role: 'caption', contentType: 'text/plain', value: 'The container terminal at dawn.' },
        { role: 'alt', contentType: 'text/plain', value: 'Cranes against a pink sky' },
      ],
      by: 'Photo by Ada Lund',
      renditions: [
        {
          name: 'original',
          href: `${baseUrl}images/hero%20image.png`,
          contentType: 'image/png',
          width: 4,
          height: 3,
          sizeInBytes: 71,
        },
      ],
    })
    expect(associations[1]).toMatchObject({
      rel: 'figure',
      descriptions: [
        { role: 'caption', value: 'Crane 7 lifts the last box of the night.' },
        { role: 'alt' },
      ],
    })
    // The missing image: no rendition, a stable uri, its caption and credit kept, and a warning.
    expect(associations[2]).toEqual({
      name: 'figure-2',
      rel: 'figure',
      uri: 'https://news.example.org/articles/harbour#figure-2',
      type: 'picture',
      descriptions: [
        { role: 'caption', contentType: 'text/plain', value: 'The quay after the last ship left.' },
        { role: 'alt', contentType: 'text/plain', value: 'The empty quay' },
      ],
      by: 'Harbour Desk',
    })
    const left = messages.find((m) => m.ruleId === 'image-left-out')
    expect(left?.source).toBe('pressroom-syndication')
    expect(left?.reason).toContain('images/missing.png')
    // It points at the figure in the source, and the file is the article's.
    expect(left?.line).toBe(37) // the `:::figure` line
    expect(left?.file).toContain('harbour.md')
  })

  test('renditions point at the EPUB and PDF', () => {
    expect(doc.renditions).toEqual([
      {
        name: 'epub',
        href: 'https://cdn.example.org/harbour.epub',
        contentType: 'application/epub+zip',
        title: 'EPUB edition',
        sizeInBytes: 12345,
      },
      {
        name: 'pdf',
        href: 'https://cdn.example.org/harbour.pdf',
        contentType: 'application/pdf',
        sizeInBytes: 54321,
      },
    ])
  })

  test('is deterministic: same input, same JSON text', async () => {
    const again = toNinjs(await fullArticle(), { baseUrl, renditions })
    expect(JSON.stringify(again)).toBe(JSON.stringify(doc))
  })

  test('a minimal article gives a minimal valid document', async () => {
    const small = toNinjs(await minimalArticle())
    expect(validateNinjs(small)).toEqual([])
    expect(small.headlines).toEqual([{ role: 'main', contentType: 'text/plain', value: 'Short' }])
    expect(small).not.toHaveProperty('people')
    expect(small).not.toHaveProperty('associations')
  })
})

describe('toNinjs 2.3', () => {
  test('uses lowercase names and `embargoed`, and validates against 2.3', async () => {
    const embargoed = await fullArticle()
    embargoed.meta.embargo = {
      value: '2030-01-01T08:00:00+01:00',
      dateOnly: false,
      date: '2030-01-01',
      dateTime: '2030-01-01T08:00:00+01:00',
      epochMs: Date.parse('2030-01-01T08:00:00+01:00'),
    }
    const doc23 = toNinjs(embargoed, { version: '2.3', baseUrl, renditions })
    expect(validateNinjs(doc23, '2.3')).toEqual([])
    expect(validateNinjs(doc23, '3.2').length).toBeGreaterThan(0)
    expect(doc23.embargoed).toBe('2030-01-01T08:00:00+01:00')
    expect(doc23.versioncreated).toBe('2024-03-02T09:00:00+01:00')
    expect(doc23.pubstatus).toBe('usable')
    expect((doc23.bodies as Record<string, unknown>[])[0]).toHaveProperty('wordcount')
    expect((doc23.associations as Record<string, unknown>[])[0]).not.toHaveProperty('rel')
    expect((doc23.people as Record<string, unknown>[])[0]).toHaveProperty('contactinfo')
    expect(doc23.standard).toMatchObject({ version: '2.3' })
    const doc32 = toNinjs(embargoed, { baseUrl })
    expect(doc32.embargoedUntil).toBe('2030-01-01T08:00:00+01:00')
  })
})

describe('fields', () => {
  test('a field list keeps uri and only the named fields, in a stable order', async () => {
    const doc = toNinjs(await fullArticle(), { baseUrl, fields: ['by', 'headlines'] })
    expect(Object.keys(doc)).toEqual(['uri', 'headlines', 'by'])
    expect(validateNinjs(doc)).toEqual([])
  })

  test('without bodies the document says it is partial', async () => {
    const doc = toNinjs(await fullArticle(), {
      baseUrl,
      fields: ['representationType', 'headlines'],
    })
    expect(doc.representationType).toBe('partial')
  })
})

describe('never returns an invalid document', () => {
  test('throws SchemaValidationError naming the schema path', async () => {
    const broken = await fullArticle()
    ;(broken.meta as { title: unknown }).title = 42
    let error: unknown
    try {
      toNinjs(broken, { baseUrl })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(SchemaValidationError)
    const { message, errors } = error as SchemaValidationError
    expect(message).toContain('/headlines/0/value: must be string')
    expect(message).toContain('#/properties/headlines/items/properties/value/type')
    expect(errors[0].instancePath).toBe('/headlines/0/value')
  })

  test('a relative id is rejected by the uri format', async () => {
    const broken = await minimalArticle()
    broken.meta.id = 'articles/short'
    expect(() => toNinjs(broken)).toThrow(/\/uri: must match format "uri"/)
  })
})

describe('links', () => {
  test('unsafe links are dropped and reported', async () => {
    const risky = await fullArticle()
    risky.meta.authors[0].url = 'javascript:alert(1)'
    risky.meta.authors[0].links = [{ rel: 'url', href: 'javascript:alert(1)', label: 'x' }]
    const found: Message[] = []
    const doc = toNinjs(risky, {
      baseUrl,
      renditions: [{ ...renditions[0], href: 'data:text/html,x' }],
      report: (m) => found.push(m),
    })
    expect(JSON.stringify(doc)).not.toContain('javascript:')
    expect(JSON.stringify(doc)).not.toContain('data:')
    expect(found.filter((m) => m.ruleId === 'unsafe-link')).toHaveLength(2)
  })

  test('without a base URL or canonical URL images get no link, with a warning', async () => {
    const local = await fullArticle()
    local.meta.canonicalUrl = undefined
    const found: Message[] = []
    const doc = toNinjs(local, { report: (m) => found.push(m) })
    expect(validateNinjs(doc)).toEqual([])
    expect((doc.associations as Record<string, unknown>[]).every((a) => !('renditions' in a))).toBe(
      true,
    )
    expect(found.map((m) => m.ruleId)).toContain('missing-base-url')
  })

  test('by default images resolve against the canonical URL', async () => {
    const doc = toNinjs(await fullArticle())
    expect((doc.associations as { uri: string }[])[0].uri).toBe(
      'https://news.example.org/articles/images/hero%20image.png',
    )
  })
})
