import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { fileURLToPath } from 'node:url'
import { readArticle } from '@pressroom/article'
import { epubcheckTs, unzip } from '@pressroom/test-helpers'
import { EPub } from 'epub-gen-memory'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { renderEpub } from '../src/index.js'

/** The hostile fixture (raw HTML, scripts, control characters, duplicate headings, remote/missing/SVG images). */
const hostileArticle = () =>
  readArticle(fileURLToPath(new URL('./fixtures/hostile/hostile.md', import.meta.url)))

const calls: string[] = []

function trap(name: string) {
  return (..._args: unknown[]): never => {
    calls.push(name)
    throw new Error(`network access attempted: ${name}`)
  }
}

describe('no network, ever', () => {
  beforeEach(() => {
    calls.length = 0
    vi.spyOn(globalThis, 'fetch').mockImplementation(trap('fetch'))
    vi.spyOn(net, 'connect').mockImplementation(trap('net.connect'))
    vi.spyOn(net, 'createConnection').mockImplementation(trap('net.createConnection'))
    vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(trap('net.Socket.connect'))
    vi.spyOn(dns, 'lookup').mockImplementation(trap('dns.lookup'))
    vi.spyOn(http, 'request').mockImplementation(trap('http.request'))
    vi.spyOn(http, 'get').mockImplementation(trap('http.get'))
    vi.spyOn(https, 'request').mockImplementation(trap('https.request'))
    vi.spyOn(https, 'get').mockImplementation(trap('https.get'))
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('builds an article with a remote image without touching the network (placeholder instead)', async () => {
    const article = await hostileArticle()
    expect(article.images.some((image) => image.status === 'remote')).toBe(true)
    const bytes = await renderEpub(article, { embedFonts: true })
    expect(calls).toEqual([])
    const book = await unzip(bytes)
    const text = await book.text('OEBPS/text.xhtml')
    expect(text).not.toContain('evil.example/tracker.png"')
    expect(text).toContain('A remote image')
    expect(text).toContain('image-placeholder')
    // The cover and the local images the reader resolved (its sanitised SVG, as PNG): nothing remote.
    const images = book.names.filter((name) => name.includes('/images/'))
    expect(images).toContain('OEBPS/images/cover.jpg')
    expect(images.length).toBeLessThanOrEqual(
      1 + article.images.filter((image) => image.status === 'ok').length,
    )
    expect(images.join(' ')).not.toMatch(/tracker/)
    expect(await epubcheckTs(bytes)).toEqual([])
  })

  it('the traps catch the download step of a stock epub-gen-memory (a check of this test)', async () => {
    expect(() => fetch('https://example.org/')).toThrow(/network access attempted/)
    expect(() => net.connect(80, 'example.org')).toThrow(/network access attempted/)
    const stock = new EPub(
      { title: 'Stock', retryTimes: 1, ignoreFailedDownloads: true, date: '2000-01-01' },
      [{ title: 'One', content: '<p><img src="https://example.org/a.png" alt="a"/></p>' }],
    )
    await stock.genEpub()
    expect(calls.length).toBeGreaterThan(0)
  })
})
