import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { backoffDelay, DeliveryLog, idempotencyKey } from '../src/index.js'

const open = (clock?: () => Date) =>
  DeliveryLog.open(path.join(mkdtempSync(path.join(tmpdir(), 'delivery-log-')), 'd.db'), {
    ...(clock ? { clock } : {}),
  })

describe('DeliveryLog', () => {
  it('keeps the version while the content is the same and increments it when it changes', async () => {
    let now = new Date('2024-03-01T10:00:00Z')
    const log = await open(() => now)
    const input = {
      articleId: 'urn:a',
      slug: 'a',
      status: 'usable',
      updated: '2024-03-01T08:00:00Z',
    }
    const first = await log.articleVersion({ ...input, hash: 'h1' })
    expect(first).toMatchObject({
      version: 1,
      versionCreated: '2024-03-01T08:00:00Z',
      changed: true,
    })
    expect(await log.articleVersion({ ...input, hash: 'h1' })).toMatchObject({
      version: 1,
      changed: false,
    })
    now = new Date('2024-03-02T12:00:00Z')
    // A dry run says what the version would be and records nothing.
    expect(await log.articleVersion({ ...input, hash: 'h2', dryRun: true })).toMatchObject({
      version: 2,
    })
    const second = await log.articleVersion({ ...input, hash: 'h2' })
    expect(second).toMatchObject({
      version: 2,
      versionCreated: '2024-03-02T12:00:00.000Z',
      changed: true,
    })
    // An `updated` later than the last version is taken as the new version's time.
    const third = await log.articleVersion({
      ...input,
      hash: 'h3',
      updated: '2024-03-05T00:00:00Z',
    })
    expect(third).toMatchObject({ version: 3, versionCreated: '2024-03-05T00:00:00Z' })
    log.close()
  })

  it('queues once per article, version and partner; a skip becomes queued later; older versions are superseded', async () => {
    const log = await open()
    const base = { articleId: 'urn:a', slug: 'a', partner: 'p', kind: 'new' as const }
    expect(await log.enqueue({ ...base, version: 1, skip: 'embargoed until 2030' })).toBe('skipped')
    expect(await log.enqueue({ ...base, version: 1 })).toBe('queued')
    const [row] = await log.pending('p')
    await log.markSending(row.id)
    await log.markDelivered(row.id, 200)
    // Publishing again records nothing new for a delivered version.
    expect(await log.enqueue({ ...base, version: 1 })).toBe('delivered')
    expect(await log.receivedEarlier('urn:a', 'p', 2)).toBe(true)
    await log.enqueue({ ...base, version: 2, kind: 'update' })
    await log.enqueue({ ...base, version: 3, kind: 'update' })
    const rows = await log.rows({ partner: 'p' })
    expect(rows.map((r) => [r.version, r.state, r.lastError])).toEqual([
      [1, 'delivered', null],
      [2, 'skipped', 'superseded by version 3'],
      [3, 'queued', null],
    ])
    expect(idempotencyKey(rows[2])).toBe('urn:a@3')
    // A later version that may not go (withheld, say) still retires the older one: retry never sends it.
    const failed = rows[2]
    await log.markSending(failed.id)
    await log.markFailed(failed.id, 'HTTP 503 (gave up after 5 attempts)', 503)
    await log.enqueue({ ...base, version: 4, kind: 'update', skip: 'the article is withheld' })
    expect(await log.requeueFailed('p')).toBe(0)
    expect((await log.rows({ partner: 'p' })).map((r) => [r.version, r.state])).toEqual([
      [1, 'delivered'],
      [2, 'skipped'],
      [3, 'skipped'],
      [4, 'skipped'],
    ])
    log.close()
  })

  it('survives a reopen: rows left sending are pending again; failed ones are requeued by retry', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'delivery-log-')), 'd.db')
    const log = await DeliveryLog.open(file)
    await log.enqueue({ articleId: 'urn:a', slug: 'a', version: 1, partner: 'p', kind: 'new' })
    await log.enqueue({ articleId: 'urn:b', slug: 'b', version: 1, partner: 'p', kind: 'new' })
    const [a, b] = await log.pending('p')
    await log.markSending(a.id)
    await log.markSending(b.id)
    await log.markFailed(b.id, 'HTTP 400', 400)
    log.close()
    const again = await DeliveryLog.open(file)
    expect((await again.pending('p')).map((r) => [r.slug, r.state, r.attempts])).toEqual([
      ['a', 'sending', 1],
    ])
    expect(await again.requeueFailed('p')).toBe(1)
    expect((await again.pending('p')).map((r) => r.slug)).toEqual(['a', 'b'])
    const resent = await again.resend('b', 'p')
    expect(resent).toBeUndefined()
    await again.markDelivered(b.id, 200)
    const row = await again.resend('b', 'p')
    expect(row && idempotencyKey(row)).toBe('urn:b@1/resend-1')
    again.close()
  })
})

describe('backoffDelay', () => {
  it('doubles from `backoff` up to `max_backoff`, with jitter between 50% and 100%', () => {
    const settings = { maxAttempts: 9, backoffMs: 100, maxBackoffMs: 1000, maxRetryAfterMs: 0 }
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(settings, n, () => 0.999999))).toEqual([
      100, 200, 400, 800, 1000,
    ])
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(settings, n, () => 0))).toEqual([
      50, 100, 200, 400, 500,
    ])
  })
})
