import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { temp } from '@pressroom/test-helpers'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PartnerServer } from '../../packages/delivery/test/partner-server.js'
import { pressroomAsync } from './delivery-helpers.js'

let wire: PartnerServer
let ticker: PartnerServer
const env = { WIRE_SECRET: 'wire-secret', TICKER_SECRET: 'ticker-secret' }

beforeAll(async () => {
  wire = await new PartnerServer(env.WIRE_SECRET).start()
  ticker = await new PartnerServer(env.TICKER_SECRET).start()
})
afterAll(async () => {
  await wire?.stop()
  await ticker?.stop()
})

const id = (slug: string) => `https://news.example.org/articles/${slug}`
const article = (title: string, extra = '', body = 'The first paragraph of the story.') =>
  `---\ntitle: ${title}\npublished: 2024-01-10T08:00:00Z\n${extra}---\n\n${body}\n`
const files = (folder: string) =>
  existsSync(folder) ? readdirSync(folder, { recursive: true }).map(String).sort() : []

describe('corrections, updates, kills and embargoes flow to the right partners', () => {
  it('delivers each change only to the partners who should get it; embargoed articles stay held', async () => {
    const folder = temp('pressroom-flow-')
    const content = path.join(folder, 'content')
    const out = path.join(folder, 'out')
    const drop = path.join(folder, 'drop')
    mkdirSync(content)
    writeFileSync(
      path.join(content, 'pressroom.yaml'),
      `base_url: https://news.example.org/
publisher: Flow Desk
partners:
  wire:
    format: ninjs
    destination:
      type: http
      url: ${wire.url}
      secret_env: WIRE_SECRET
      backoff: 0.05
  ticker:
    format: ninjs
    profile: headline-only
    embargoed: true
    destination:
      type: http
      url: ${ticker.url}
      secret_env: TICKER_SECRET
      backoff: 0.05
  search:
    format: jsonld
    destination:
      type: folder
      path: ../drop
`,
    )
    const write = (name: string, text: string) =>
      writeFileSync(path.join(content, `${name}.md`), text)
    write('story', article('A story that will be corrected'))
    write('other', article('A story that will be updated'))
    write('council', article('Council vote, embargoed', 'embargo: 2030-01-15T06:00:00Z\n'))
    write('secret', article('Withheld story', 'status: withheld\n'))
    const publish = (...extra: string[]) =>
      pressroomAsync(['publish', content, '--out', out, '--jobs', '1', ...extra], { env })
    const before = ['--now', '2026-01-01T00:00:00Z']

    // 1. First publication (before the embargo).
    const first = await publish(...before)
    expect(first.status, first.stderr).toBe(0)
    expect([...wire.processed.keys()].sort()).toEqual([`${id('other')}@1`, `${id('story')}@1`])
    // The ticker opted in to embargoed copies: it gets the council story, marked with its embargo.
    expect([...ticker.processed.keys()].sort()).toEqual([
      `${id('council')}@1`,
      `${id('other')}@1`,
      `${id('story')}@1`,
    ])
    expect(ticker.documents().get(`${id('council')}@1`)?.embargoedUntil).toBe(
      '2030-01-15T06:00:00Z',
    )
    expect(files(drop)).toEqual(['other', 'other/other.jsonld', 'story', 'story/story.jsonld'])
    // The embargoed article is nowhere in the public output, nor in the feed; its files are held.
    expect(files(out).filter((f) => f.startsWith('council'))).toEqual([])
    expect(files(path.join(out, '.held'))).toEqual(
      expect.arrayContaining([
        'council/council.epub',
        'council/council.pdf',
        'council/council.ninjs.json',
      ]),
    )
    const feed = JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8'))
    expect(feed.items.map((item: { id: string }) => item.id).sort()).toEqual([
      id('other'),
      id('story'),
    ])
    // Renditions the document links went with it (EPUB and PDF built by the same run).
    const story = wire.documents().get(`${id('story')}@1`)!
    expect(story.version).toBe('1')
    expect((story.renditions as { name: string }[]).map((r) => r.name)).toEqual(['epub', 'pdf'])

    // 2. A late story, published to the wire and ticker only.
    write('late', article('A story that will be killed'))
    const second = await publish(...before, '--partner', 'wire', '--partner', 'ticker')
    expect(second.status, second.stderr).toBe(0)
    expect(wire.processed.has(`${id('late')}@1`)).toBe(true)
    expect(files(drop).some((f) => f.startsWith('late'))).toBe(false)

    // 3. A correction, an update and a kill.
    write(
      'story',
      article(
        'A story that will be corrected',
        'corrections:\n  - date: 2024-01-11\n    text: An earlier version named the wrong minister.\n',
      ),
    )
    write(
      'other',
      article('A story that will be updated', '', 'A new paragraph replaces the old one.'),
    )
    write('late', article('A story that will be killed', 'status: canceled\n'))
    const wireBefore = wire.received.length
    const third = await publish(...before)
    expect(third.status, third.stderr).toBe(0)
    const newWire = wire.received
      .slice(wireBefore)
      .map((r) => r.key)
      .sort()
    expect(newWire).toEqual([`${id('late')}@2`, `${id('other')}@2`, `${id('story')}@2`])
    const corrected = wire.documents().get(`${id('story')}@2`)!
    expect(corrected.version).toBe('2')
    expect(corrected.edNote).toBe(
      'Correction (January 11, 2024): An earlier version named the wrong minister.',
    )
    expect(JSON.stringify(corrected.bodies)).toContain(
      'An earlier version named the wrong minister.',
    )
    expect(wire.documents().get(`${id('late')}@2`)?.pubStatus).toBe('canceled')
    expect(ticker.documents().get(`${id('late')}@2`)?.pubStatus).toBe('canceled')
    expect(ticker.documents().get(`${id('story')}@2`)?.version).toBe('2')
    // The search partner never had the killed story: it gets no kill; it gets the correction and update.
    expect(files(drop).some((f) => f.startsWith('late'))).toBe(false)
    const jsonld = JSON.parse(readFileSync(path.join(drop, 'story/story.jsonld'), 'utf8'))
    expect(jsonld.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'An earlier version named the wrong minister.',
        datePublished: '2024-01-11',
      },
    ])
    // The kill takes the story out of the public output and the feed.
    expect(files(out).filter((f) => f.startsWith('late'))).toEqual([])
    const feedAfterKill = JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8'))
    expect(feedAfterKill.items.map((item: { id: string }) => item.id)).not.toContain(id('late'))
    // The withheld story went to no one.
    for (const server of [wire, ticker])
      expect([...server.processed.keys()].some((key) => key.startsWith(id('secret')))).toBe(false)
    expect(files(drop).some((f) => f.startsWith('secret'))).toBe(false)

    // 4. Status shows the skips with their reasons.
    const status = JSON.parse((await pressroomAsync(['status', '--out', out, '--json'])).stdout)
    const open = status.open.map((row: any) => [row.partner, row.slug, row.version, row.state])
    expect(open).toEqual(
      expect.arrayContaining([
        ['wire', 'council', 1, 'skipped'],
        ['search', 'council', 1, 'skipped'],
        ['wire', 'secret', 1, 'skipped'],
        ['search', 'late', 2, 'skipped'],
      ]),
    )

    // 5. A dry run after the embargo says what would go, and sends and records nothing.
    const wireBeforeDry = wire.received.length
    const dry = await publish('--now', '2031-01-01T00:00:00Z', '--dry-run')
    expect(dry.status, dry.stderr).toBe(0)
    expect(dry.stderr).toContain('would send  wire  council v1 (new)')
    expect(dry.stderr).toContain('would skip  wire  secret v1 (new): the article is withheld')
    expect(dry.stderr).not.toContain('story v2')
    expect(wire.received.length).toBe(wireBeforeDry)

    // 6. After the embargo: the council story goes to those who waited, the ticker does not get it twice.
    const tickerBefore = ticker.received.length
    const after = await publish('--now', '2031-01-01T00:00:00Z')
    expect(after.status, after.stderr).toBe(0)
    expect(wire.processed.has(`${id('council')}@1`)).toBe(true)
    expect(existsSync(path.join(drop, 'council/council.jsonld'))).toBe(true)
    expect(ticker.received.length).toBe(tickerBefore)
    expect(files(out)).toEqual(
      expect.arrayContaining(['council/council.epub', 'council/council.pdf']),
    )
    expect(files(path.join(out, '.held')).some((f) => f.startsWith('council'))).toBe(false)
    // Every document was processed once: no key more than once on the wire.
    for (const server of [wire, ticker])
      expect([...server.accepted.values()].every((count) => count === 1)).toBe(true)
  }, 600_000)

  it('leaves an embargoed article out of the digest until the embargo has passed', async () => {
    const folder = temp('pressroom-digest-')
    const content = path.join(folder, 'content')
    mkdirSync(content)
    writeFileSync(path.join(content, 'open.md'), article('Open story'))
    writeFileSync(
      path.join(content, 'council.md'),
      article('Embargoed council story', 'embargo: 2030-01-15T06:00:00Z\n'),
    )
    const out = path.join(folder, 'out')
    const build = (now: string) =>
      pressroomAsync([
        'build',
        content,
        '--out',
        out,
        '--format',
        'epub',
        '--bundle',
        'Digest',
        '--now',
        now,
      ])
    // Every text file of the digest EPUB, joined.
    const listing = async () => {
      const book = await JSZip.loadAsync(readFileSync(path.join(out, 'digest.epub')))
      const texts = await Promise.all(
        Object.values(book.files)
          .filter((file) => /\.(xhtml|opf|ncx)$/.test(file.name))
          .map((file) => file.async('string')),
      )
      return texts.join('\n')
    }
    expect((await build('2026-01-01T00:00:00Z')).status).toBe(0)
    expect(await listing()).toContain('Open story')
    expect(await listing()).not.toContain('Embargoed council story')
    expect(existsSync(path.join(out, 'council'))).toBe(false)
    expect(existsSync(path.join(out, '.held/council/council.epub'))).toBe(true)
    expect((await build('2031-01-01T00:00:00Z')).status).toBe(0)
    expect(await listing()).toContain('Embargoed council story')
    expect(existsSync(path.join(out, 'council/council.epub'))).toBe(true)
  }, 300_000)
})

