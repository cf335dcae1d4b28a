import { describe, expect, test } from 'vitest'
import {
  type JsonFeed,
  jsonFeedFromEntries,
  keepNewestEntries,
  toJsonFeed,
  toJsonFeedEntry,
  validateJsonFeed,
} from '../src/index.js'
import { article, fullArticle, fullSource, minimalArticle } from './harbour.js'

const options = { title: 'Harbour Desk', baseUrl: 'https://news.example.org/' }

async function three() {
  const newest = await fullArticle()
  const older = await article(
    fullSource.replace('published: 2024-03-01T05:30:00+01:00', 'published: 2024-02-01'),
    'b-older.md',
  )
  const sameTimeA = await article(
    fullSource.replace('published: 2024-03-01T05:30:00+01:00', 'published: 2024-02-01'),
    'a-older.md',
  )
  return { newest, older, sameTimeA }
}

describe('toJsonFeed', () => {
  test('keepNewestEntries keeps the newest N in feed order, whatever order they come in', async () => {
    const { newest, older, sameTimeA } = await three()
    const [n, o, a] = [newest, older, sameTimeA].map((x) => toJsonFeedEntry(x, options))
    let kept = keepNewestEntries([], o, 2)
    kept = keepNewestEntries(kept, a, 2)
    kept = keepNewestEntries(kept, n, 2)
    expect(kept.map((entry) => entry.id)).toEqual([newest.meta.id, sameTimeA.meta.id])
    expect(keepNewestEntries([...kept], o, 2)).toEqual(kept)
  })

  test('the same feed from entries made apart and sent through JSON (as workers do)', async () => {
    const { newest, older, sameTimeA } = await three()
    const entries = [older, newest, sameTimeA].map((a) =>
      JSON.parse(JSON.stringify(toJsonFeedEntry(a, options))),
    )
    const fromEntries = jsonFeedFromEntries(entries, options)
    expect(fromEntries).toEqual(toJsonFeed([sameTimeA, older, newest], options))
    expect(fromEntries.items.map((item) => item.id)).toEqual(
      [newest, sameTimeA, older].map((a) => a.meta.id),
    )
  })

  test('a valid JSON Feed 1.1 with the feed metadata', async () => {
    const feed = toJsonFeed([await fullArticle()], options)
    expect(validateJsonFeed(feed)).toEqual([])
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Harbour Desk',
      home_page_url: 'https://news.example.org/',
      feed_url: 'https://news.example.org/feed.json',
      language: 'en',
    })
    expect(Object.keys(feed)[0]).toBe('version')
  })

  test('an item carries the whole article', async () => {
    const a = await fullArticle()
    const [item] = toJsonFeed([a], {
      ...options,
      renditions: {
        [a.meta.id]: [
          {
            name: 'epub',
            href: 'https://news.example.org/harbour.epub',
            contentType: 'application/epub+zip',
            sizeInBytes: 10,
            title: 'EPUB',
          },
        ],
      },
    }).items
    expect(item).toEqual({
      id: 'https://news.example.org/articles/harbour',
      url: 'https://news.example.org/articles/harbour-wakes',
      title: 'The harbour wakes before dawn',
      summary: 'At four in the morning the cranes are already moving.',
      content_html: expect.stringContaining('At four in the morning'),
      content_text: a.derived.plainText,
      image: 'https://news.example.org/articles/images/hero%20image.png',
      date_published: '2024-03-01T05:30:00+01:00',
      date_modified: '2024-03-02T09:00:00+01:00',
      authors: [{ name: 'Ada Lund', url: 'https://ada.example.org/' }, { name: 'Omar Said' }],
      tags: ['Harbour', 'Night shift', 'Logistics'],
      language: 'en',
      attachments: [
        {
          url: 'https://news.example.org/harbour.epub',
          mime_type: 'application/epub+zip',
          title: 'EPUB',
          size_in_bytes: 10,
        },
      ],
    })
  })

  test('items newest first, ties broken by id, whatever the input order', async () => {
    const { newest, older, sameTimeA } = await three()
    const ids = (feed: JsonFeed) => feed.items.map((item) => item.id)
    const expected = [newest.meta.id, sameTimeA.meta.id, older.meta.id]
    expect(expected[1] < expected[2]).toBe(true)
    expect(ids(toJsonFeed([older, newest, sameTimeA], options))).toEqual(expected)
    expect(ids(toJsonFeed([sameTimeA, older, newest], options))).toEqual(expected)
  })

  test('articleFolder puts images under the base URL', async () => {
    const feed = toJsonFeed([await fullArticle()], {
      ...options,
      articleFolder: (a) => `${a.meta.slug}/`,
    })
    expect(feed.items[0].image).toBe('https://news.example.org/harbour/images/hero%20image.png')
    expect(feed.items[0].content_html).toContain(
      'src="https://news.example.org/harbour/images/harbour.png"',
    )
  })

  test('a minimal article still gives a valid item', async () => {
    const feed = toJsonFeed([await minimalArticle()], { ...options, renditions: () => undefined })
    expect(validateJsonFeed(feed)).toEqual([])
    expect(feed.items[0]).not.toHaveProperty('image')
    expect(feed.items[0]).not.toHaveProperty('authors')
  })

  test('without title or base URL: the publisher name, no home page or feed URL', async () => {
    const feed = toJsonFeed([await fullArticle()], {})
    expect(validateJsonFeed(feed)).toEqual([])
    expect(feed.title).toBe('Harbour Desk')
    expect(feed).not.toHaveProperty('home_page_url')
    expect(feed).not.toHaveProperty('feed_url')
    expect(feed.items[0].image).toBe('https://news.example.org/articles/images/hero%20image.png')
  })

  test('an empty feed is valid', () => {
    expect(validateJsonFeed(toJsonFeed([], options))).toEqual([])
  })

  test('rejects a base URL that is not absolute http(s)', async () => {
    expect(() => toJsonFeed([], { title: 'x', baseUrl: 'javascript:alert(1)' })).toThrow(TypeError)
  })
})
