import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  type DeliveryEvent,
  DeliveryLog,
  deliverPending,
  type HttpDestination,
  parseDestinations,
} from '../src/index.js'
import { PartnerServer } from './partner-server.js'

const secret = 'test-secret-0123456789'
let server: PartnerServer
let log: DeliveryLog

beforeEach(async () => {
  server = await new PartnerServer(secret).start()
  log = await DeliveryLog.open(path.join(mkdtempSync(path.join(tmpdir(), 'delivery-')), 'log.db'))
})
afterEach(async () => {
  log.close()
  await server.stop()
})

/** An http destination as a producer writes it, with fast back-off for the test. */
function destination(url: string, extra = ''): HttpDestination {
  const yaml = `partners:\n  wire:\n    format: ninjs\n    destination:\n      type: http\n      url: ${url}\n      secret_env: WIRE_SECRET\n      backoff: 0.02\n      max_backoff: 0.1\n      response_timeout: 0.5\n      connect_timeout: 1\n      max_attempts: 4\n${extra}`
  const { destinations, messages } = parseDestinations(yaml, { env: { WIRE_SECRET: secret } })
  expect(messages).toEqual([])
  return destinations.wire as HttpDestination
}

async function queue(slug: string, partner = 'wire') {
  await log.enqueue({
    articleId: `https://news.example.org/articles/${slug}`,
    slug,
    version: 1,
    partner,
    kind: 'new',
    files: [
      {
        name: `${slug}/${slug}.ninjs.json`,
        contentType: 'application/json',
        document: true,
        text: `{"uri":"https://news.example.org/articles/${slug}","headlines":[{"role":"main","value":"é ${slug}"}]}\n`,
      },
    ],
  })
}

async function row(slug: string, partner = 'wire') {
  return (await log.rows({ partner })).find((r) => r.slug === slug)!
}

