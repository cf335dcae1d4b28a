/**
 * `--format html`: each content article's web page and the index page, served
 * over HTTP on 127.0.0.1 and checked in real Chromium with axe-core (WCAG 2.1
 * A/AA: 0 violations) and with html-validate (0 errors), plus what the page
 * promises: semantics, front and back matter, RTL, JSON-LD, social meta,
 * canonical link, images beside the page, and feed items' `url`.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import { pressroom, temp } from '@pressroom/test-helpers'
import { HtmlValidate } from 'html-validate'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, chromium, launchChromium } from '../browser.js'

const slugs = ['pakistan-restores-deterrence', 'seawater-to-tap-water', 'al-marjan-electric-buses']
/** Built before its embargo: its page is held out of the public output (`.held/`). */
const held = '.held/halvard-desalination-vote'
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
}

let out: string
let shots: string
let server: Server
let origin: string
let browser: Browser | undefined

beforeAll(async () => {
  out = temp('pressroom-web-')
  shots = path.join(out, 'screenshots')
  const run = pressroom([
    'build',
    'content',
    '--out',
    out,
    '--format',
    'html,jsonld,jsonfeed',
    '--now',
    '2026-01-01T00:00:00Z',
    '--quiet',
  ])
  expect(run.status, run.stderr).toBe(0)
  // A plain static file server, as a web host would serve the output folder.
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    let file = path.join(out, decodeURIComponent(url.pathname))
    if (!file.startsWith(out)) return void response.writeHead(403).end()
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html')
      const body = readFileSync(file)
      response.writeHead(200, {
        'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      })
      response.end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  if (chromium) browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

function page(slug: string): string {
  return readFileSync(path.join(out, slug, 'index.html'), 'utf8')
}

describe('pressroom build --format html', () => {
  it('writes one page per article where its URL points, with its images beside it', () => {
    const files = readdirSync(out, { recursive: true }).map(String)
    for (const slug of slugs) expect(files).toContain(`${slug}/index.html`)
    expect(files).toContain('index.html')
    // The embargoed article's page is written, but not where the public output is published.
    expect(files).not.toContain('halvard-desalination-vote/index.html')
    expect(files).toContain(`${held}/index.html`)
    expect(files).toContain('seawater-to-tap-water/images/port-halvard-dawn.jpg')
    expect(files).toContain('al-marjan-electric-buses/images/al-marjan-bus-routes.png')
    const jsonld = JSON.parse(
      readFileSync(path.join(out, 'seawater-to-tap-water/seawater-to-tap-water.jsonld'), 'utf8'),
    )
    // The JSON-LD, the canonical link and the feed item all name the page that was written.
    expect(jsonld.url).toBe('https://news.example.org/seawater-to-tap-water/')
    expect(page('seawater-to-tap-water')).toContain(
      '<link rel="canonical" href="https://news.example.org/seawater-to-tap-water/">',
    )
    const feed = JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8'))
    for (const item of feed.items) expect(item.url).toMatch(/^https:\/\/news\.example\.org\//)
    expect(
      feed.items.find((item: { id: string }) => item.id.endsWith('/seawater-to-tap-water')).url,
    ).toBe('https://news.example.org/seawater-to-tap-water/')
    // The default id, <base_url>articles/<slug>, reaches the page too.
    const redirect = readFileSync(
      path.join(out, 'articles/seawater-to-tap-water/index.html'),
      'utf8',
    )
    expect(redirect).toContain(
      '<meta http-equiv="refresh" content="0; url=https://news.example.org/seawater-to-tap-water/">',
    )
  })

  it('carries the front and back matter, the JSON-LD and the social meta', () => {
    const html = page('pakistan-restores-deterrence')
    expect(html).toMatch(/<p class="kicker">Opinion<\/p>/)
    expect(html).toMatch(/<p class="byline">By .*Umar Karim/)
    expect(html).toMatch(/<time datetime="2024-01-19">/)
    expect(html).toMatch(/<section class="bio" aria-labelledby="about">/)
    expect(html).toMatch(/doctoral researcher at the University of Birmingham/)
    expect(html).toMatch(/<p class="disclaimer">/)
    expect(html).toMatch(/<p class="rights">/)
    expect(html).toMatch(/<aside role="doc-pullquote" class="pullquote">/)
    expect(html).toContain('<meta name="twitter:creator" content="@UmarKarim89">')
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/)
    const ld = JSON.parse(
      /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null',
    )
    const written = JSON.parse(
      readFileSync(
        path.join(out, 'pakistan-restores-deterrence/pakistan-restores-deterrence.jsonld'),
        'utf8',
      ),
    )
    expect(ld).toEqual(written)
    const seawater = page('seawater-to-tap-water')
    expect(seawater).toMatch(/<figure class="hero">\n<img src="images\/port-halvard-dawn.jpg"/)
    expect(seawater).toContain(
      '<meta property="og:image" content="https://news.example.org/seawater-to-tap-water/images/port-halvard-dawn.jpg">',
    )
    expect(seawater).toContain('<meta name="twitter:card" content="summary_large_image">')
    expect(seawater).toMatch(/About the authors/)
    expect(seawater).not.toContain('noindex')
    // Built before its embargo: not for search engines yet.
    expect(page(held)).toContain('<meta name="robots" content="noindex">')
    const arabic = page('al-marjan-electric-buses')
    expect(arabic).toMatch(/^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/)
  })

  it('lists the publishable articles on the index, newest first, without the embargoed one', () => {
    const index = readFileSync(path.join(out, 'index.html'), 'utf8')
    const order = [...index.matchAll(/<h2><a href="([^"]+)\/index\.html">/g)].map((m) => m[1])
    expect(order).toEqual([
      'al-marjan-electric-buses',
      'seawater-to-tap-water',
      'pakistan-restores-deterrence',
    ])
  })

  it('validates as HTML (html-validate: standard and a11y presets, 0 errors)', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:standard', 'html-validate:a11y'],
    })
    for (const file of [...[...slugs, held].map((slug) => `${slug}/index.html`), 'index.html']) {
      const report = await validator.validateString(
        readFileSync(path.join(out, file), 'utf8'),
        file,
      )
      const messages = report.results.flatMap((result) =>
        result.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`),
      )
      expect(messages).toEqual([])
    }
  })

  it.skipIf(!chromium)(
    'has 0 axe-core violations (WCAG 2.1 A/AA) in Chromium, on every article page and the index',
    async () => {
      const tab = await (browser as Browser).newPage()
      for (const [width, name] of [
        [1200, 'desktop'],
        [390, 'phone'],
      ] as const) {
        await tab.setViewport({ width, height: 900 })
        for (const target of [...slugs, held, '']) {
          await tab.goto(`${origin}/${target ? `${target}/` : ''}`, { waitUntil: 'load' })
          expect(await tab.$eval('h1', (h1) => h1.textContent?.trim())).toBeTruthy()
          const violations = await axeViolations(tab)
          expect(violations, `${target || 'index'} (${name})`).toEqual([])
          mkdirSync(shots, { recursive: true })
          await tab.screenshot({
            path: path.join(shots, `${path.basename(target) || 'index'}-${name}.png`),
            fullPage: name === 'phone',
          })
        }
      }
      // Every image of a page loads from beside it.
      await tab.goto(`${origin}/seawater-to-tap-water/`, { waitUntil: 'load' })
      const broken = await tab.$$eval('img', (images) =>
        images.filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src),
      )
      expect(broken).toEqual([])
      // Right to left: the Arabic headline starts at the right.
      await tab.goto(`${origin}/al-marjan-electric-buses/`, { waitUntil: 'load' })
      const direction = await tab.$eval('h1', (h1) => getComputedStyle(h1).direction)
      expect(direction).toBe('rtl')
      await tab.close()
    },
    180_000,
  )
})
