import { describe, expect, test } from 'vitest'
import {
  deliveredDocument,
  heldReason,
  mayPublish,
  type Partner,
  parsePartners,
  partnerDocumentFile,
  partnerDocumentPath,
  partnerDocuments,
  partnerOfFile,
  publicationGate,
} from '../src/index.js'
import { fullArticle } from './harbour.js'

const now = Date.parse('2024-03-05T12:00:00Z')
const future = {
  date: '2024-03-06',
  dateTime: '2024-03-06T06:00:00+01:00',
  epochMs: Date.parse('2024-03-06T05:00:00Z'),
}

function partner(settings: Record<string, unknown>, name = 'p'): Partner {
  const { partners } = parsePartners({ [name]: settings }, { baseUrl: 'https://news.example.org/' })
  return partners[0]
}

describe('publicationGate', () => {
  test('the public gets a usable article whose embargo has passed, nothing else', () => {
    expect(publicationGate({ status: 'usable' }, { now })).toEqual([])
    expect(mayPublish({ status: 'usable', embargo: future as never }, { now })).toBe(false)
    expect(
      mayPublish({ status: 'usable', embargo: future as never }, { now: future.epochMs }),
    ).toBe(true)
    expect(publicationGate({ status: 'withheld' }, { now }).map((b) => b.code)).toEqual([
      'withheld',
    ])
    expect(
      publicationGate({ status: 'canceled', embargo: future as never, draft: true }, { now }).map(
        (b) => b.code,
      ),
    ).toEqual(['draft', 'canceled', 'embargoed'])
  })

  test('held: canceled or under embargo; a withheld article or a draft is not held', () => {
    expect(heldReason({ status: 'canceled', embargo: future as never }, now)).toBe('canceled')
    expect(heldReason({ status: 'withheld', embargo: future as never }, now)).toBe('embargoed')
    expect(heldReason({ status: 'withheld', draft: true }, now)).toBeUndefined()
    expect(
      heldReason({ status: 'usable', embargo: future as never }, future.epochMs),
    ).toBeUndefined()
  })

  test('ninjs partners opt in; other formats cannot', () => {
    const wire = partner({ format: 'ninjs', embargoed: true, withheld: true, canceled: true })
    const feed = partner({ format: 'jsonfeed' })
    const meta = { status: 'withheld' as const, embargo: future as never }
    expect(publicationGate(meta, { now, partner: wire })).toEqual([])
    expect(publicationGate(meta, { now, partner: feed }).map((b) => b.code)).toEqual([
      'withheld',
      'embargoed',
    ])
    expect(publicationGate({ status: 'usable', draft: true }, { now, partner: wire })).toHaveLength(
      1,
    )
  })

  test('a kill goes to the ninjs partners that received the article, whatever their setting', () => {
    const wire = partner({ format: 'ninjs' })
    const page = partner({ format: 'jsonld' })
    const canceled = { status: 'canceled' as const }
    expect(publicationGate(canceled, { now, partner: wire, received: true })).toEqual([])
    expect(publicationGate(canceled, { now, partner: wire, received: false })[0].reason).toBe(
      'canceled, and the partner never received it: nothing to cancel',
    )
    expect(publicationGate(canceled, { now, partner: page, received: true })[0].reason).toBe(
      'canceled: a kill cannot be sent as jsonld; tell the partner',
    )
    expect(publicationGate(canceled, { now, partner: wire })[0].reason).toBe(
      'the article is canceled and the partner does not take cancellations',
    )
  })

  test('partnerDocuments asks the gate, and takes who received the article', async () => {
    const a = await fullArticle()
    a.meta.status = 'canceled'
    const partners = [partner({ format: 'ninjs' }, 'wire'), partner({ format: 'ninjs' }, 'new')]
    const result = partnerDocuments(a, partners, { now, received: (p) => p.name === 'wire' })
    expect(result.documents.map((d) => d.partner.name)).toEqual(['wire'])
    expect(result.skipped.map((s) => [s.partner.name, s.code])).toEqual([['new', 'canceled']])
  })
})

describe('partner file names', () => {
  test('in the build and in a delivery', () => {
    expect(partnerDocumentPath('harbour', { name: 'wire desk', format: 'ninjs' })).toBe(
      'harbour/partners/wire desk.json',
    )
    expect(partnerDocumentFile({ name: 'wire desk', format: 'jsonld' }, { url: true })).toBe(
      'partners/wire%20desk.jsonld',
    )
    expect(deliveredDocument('harbour', 'jsonfeed')).toEqual({
      name: 'harbour/harbour.feed.json',
      contentType: 'application/feed+json',
    })
    expect(deliveredDocument('harbour', 'ninjs').name).toBe('harbour/harbour.ninjs.json')
  })

  test('a file of the partners folder names its partner (the reverse of partnerDocumentFile)', () => {
    for (const format of ['ninjs', 'jsonfeed', 'jsonld'] as const) {
      const file = partnerDocumentFile({ name: 'wire desk', format }).slice('partners/'.length)
      expect(partnerOfFile(file)).toBe('wire desk')
    }
    expect(partnerOfFile('notes.txt')).toBeUndefined()
    expect(partnerOfFile('.json')).toBeUndefined()
  })
})
