// Builds beyond one machine (issue 14): a real redis-server on 127.0.0.1 (random port, temporary folder)
// and real `pressroom worker` processes. The 300-article run builds EPUB and ninjs only, to keep the
// cost reasonable on a 2-core CI machine; the queue, the job ids and the worker are the same for every
// format (the fault tests build PDFs too, and check them with qpdf).
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { pressroom, root, temp } from '@pressroom/test-helpers'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error: a plain ES module without types (shared with scripts/bench.mjs)
import { makeCorpus } from '../../scripts/corpus.mjs'
import { pressroomAsync } from './delivery-helpers.js'
import {
  outputFiles,
  type Redis,
  startRedis,
  startWorker,
  stopWorkers,
  type WorkerProcess,
  waitFor,
  wholeness,
} from './queue-helpers.js'

let redis: Redis
const cleanup: string[] = []
const workers: WorkerProcess[] = []

beforeAll(async () => {
  redis = await startRedis()
}, 60_000)

// Each test stops its workers (so that none takes another test's jobs).
afterEach(async () => {
  await stopWorkers(workers.splice(0))
})

afterAll(async () => {
  await redis?.stop()
  for (const folder of cleanup) rmSync(folder, { recursive: true, force: true })
})

function spawnWorker(extra: string[] = []): WorkerProcess {
  const worker = startWorker(redis.url, extra)
  workers.push(worker)
  return worker
}

function queueStatus() {
  const run = pressroom(['status', '--queue', redis.url, '--json'])
  expect(run.status, run.stderr).toBe(0)
  return JSON.parse(run.stdout).queues['pressroom-build']
}

