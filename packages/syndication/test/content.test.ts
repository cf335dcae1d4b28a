/**
 * Every article in `content/` through the real reader, every format, checked
 * against the official schemas; and the `partners:` section of the sample config.
 */
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Article, loadConfig, type PublicationConfig, readArticle } from '@pressroom/article'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  type Message,
  parsePartners,
  partnerDocuments,
  toJsonFeed,
  toJsonLd,
  toJsonLdScript,
  toNinjs,
  validateJsonFeed,
  validateNinjs,
} from '../src/index.js'

const content = fileURLToPath(new URL('../../../content/', import.meta.url))
const files = readdirSync(content)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort()

let config: PublicationConfig
const articles: Article[] = []

beforeAll(async () => {
  config = (await loadConfig(content)).config
  for (const name of files) articles.push(await readArticle(content + name, { config }))
})

test('there are articles to check', () => {
  expect(files.length).toBeGreaterThan(0)
})

describe.each(files.map((name, index) => [name, index]))('%s', (_name, index) => {
  test('ninjs 3.2 and 2.3 validate, with the whole article mapped', () => {
    const article = articles[index as number]
    const messages: Message[] = []
    const base = `${config.baseUrl}articles/${article.meta.slug}/`
    const doc = toNinjs(article, { baseUrl: base, report: (m) => messages.push(m) })
    expect(validateNinjs(doc, '3.2')).toEqual([])
    expect(validateNinjs(toNinjs(article, { version: '2.3', baseUrl: base }), '2.3')).toEqual([])
    expect(doc.uri).toBe(article.meta.id)
    expect((doc.headlines as { value: string }[])[0].value).toBe(article.meta.title)
    const bodies = doc.bodies as { contentType: string; value: string; wordCount: number }[]
    expect(bodies.map((b) => b.contentType)).toEqual(['text/html', 'text/plain'])
    expect(bodies[0].value.length).toBeGreaterThan(100)
    expect(bodies[0].value).toMatch(
      new RegExp(`^<div lang="${article.meta.language}" dir="${article.derived.dir}">`),
    )
    expect(bodies[1].wordCount).toBeGreaterThan(10)
    const okImages = article.images.filter((image) => image.status === 'ok')
    for (const image of okImages) expect(JSON.stringify(doc)).toContain(`${base}${image.path}`)
    if (article.meta.embargo) expect(doc.embargoedUntil).toBe(article.meta.embargo.dateTime)
  })

  test('JSON Feed and JSON-LD', () => {
    const article = articles[index as number]
    const feed = toJsonFeed([article], {
      title: 'Sample',
      baseUrl: config.baseUrl ?? 'https://example.org/',
    })
    expect(validateJsonFeed(feed)).toEqual([])
    const ld = toJsonLd(article)
    expect(ld.headline).toBe(article.meta.title)
    expect(toJsonLdScript(article)).not.toMatch(
      /<(?!script type="application\/ld\+json">|\/script>$)/,
    )
  })
})

test('one feed of every article, newest first, validates', () => {
  const feed = toJsonFeed(articles, {
    title: 'Sample',
    baseUrl: config.baseUrl ?? 'https://example.org/',
  })
  expect(validateJsonFeed(feed)).toEqual([])
  const dates = feed.items.map((item) => Date.parse(item.date_published ?? '1970-01-01T00:00:00Z'))
  expect([...dates].sort((a, b) => b - a)).toEqual(dates)
})

describe('the partners: section of content/pressroom.yaml', () => {
  test('parses without messages, and every partner gets a valid document or a reason', () => {
    const section = config.sections.partners
    expect(section).toBeDefined()
    const { partners, messages } = parsePartners(
      section,
      config.baseUrl ? { baseUrl: config.baseUrl } : {},
    )
    expect(messages).toEqual([])
    expect(partners.length).toBeGreaterThan(0)
    for (const article of articles) {
      const { documents, skipped } = partnerDocuments(article, partners, {
        now: Date.parse('2024-06-01T00:00:00Z'),
      })
      expect(documents.length + skipped.length).toBe(partners.length)
      for (const { format, document, partner } of documents) {
        if (format === 'ninjs') expect(validateNinjs(document, partner.version)).toEqual([])
        if (format === 'jsonfeed') expect(validateJsonFeed(document)).toEqual([])
      }
      for (const { code } of skipped) expect(code).not.toBe('invalid')
    }
  })
})
