import type { Article } from '@pressroom/article'
import { describe, expect, test } from 'vitest'
import {
  ninjsProfiles,
  type Partner,
  parsePartners,
  partnerDocuments,
  validateJsonFeed,
  validateNinjs,
} from '../src/index.js'
import { fullArticle } from './harbour.js'

const section = {
  'wire-desk': {
    format: 'ninjs',
    version: '3.2',
    base_url: 'https://cdn.example.org/wire',
    fields: ['headlines', 'by', 'bodies'],
  },
  'legacy-wire': {
    format: 'ninjs',
    version: 2.3,
    profile: 'headline-only',
    embargoed: true,
    canceled: true,
  },
  reader: { format: 'jsonfeed', title: 'Harbour for Reader' },
  'search-page': { format: 'jsonld' },
}

function parse(value: unknown) {
  return parsePartners(value, { baseUrl: 'https://news.example.org/' })
}

describe('parsePartners', () => {
  test('reads each partner with its defaults', () => {
    const { partners, messages } = parse(section)
    expect(messages).toEqual([])
    expect(partners.map((p) => [p.name, p.format, p.version, p.baseUrl])).toEqual([
      ['wire-desk', 'ninjs', '3.2', 'https://cdn.example.org/wire/'],
      ['legacy-wire', 'ninjs', '2.3', 'https://news.example.org/'],
      ['reader', 'jsonfeed', '3.2', 'https://news.example.org/'],
      ['search-page', 'jsonld', '3.2', 'https://news.example.org/'],
    ])
    expect(partners[0].fields).toEqual(['headlines', 'by', 'bodies'])
    expect(partners[0]).toMatchObject({
      embargoed: false,
      withheld: false,
      canceled: false,
      profile: 'full',
    })
    expect(partners[1]).toMatchObject({
      profile: 'headline-only',
      embargoed: true,
      canceled: true,
      withheld: false,
    })
    expect(partners[1].fields).toEqual(ninjsProfiles['headline-only'])
    expect(partners[1].fields).not.toContain('bodies')
    expect(partners[2].title).toBe('Harbour for Reader')
  })

  test('messages name the bad field; bad partners are left out', () => {
    const { partners, messages } = parse({
      a: { format: 'rss' },
      b: { format: 'ninjs', version: '3.3' },
      c: { format: 'ninjs', fields: ['headlines', 'teaser'], embargoed: 'yes', colour: 'red' },
      d: 'ninjs',
      e: { format: 'jsonld', version: '2.3' },
      f: { format: 'ninjs', base_url: 'ftp://example.org/' },
      g: { format: 'ninjs', profile: 'everything' },
    })
    expect(partners.map((p) => p.name)).toEqual(['c', 'e'])
    expect(partners[0].fields).toEqual(['headlines'])
    expect(partners[0].embargoed).toBe(false)
    expect(messages.map((m) => [m.field, m.severity])).toEqual([
      ['partners.a.format', 'error'],
      ['partners.b.version', 'error'],
      ['partners.c.colour', 'warning'],
      ['partners.c.fields.1', 'warning'],
      ['partners.c.embargoed', 'warning'],
      ['partners.d', 'error'],
      ['partners.e.version', 'warning'],
      ['partners.f.base_url', 'error'],
      ['partners.g.profile', 'error'],
    ])
    expect(messages[0].message).toContain('`rss` is not a format')
    expect(messages[1].message).toContain('3.3')
  })

  test('nothing configured: no partners, no messages; not a mapping: an error', () => {
    expect(parse(undefined)).toEqual({ partners: [], messages: [] })
    expect(parse([1, 2]).messages).toEqual([
      { field: 'partners', message: expect.stringContaining('mapping'), severity: 'error' },
    ])
  })
})

const embargo = (iso: string) => ({
  value: iso,
  dateOnly: false,
  date: iso.slice(0, 10),
  dateTime: iso,
  epochMs: Date.parse(iso),
})

