// Deliveries through the queue (issue 14): `publish --queue` builds and delivers through two
// `pressroom worker` processes; a real redis-server and the delivery tests' partner HTTP server.
// Each document reaches each partner exactly once, whichever worker sends it.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pressroom, temp } from '@pressroom/test-helpers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PartnerServer } from '../../packages/delivery/test/partner-server.js'
import { pressroomAsync } from './delivery-helpers.js'
import {
  type Redis,
  startRedis,
  startWorker,
  stopWorkers,
  type WorkerProcess,
} from './queue-helpers.js'

let redis: Redis
let wire: PartnerServer
const env = { WIRE_SECRET: 'wire-secret' }
const workers: WorkerProcess[] = []
const folder = temp('pressroom-queue-deliver-')

beforeAll(async () => {
  redis = await startRedis()
  wire = await new PartnerServer(env.WIRE_SECRET).start()
}, 60_000)

afterAll(async () => {
  await stopWorkers(workers)
  await redis?.stop()
  await wire?.stop()
  rmSync(folder, { recursive: true, force: true })
})

describe('pressroom publish --queue', () => {
  it('delivers each document once per partner through two workers', async () => {
    const content = path.join(folder, 'content')
    const out = path.join(folder, 'out')
    mkdirSync(content)
    writeFileSync(
      path.join(content, 'pressroom.yaml'),
      `base_url: https://news.example.org/
publisher: Queue Desk
partners:
  wire:
    format: ninjs
    destination:
      type: http
      url: ${wire.url}
      secret_env: WIRE_SECRET
      backoff: 0.05
  search:
    format: jsonld
    destination:
      type: folder
      path: ../drop
`,
    )
    const slugs = Array.from({ length: 12 }, (_, index) => `story-${index}`)
    for (const slug of slugs)
      writeFileSync(
        path.join(content, `${slug}.md`),
        `---\ntitle: Story ${slug}\npublished: 2024-01-10T08:00:00Z\n---\n\nThe first paragraph of ${slug}.\n`,
      )
    workers.push(startWorker(redis.url, [], env), startWorker(redis.url, [], env))
    const publish = () =>
      pressroomAsync(
        ['publish', content, '--out', out, '-f', 'epub,ninjs,jsonld', '--queue', redis.url],
        { env },
      )
    const first = await publish()
    expect(first.status, first.stderr).toBe(0)
    const ids = slugs.map((slug) => `https://news.example.org/articles/${slug}@1`).sort()
    expect([...wire.processed.keys()].sort()).toEqual(ids)
    // Sent once each: no document reached the partner twice.
    for (const key of ids) expect(wire.requests(key)).toHaveLength(1)
    const drop = path.join(folder, 'drop')
    expect(existsSync(drop) ? readdirSync(drop).sort() : []).toEqual([...slugs].sort())
    // Both workers took jobs (builds and deliveries).
    const lines = workers.flatMap((worker) => worker.done)
    expect(lines.filter((line) => line.status === 'delivered')).toHaveLength(24)
    expect(workers.every((worker) => worker.done.length > 0)).toBe(true)

    // Published again: nothing new to send, nobody receives anything twice.
    const again = await publish()
    expect(again.status, again.stderr).toBe(0)
    for (const key of ids) expect(wire.requests(key)).toHaveLength(1)
    const status = JSON.parse(pressroom(['status', '--queue', redis.url, '--json']).stdout)
    expect(status.queues['pressroom-deliver'].counts).toMatchObject({ completed: 24, failed: 0 })
  }, 600_000)
})