describe('pressroom build --queue with worker processes', () => {
  it('builds 300 articles exactly once, even when the same build is enqueued twice at once', async () => {
    const folder: string = makeCorpus(300, 0)
    const out = temp()
    cleanup.push(folder, out)
    const pool = [spawnWorker(), spawnWorker(), spawnWorker()]
    const args = ['build', folder, '-o', out, '-f', 'epub,ninjs', '--queue', redis.url, '--json']
    const [first, second] = await Promise.all([pressroomAsync(args), pressroomAsync(args)])
    for (const run of [first, second]) {
      expect(run.status, run.stderr).toBe(0)
      const report = JSON.parse(run.stdout)
      expect(report.summary).toMatchObject({ articles: 300, failed: 0, errors: 0 })
      expect(report.articles.filter((a: { ok: boolean }) => a.ok)).toHaveLength(300)
    }
    // Every job ran once, in one of the workers: 300 lines in all, 300 different ids, all built.
    const done = pool.flatMap((worker) => worker.done)
    expect(done).toHaveLength(300)
    expect(new Set(done.map((line) => line.job)).size).toBe(300)
    expect(done.every((line) => line.status === 'built')).toBe(true)
    // The work was shared.
    expect(pool.filter((worker) => worker.done.length > 0).length).toBeGreaterThan(1)
    const epubs = outputFiles(out).filter((file) => file.endsWith('.epub'))
    expect(epubs).toHaveLength(300)
    expect(wholeness(epubs)).toEqual([])
    // Enqueued again later: answered from the finished jobs, nothing runs.
    const again = await pressroomAsync(args)
    expect(again.status, again.stderr).toBe(0)
    expect(JSON.parse(again.stdout).summary.failed).toBe(0)
    expect(pool.flatMap((worker) => worker.done)).toHaveLength(300)
    expect(queueStatus().counts).toMatchObject({ completed: 300, failed: 0, active: 0 })
    await stopWorkers(pool)
  }, 1_200_000)

  it('survives a worker killed mid-job (kill -9): its stalled job runs again elsewhere, every output whole', async () => {
    const folder: string = makeCorpus(16, 0)
    const out = temp()
    cleanup.push(folder, out)
    const victim = spawnWorker()
    const survivor = spawnWorker()
    const run = pressroomAsync([
      'build',
      folder,
      '-o',
      out,
      '-f',
      'epub,pdf',
      '--queue',
      redis.url,
      '--json',
    ])
    // Mid-run: the victim has finished a job and holds the next one.
    await waitFor(() => victim.done.length >= 1 && survivor.done.length >= 1)
    victim.child.kill('SIGKILL')
    const result = await run
    expect(result.status, `${result.stderr}\n${survivor.stderr()}`).toBe(0)
    expect(JSON.parse(result.stdout).summary).toMatchObject({ articles: 16, failed: 0, errors: 0 })
    // Every job finished, in one worker or the other (the victim's last one in the survivor).
    const finished = new Set([...victim.done, ...survivor.done].map((line) => line.job))
    expect(finished.size).toBe(16)
    const files = outputFiles(out)
    expect(files.filter((file) => file.endsWith('.epub'))).toHaveLength(16)
    expect(files.filter((file) => file.endsWith('.pdf'))).toHaveLength(16)
    expect(wholeness(files)).toEqual([])
    expect(queueStatus().counts).toMatchObject({ failed: 0, active: 0, waiting: 0 })
  }, 1_200_000)

  it('survives a Redis restart mid-run: the worker reconnects and the run completes', async () => {
    const folder: string = makeCorpus(16, 0)
    const out = temp()
    cleanup.push(folder, out)
    const worker = spawnWorker()
    const run = pressroomAsync([
      'build',
      folder,
      '-o',
      out,
      '-f',
      'epub,pdf',
      '--queue',
      redis.url,
      '--json',
    ])
    await waitFor(() => worker.done.length >= 3)
    await redis.restart()
    const before = worker.done.length
    const result = await run
    expect(result.status, `${result.stderr}\n${worker.stderr()}`).toBe(0)
    expect(JSON.parse(result.stdout).summary).toMatchObject({ articles: 16, failed: 0, errors: 0 })
    // The same worker went on after the restart.
    expect(worker.child.exitCode).toBe(null)
    expect(worker.done.length).toBeGreaterThan(before)
    const files = outputFiles(out)
    expect(files.filter((file) => file.endsWith('.pdf'))).toHaveLength(16)
    expect(wholeness(files)).toEqual([])
  }, 1_200_000)

  it('puts a job that keeps failing in the failed set with its reason; `retry --queue` runs it again', async () => {
    const out = temp()
    cleanup.push(out)
    // A time limit no article meets: every attempt fails.
    const failing = spawnWorker(['--timeout', '0.001'])
    const article = path.join(root, 'content/pakistan-restores-deterrence.md')
    const run = await pressroomAsync([
      'build',
      article,
      '-o',
      out,
      '-f',
      'ninjs',
      '--queue',
      redis.url,
      '--json',
    ])
    expect(run.status).toBe(1)
    const report = JSON.parse(run.stdout)
    expect(report.summary.failed).toBe(1)
    expect(JSON.stringify(report.articles[0].messages)).toContain('time limit')
    const status = queueStatus()
    expect(status.counts.failed).toBe(1)
    expect(status.failed[0]).toMatchObject({ attempts: 3 })
    expect(status.failed[0].reason).toContain('timeout')
    const human = pressroom(['status', '--queue', redis.url])
    expect(human.stdout).toMatch(/1 failed/)
    expect(human.stdout).toContain('time limit')
    await stopWorkers([failing])

    const healthy = spawnWorker()
    const retried = pressroom(['retry', '--queue', redis.url])
    expect(retried.status, retried.stderr).toBe(0)
    expect(retried.stderr).toContain('1 failed job moved back')
    await waitFor(() => healthy.done.length === 1)
    expect(queueStatus().counts.failed).toBe(0)
    expect(readdirSync(path.join(out, 'pakistan-restores-deterrence'))).toContain(
      'pakistan-restores-deterrence.ninjs.json',
    )

    // SIGTERM while a job is in hand: the worker finishes it, then exits 0.
    const detached = await pressroomAsync([
      'build',
      'content/seawater-to-tap-water.md',
      '-o',
      out,
      '-f',
      'epub,pdf',
      '--queue',
      redis.url,
      '--detach',
    ])
    expect(detached.status, detached.stderr).toBe(0)
    expect(detached.stderr).toContain('Enqueued 1 article')
    await waitFor(() => queueStatus().counts.active === 1 || healthy.done.length === 2)
    healthy.child.kill('SIGTERM')
    expect(await healthy.exited).toBe(0)
    expect(healthy.done).toHaveLength(2)
    expect(healthy.stderr()).toContain('finishing the jobs in hand')
    const files = outputFiles(path.join(out, 'seawater-to-tap-water'))
    expect(wholeness(files)).toEqual([])
    expect(files.some((file) => file.endsWith('.pdf'))).toBe(true)
  }, 600_000)

  it('without --queue nothing needs Redis', () => {
    const out = temp()
    cleanup.push(out)
    const run = pressroom([
      'build',
      'content/pakistan-restores-deterrence.md',
      '-o',
      out,
      '-f',
      'ninjs',
    ])
    expect(run.status, run.stderr).toBe(0)
  }, 120_000)
})
