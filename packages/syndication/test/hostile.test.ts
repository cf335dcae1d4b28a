/**
 * Body HTML goes onto other people's pages: nothing executable in a hostile
 * article may come out in any document, while its own text, links and figures do.
 */
import type { Article } from '@pressroom/article'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  parsePartners,
  partnerDocuments,
  toJsonFeed,
  toJsonLd,
  toJsonLdScript,
  toNinjs,
  validateJsonFeed,
  validateNinjs,
} from '../src/index.js'
import { article, baseUrl } from './harbour.js'

export const hostileSource = `---
title: Harbour report
authors:
  - name: Mallory
    bio: "Writes [here](javascript:alert('bio')) and <img src=x onerror=alert('bio')> [there](https://mallory.example.org/)."
summary: A hostile article.
---

Safe opening paragraph with [a real link](https://example.org/ok "Real").

<script>alert('block')</script>

Inline <img src=x onerror="alert('inline')"> and <b onclick="alert('b')">bold</b> raw HTML.

[click me](javascript:alert('link')) and [encoded](&#106;avascript:alert('entity')) and
[tabbed](jav&#x09;ascript:alert('tab')) and [upper](JAVASCRIPT:alert('upper')) and <javascript:alert('auto')>.

<iframe src="https://evil.example.org/frame"></iframe>

<style>body { background: url("javascript:alert('css')") }</style>

<object data="https://evil.example.org/x.swf"></object><embed src="https://evil.example.org/y.swf">

<div style="width: expression(alert('css-expression'))">styled</div>

![pixel](data:image/png;base64,iVBORw0KGgo= "Data URL image")

[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

<svg><script>alert('svg')</script></svg>

<a href="vbscript:msgbox('vb')">vb</a> <form action="https://evil.example.org/"><input name=x></form>

![A crane lifting a container](images/harbour.png "Crane 7 lifts the last box.")

Closing paragraph, still here.
`

/** Markup that must never come out in any HTML a document carries. */
const forbiddenInHtml = [
  /<script/i,
  /<[^>]*\son\w+\s*=/i, // event handler attributes (onerror, onclick)
  /<[^>]*=\s*["']?\s*(javascript|vbscript|data):/i, // unsafe URLs in attributes
  /<iframe/i,
  /<style/i,
  /<object/i,
  /<embed/i,
  /<form/i,
  /<input/i,
  /<svg/i,
  /<[^>]*\sstyle\s*=/i,
  /expression\(/i,
]

/** Walk a JSON value, collecting strings by the key they sit under. */
function strings(value: unknown, key = '', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([key, value])
  else if (Array.isArray(value)) for (const item of value) strings(item, key, out)
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const html = record.contentType === 'text/html' || record.contenttype === 'text/html'
    for (const [k, v] of Object.entries(record)) strings(v, html && k === 'value' ? 'html' : k, out)
  }
  return out
}

const urlKeys = new Set([
  'href',
  'uri',
  'url',
  'image',
  'sameAs',
  '@id',
  'feed_url',
  'home_page_url',
])

let hostile: Article
const texts: Record<string, string> = {}
const documents: Record<string, unknown> = {}

beforeAll(async () => {
  hostile = await article(hostileSource, 'hostile.md')
  const ninjs32 = toNinjs(hostile, { baseUrl })
  const ninjs23 = toNinjs(hostile, { baseUrl, version: '2.3' })
  const feed = toJsonFeed([hostile], { title: 'Feed', baseUrl: 'https://news.example.org/' })
  expect(validateNinjs(ninjs32, '3.2')).toEqual([])
  expect(validateNinjs(ninjs23, '2.3')).toEqual([])
  expect(validateJsonFeed(feed)).toEqual([])
  const { partners } = parsePartners(
    { p: { format: 'ninjs' }, q: { format: 'jsonfeed' } },
    { baseUrl },
  )
  documents['ninjs 3.2'] = ninjs32
  documents['ninjs 2.3'] = ninjs23
  documents['JSON Feed'] = feed
  documents.partners = partnerDocuments(hostile, partners, { now: 0 }).documents.map(
    (d) => d.document,
  )
  for (const [name, document] of Object.entries(documents)) texts[name] = JSON.stringify(document)
  texts['JSON-LD'] = JSON.stringify(toJsonLd(hostile, { baseUrl }))
})

describe('a hostile article', () => {
  test('the article really is hostile: the source has scripts and bad links, the reader reported them', () => {
    expect(hostileSource).toContain('<script>')
    expect(hostileSource).toContain('javascript:alert')
    expect(hostileSource).toContain('data:image/png')
    // The reader drops script, style, form... with their content, and says so once per kind.
    expect(hostile.messages.some((m) => /script/i.test(String(m.reason)))).toBe(true)
  })

  test.each(forbiddenInHtml.map((pattern) => [String(pattern)]))(
    'no HTML in any document matches %s',
    (pattern) => {
      const regex = forbiddenInHtml.find((r) => String(r) === pattern)!
      for (const [name, document] of Object.entries(documents)) {
        const html = strings(document).filter(([key]) => key === 'html' || key === 'content_html')
        expect(html.length, name).toBeGreaterThan(0)
        for (const [, value] of html) expect(regex.test(value), `${name}: ${value}`).toBe(false)
      }
    },
  )

  test('every link in every document is http(s) or mailto', () => {
    for (const [name, document] of Object.entries(documents)) {
      for (const [key, value] of strings(document)) {
        if (urlKeys.has(key)) expect(value, `${name} ${key}`).toMatch(/^(https?:|mailto:)/)
      }
      for (const [key, value] of strings(document)) {
        if (key === 'html' || key === 'content_html') {
          for (const match of value.matchAll(/(?:href|src)="([^"]*)"/g)) {
            expect(match[1], name).toMatch(/^(https?:|mailto:|#)/)
          }
        }
      }
    }
  })

  test('the plain-text body carries no markup from the raw HTML', () => {
    for (const [name, document] of Object.entries(documents)) {
      for (const [key, value] of strings(document)) {
        if (
          key === 'content_text' ||
          (key === 'value' && value.includes('Safe opening paragraph'))
        ) {
          expect(value, name).not.toMatch(/<\/?[a-z][^>]*>/i)
          expect(value, name).toContain('Closing paragraph, still here.')
        }
      }
    }
  })

  test('its own text, links and figures come out', () => {
    for (const name of ['ninjs 3.2', 'ninjs 2.3', 'JSON Feed', 'partners']) {
      const text = texts[name]
      expect(text, name).toContain('Safe opening paragraph with')
      expect(text, name).toContain('href=\\"https://example.org/ok\\"')
      expect(text, name).toContain('Closing paragraph, still here.')
      expect(text, name).toContain('click me')
      expect(text, name).toContain('<figcaption>Crane 7 lifts the last box.</figcaption>')
      expect(text, name).toContain('images/harbour.png')
    }
    for (const name of ['ninjs 3.2', 'ninjs 2.3']) {
      expect(texts[name], name).toContain('href=\\"https://mallory.example.org/\\"') // the bio's safe link
    }
    expect(texts['JSON-LD']).toContain('Harbour report')
  })

  test('the JSON-LD script element has no early end', () => {
    const a = structuredClone(hostile)
    a.meta.title = '</script><script>alert(1)</script>'
    const script = toJsonLdScript(a)
    expect(script.match(/<\/script/gi)).toHaveLength(1)
    expect(script.match(/<script/gi)).toHaveLength(1)
  })
})