describe('http destination', () => {
  it('signs the body, sends the idempotency key and Content-Type; 2xx is delivered', async () => {
    await queue('a')
    const summary = await deliverPending(log, { wire: destination(server.url) })
    expect(summary.delivered).toBe(1)
    expect(server.received).toHaveLength(1)
    const [request] = server.received
    expect(request.signatureOk).toBe(true)
    expect(request.key).toBe('https://news.example.org/articles/a@1')
    expect(request.method).toBe('POST')
    expect(request.contentType).toBe('application/json')
    expect(JSON.parse(request.body).headlines[0].value).toBe('é a')
    expect(await row('a')).toMatchObject({
      state: 'delivered',
      attempts: 1,
      responseStatus: 200,
      lastError: null,
    })
  })

  it('a wrong secret is refused by the partner (401: failed, no retry)', async () => {
    await queue('a')
    const wrong = { ...destination(server.url), secret: 'not-the-secret' }
    await deliverPending(log, { wire: wrong })
    expect(server.received[0].signatureOk).toBe(false)
    expect(await row('a')).toMatchObject({ state: 'failed', attempts: 1, responseStatus: 401 })
  })

  it('500 on the first two attempts: retried with back-off, delivered on the third', async () => {
    await queue('a')
    server.answer = (request) =>
      request.attempt <= 2 ? { status: 500, body: 'database down' } : { status: 201 }
    const events: DeliveryEvent[] = []
    await deliverPending(log, { wire: destination(server.url) }, { onEvent: (e) => events.push(e) })
    expect(events.map((e) => e.type)).toEqual(['retrying', 'retrying', 'delivered'])
    expect(events[0].error).toContain('HTTP 500')
    expect(events[0].error).toContain('database down')
    expect(server.requests('https://news.example.org/articles/a@1')).toHaveLength(3)
    expect(await row('a')).toMatchObject({
      state: 'delivered',
      attempts: 3,
      responseStatus: 201,
      lastError: null,
    })
  })

  it('500 every time: failed after max_attempts with the last error', async () => {
    await queue('a')
    server.answer = () => ({ status: 503 })
    await deliverPending(log, { wire: destination(server.url) })
    expect(server.received).toHaveLength(4)
    const failed = await row('a')
    expect(failed).toMatchObject({ state: 'failed', attempts: 4, responseStatus: 503 })
    expect(failed.lastError).toContain('gave up after 4 attempts')
  })

  it('429 with Retry-After: waits as told, then delivered', async () => {
    await queue('a')
    server.answer = (request) =>
      request.attempt === 1 ? { status: 429, headers: { 'Retry-After': '1' } } : { status: 200 }
    const events: DeliveryEvent[] = []
    await deliverPending(log, { wire: destination(server.url) }, { onEvent: (e) => events.push(e) })
    expect(events[0]).toMatchObject({ type: 'retrying', status: 429, waitMs: 1000 })
    const [first, second] = server.received
    // Not a speed check: the second attempt must not come before the partner allowed it.
    expect(second.at - first.at).toBeGreaterThanOrEqual(950)
    expect(await row('a')).toMatchObject({ state: 'delivered', attempts: 2, responseStatus: 200 })
  })

  it('408 is retried; 400 fails at once without retry', async () => {
    await queue('a')
    await queue('b')
    server.answer = (request) =>
      request.key.endsWith('/a@1')
        ? request.attempt === 1
          ? { status: 408 }
          : { status: 200 }
        : { status: 400, body: '{"error":"headline too long"}' }
    await deliverPending(log, { wire: destination(server.url) }, { concurrency: 1 })
    expect(await row('a')).toMatchObject({ state: 'delivered', attempts: 2 })
    const b = await row('b')
    expect(b).toMatchObject({ state: 'failed', attempts: 1, responseStatus: 400 })
    expect(b.lastError).toContain('headline too long')
    expect(server.requests('https://news.example.org/articles/b@1')).toHaveLength(1)
  })

  it('a partner that hangs past the response timeout: retried, delivered when it answers', async () => {
    await queue('a')
    server.answer = (request) => (request.attempt === 1 ? 'hang' : { status: 200 })
    const events: DeliveryEvent[] = []
    await deliverPending(log, { wire: destination(server.url) }, { onEvent: (e) => events.push(e) })
    expect(events[0].type).toBe('retrying')
    expect(events[0].error).toMatch(/no complete answer .* within 500 ms/)
    expect(await row('a')).toMatchObject({ state: 'delivered', attempts: 2 })
  })

  it('a partner that always hangs: failed with the timeout, attempts counted', async () => {
    await queue('a')
    server.answer = () => 'hang'
    await deliverPending(log, { wire: destination(server.url, '') })
    const failed = await row('a')
    expect(failed).toMatchObject({ state: 'failed', attempts: 4, responseStatus: null })
    expect(failed.lastError).toMatch(/within 500 ms \(gave up after 4 attempts\)/)
  })

  it('one partner down never holds up the others', async () => {
    for (const slug of ['a', 'b', 'c']) {
      await queue(slug, 'up')
      await queue(slug, 'down')
    }
    // Nothing listens on the down partner's port: connection refused, retried, then failed.
    const closed = new PartnerServer(secret)
    await closed.start()
    const downUrl = closed.url
    await closed.stop()
    const deliveredAt: number[] = []
    let downFailedAt = 0
    const summary = await deliverPending(
      log,
      {
        up: destination(server.url),
        down: { ...destination(downUrl), backoffMs: 300, maxBackoffMs: 300 },
      },
      {
        concurrency: 1,
        onEvent: (event) => {
          if (event.row.partner === 'up' && event.type === 'delivered') deliveredAt.push(Date.now())
          if (event.row.partner === 'down' && event.type === 'failed' && !downFailedAt)
            downFailedAt = Date.now()
        },
      },
    )
    expect(summary.partners).toEqual({
      up: { delivered: 3, failed: 0 },
      down: { delivered: 0, failed: 3 },
    })
    // Every delivery to the partner that is up was done before the first delivery to the one that is down gave up.
    expect(Math.max(...deliveredAt)).toBeLessThan(downFailedAt)
    expect((await row('a', 'down')).lastError).toContain('ECONNREFUSED')
  })

  it('with rendition_url, renditions are PUT (signed, keyed per file) before the document', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'delivery-renditions-'))
    const pdf = path.join(folder, 'a.pdf')
    writeFileSync(pdf, Buffer.from('%PDF-1.7 not really a pdf but bytes'))
    await log.enqueue({
      articleId: 'urn:a',
      slug: 'a',
      version: 2,
      partner: 'wire',
      kind: 'update',
      files: [
        {
          name: 'a/a.ninjs.json',
          contentType: 'application/json',
          document: true,
          text: '{"uri":"urn:a"}',
        },
        { name: 'a/a.pdf', contentType: 'application/pdf', document: false, source: pdf },
      ],
    })
    const base = server.url.replace(/ingest$/, 'files/')
    await deliverPending(log, { wire: destination(server.url, `      rendition_url: ${base}\n`) })
    expect(
      server.received.map((r) => [r.method, r.url, r.key, r.contentType, r.signatureOk]),
    ).toEqual([
      ['PUT', '/files/a/a.pdf', 'urn:a@2/a/a.pdf', 'application/pdf', true],
      ['POST', '/ingest', 'urn:a@2', 'application/json', true],
    ])
    expect(server.received[0].body).toBe('%PDF-1.7 not really a pdf but bytes')
  })

  it('PUT to a URL with {slug} and {version}', async () => {
    await queue('a')
    const put = destination(`${server.url}/{slug}/{version}`, '      method: PUT\n')
    await deliverPending(log, { wire: put })
    expect(server.received[0]).toMatchObject({ method: 'PUT', url: '/ingest/a/1' })
  })
})