describe('partnerDocuments', () => {
  const { partners } = parse(section)
  const now = Date.parse('2024-03-05T12:00:00Z')

  test('every partner gets its format, valid against its schema', async () => {
    const { documents, skipped } = partnerDocuments(await fullArticle(), partners, { now })
    expect(skipped).toEqual([])
    expect(documents.map((d) => [d.partner.name, d.format])).toEqual([
      ['wire-desk', 'ninjs'],
      ['legacy-wire', 'ninjs'],
      ['reader', 'jsonfeed'],
      ['search-page', 'jsonld'],
    ])
    const [wire, legacy, reader, page] = documents
    expect(Object.keys(wire.document)).toEqual(['uri', 'headlines', 'by', 'bodies'])
    expect(validateNinjs(wire.document, '3.2')).toEqual([])
    // Images are published in the article's folder (`<slug>/`) under the partner's base URL.
    expect(JSON.stringify(wire.document)).toContain(
      'https://cdn.example.org/wire/harbour/images/harbour.png',
    )
    expect(reader.format === 'jsonfeed' && reader.document.items[0].image).toBe(
      'https://news.example.org/harbour/images/hero%20image.png',
    )
    expect(reader.format === 'jsonfeed' && reader.document.home_page_url).toBe(
      'https://news.example.org/',
    )
    expect(validateNinjs(legacy.document, '2.3')).toEqual([])
    expect(legacy.document).not.toHaveProperty('bodies')
    expect(legacy.document.representationtype).toBe('partial')
    expect(validateJsonFeed(reader.document)).toEqual([])
    expect(reader.format === 'jsonfeed' && reader.document.title).toBe('Harbour for Reader')
    expect(page.document['@type']).toBe('NewsArticle')
  })

  test('an embargoed article waits for the embargo unless the partner opts in', async () => {
    const a = await fullArticle()
    a.meta.embargo = embargo('2024-03-06T06:00:00+01:00')
    const before = partnerDocuments(a, partners, { now })
    expect(before.documents.map((d) => d.partner.name)).toEqual(['legacy-wire'])
    expect(before.documents[0].document.embargoed).toBe('2024-03-06T06:00:00+01:00')
    expect(before.skipped.map((s) => [s.partner.name, s.code])).toEqual([
      ['wire-desk', 'embargoed'],
      ['reader', 'embargoed'],
      ['search-page', 'embargoed'],
    ])
    expect(before.skipped[0].reason).toContain('2024-03-06T06:00:00+01:00')
    // The embargo passes at 05:00Z: exactly then, everyone gets it.
    const after = partnerDocuments(a, partners, { now: new Date('2024-03-06T05:00:00Z') })
    expect(after.skipped).toEqual([])
    expect(after.documents).toHaveLength(4)
  })

  test('withheld articles go nowhere by default; canceled ones only to partners that opt in', async () => {
    const withheld: Article = await fullArticle()
    withheld.meta.status = 'withheld'
    const w = partnerDocuments(withheld, partners, { now })
    expect(w.documents).toEqual([])
    expect(w.skipped.every((s) => s.code === 'withheld')).toBe(true)

    const canceled = await fullArticle()
    canceled.meta.status = 'canceled'
    const c = partnerDocuments(canceled, partners, { now })
    expect(c.documents.map((d) => d.partner.name)).toEqual(['legacy-wire'])
    expect(c.documents[0].document.pubstatus).toBe('canceled')
    expect(c.skipped.map((s) => s.code)).toEqual(['canceled', 'canceled', 'canceled'])
  })

  test('withheld opt-in sends pubStatus withheld', async () => {
    const optIn: Partner[] = parse({ desk: { format: 'ninjs', withheld: true } }).partners
    const a = await fullArticle()
    a.meta.status = 'withheld'
    const { documents } = partnerDocuments(a, optIn, { now })
    expect(documents[0].document.pubStatus).toBe('withheld')
  })

  test('renditions are passed on to ninjs and JSON Feed', async () => {
    const renditions = [
      {
        name: 'pdf',
        href: 'https://news.example.org/harbour.pdf',
        contentType: 'application/pdf',
        sizeInBytes: 99,
      },
    ]
    const { documents } = partnerDocuments(
      await fullArticle(),
      partners.filter((p) => p.name !== 'wire-desk'),
      { now, renditions },
    )
    const ninjs = documents.find((d) => d.format === 'ninjs')!.document
    expect(ninjs).not.toHaveProperty('renditions') // headline-only gets no renditions
    const full = partnerDocuments(await fullArticle(), parse({ x: { format: 'ninjs' } }).partners, {
      now,
      renditions,
    })
    expect(full.documents[0].document.renditions).toEqual([
      {
        name: 'pdf',
        href: 'https://news.example.org/harbour.pdf',
        contentType: 'application/pdf',
        sizeInBytes: 99,
      },
    ])
    const feed = documents.find((d) => d.format === 'jsonfeed')
    expect(feed?.format === 'jsonfeed' && feed.document.items[0].attachments).toEqual([
      {
        url: 'https://news.example.org/harbour.pdf',
        mime_type: 'application/pdf',
        size_in_bytes: 99,
      },
    ])
  })

  test('articleFolder changes where images are looked for', async () => {
    const { documents } = partnerDocuments(await fullArticle(), partners.slice(0, 1), {
      now,
      articleFolder: (a) => `articles/${a.meta.slug}/media/`,
    })
    expect(JSON.stringify(documents[0].document)).toContain(
      'https://cdn.example.org/wire/articles/harbour/media/images/harbour.png',
    )
  })

  test('`now` is required and must be a valid time', async () => {
    const a = await fullArticle()
    expect(() => partnerDocuments(a, partners, { now: Number.NaN })).toThrow(TypeError)
    expect(() => partnerDocuments(a, partners, { now: new Date('nope') })).toThrow(TypeError)
  })

  test('an invalid document is skipped with its schema errors, never returned', async () => {
    const a = await fullArticle()
    a.meta.id = 'not a uri'
    const { documents, skipped } = partnerDocuments(a, parse({ x: { format: 'ninjs' } }).partners, {
      now,
    })
    expect(documents).toEqual([])
    expect(skipped[0]).toMatchObject({ code: 'invalid', reason: expect.stringContaining('/uri') })
  })
})