describe('bad partner entries', () => {
  it('are errors with line and column, from check and publish, and nothing is sent', async () => {
    const folder = temp('pressroom-badpartner-')
    const content = path.join(folder, 'content')
    mkdirSync(content)
    writeFileSync(path.join(content, 'story.md'), article('A story'))
    writeFileSync(
      path.join(content, 'pressroom.yaml'),
      `base_url: https://news.example.org/
partners:
  wire:
    format: ninjs
    destination:
      type: http
      url: ${wire.url}
      secret_env: WIRE_SECRET
  pigeon:
    format: ninjs
    destination:
      type: carrier-pigeon
  nosecret:
    format: ninjs
    destination:
      type: http
      url: ${wire.url}
      secret_env: NOT_SET_ANYWHERE
  badurl:
    format: ninjs
    destination:
      type: http
      url: not a url
      secret_env: WIRE_SECRET
`,
    )
    const check = await pressroomAsync(['check', content], { env })
    expect(check.status).toBe(1)
    const config = path.join(content, 'pressroom.yaml')
    const lines = check.stderr.split('\n')
    const at = (text: string) => lines.find((line) => line.includes(text)) ?? ''
    expect(at('carrier-pigeon')).toMatch(
      /12:13\s+error\s+.*`carrier-pigeon` is not a destination type/,
    )
    expect(at('NOT_SET_ANYWHERE')).toMatch(/18:19\s+error\s+.*`NOT_SET_ANYWHERE` is not set/)
    expect(at('not a url')).toMatch(
      /23:12\s+error\s+.*`not a url` is not an absolute http\(s\) URL/,
    )
    expect(check.stderr).toContain(path.relative(process.cwd(), config).split(path.sep).pop()!)
    expect(check.stderr).not.toMatch(/\n\s+at /)

    const received = wire.received.length
    const out = path.join(folder, 'out')
    const publish = await pressroomAsync(['publish', content, '--out', out], { env })
    expect(publish.status).toBe(1)
    expect(publish.stderr).toContain('nothing sent')
    expect(publish.stderr).toMatch(/12:13\s+error/)
    expect(wire.received.length).toBe(received)
    expect(existsSync(out)).toBe(false)
  }, 300_000)
})

describe('status, retry and resend', () => {
  it('a refused delivery is failed in status; retry sends it; resend sends it again under a new key', async () => {
    const server = await new PartnerServer('s').start()
    try {
      const folder = temp('pressroom-retry-')
      const content = path.join(folder, 'content')
      mkdirSync(content)
      writeFileSync(path.join(content, 'story.md'), article('A story'))
      writeFileSync(
        path.join(content, 'pressroom.yaml'),
        `base_url: https://news.example.org/\npartners:\n  desk:\n    format: ninjs\n    profile: headline-only\n    destination:\n      type: http\n      url: ${server.url}\n      secret_env: DESK_SECRET\n`,
      )
      const out = path.join(folder, 'out')
      const opts = { env: { DESK_SECRET: 's' } }
      server.answer = () => ({ status: 422, body: 'missing slugline' })
      const first = await pressroomAsync(
        ['publish', content, '--out', out, '--format', 'ninjs'],
        opts,
      )
      expect(first.status).toBe(1)
      expect(first.stderr).toMatch(/✗ desk {2}story v1 \(new\) {2}HTTP 422 .*missing slugline/)
      const status = await pressroomAsync(['status', '--out', out, '--json'])
      expect(JSON.parse(status.stdout).open).toEqual([
        expect.objectContaining({
          partner: 'desk',
          slug: 'story',
          state: 'failed',
          attempts: 1,
          responseStatus: 422,
        }),
      ])
      const text = await pressroomAsync(['status', '--out', out])
      expect(text.stdout).toContain('desk: 0 delivered, 0 queued, 1 failed, 0 skipped')

      server.answer = () => ({ status: 200 })
      const retried = await pressroomAsync(
        ['retry', content, '--out', out, '--partner', 'desk'],
        opts,
      )
      expect(retried.status, retried.stderr).toBe(0)
      expect(server.processed.has(`${id('story')}@1`)).toBe(true)

      const resent = await pressroomAsync(
        ['resend', 'story', content, '--out', out, '--partner', 'desk'],
        opts,
      )
      expect(resent.status, resent.stderr).toBe(0)
      expect(server.processed.has(`${id('story')}@1/resend-1`)).toBe(true)
      const unknown = await pressroomAsync(
        ['resend', 'nope', content, '--out', out, '--partner', 'desk'],
        opts,
      )
      expect(unknown.status).toBe(2)
      expect(unknown.stderr).toContain('has not been sent to `desk`')
    } finally {
      await server.stop()
    }
  }, 300_000)
})
