/**
 * Beyond one machine: build (and delivery) jobs on BullMQ queues in Redis.
 *
 * - `QueueRunner` takes the place of the local `WorkerPool` in a run (`build --queue`): article jobs are
 *   added to the `pressroom-build` queue under an id derived from the article, its content and what is
 *   asked of it (so the same work enqueued twice is one job), and their results are awaited; other jobs
 *   (the collections a run builds from its results) still run in a local pool.
 * - `runQueueWorker` (`pressroom worker --queue`) takes those jobs and runs each in the same
 *   `WorkerPool` a local build uses, writing into the shared output folder atomically.
 *
 * Every output is written by `writeFileAtomic`, so a worker killed mid-job leaves no half-written
 * output; BullMQ sees its lock expire (stalled) and hands the job to another worker.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { Job as BullJob, Worker as BullWorker, type ConnectionOptions, Queue } from 'bullmq'
import type { ArticleResult, ArticleTask } from './build-article.js'
import { UsageError } from './errors.js'
import { type Outcome, type PoolOptions, WorkerPool } from './pool.js'
import { deliverProcessor, deliverQueueName } from './queue-deliver.js'
import type { Job } from './worker.js'
import { sweepTemporaryFiles } from './write.js'

/** The queue article builds go to. */
export const buildQueueName = 'pressroom-build'
/** Every queue `status --queue` shows. */
export const queueNames = [buildQueueName, 'pressroom-deliver'] as const

/** How long a worker holds a job's lock before it counts as stalled (renewed at half of it). */
export const lockDurationMs = 10_000
/** Attempts of one job (a crash or a time limit) before it ends in the failed set. */
export const attempts = 3

/** Connection options for `redis://[user:password@]host:port[/db]`. */
export function connection(
  url: string,
  maxRetriesPerRequest: number | null = null,
): ConnectionOptions {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UsageError(`\`--queue ${url}\` is not a Redis URL such as redis://127.0.0.1:6379`)
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new UsageError(`\`--queue ${url}\` is not a Redis URL such as redis://127.0.0.1:6379`)
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.pathname.length > 1 ? { db: Number(parsed.pathname.slice(1)) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    // null: wait for Redis to come back (a restart) rather than failing commands.
    maxRetriesPerRequest,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  }
}

/**
 * The job id of an article build: the article's file name, and a hash of its content (the version),
 * its config, the formats and the output folder — the same work asked twice has the same id.
 */
export async function articleJobId(task: ArticleTask, nonce = ''): Promise<string> {
  const hash = createHash('sha256')
  hash.update(await readFile(task.file).catch(() => Buffer.from('missing')))
  hash.update(
    JSON.stringify([
      task.configHash ?? '',
      task.formats,
      task.outDir,
      task.pageSize,
      task.maxBytes ?? 0,
      Boolean(task.copyImages),
      task.collect ?? [],
      task.force,
      nonce,
    ]),
  )
  const name = path
    .basename(task.file, '.md')
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 80)
  return `article-${name}-${hash.digest('hex').slice(0, 24)}`
}

/** What the runner in `build` needs: the local pool and the queue both fit. */
export interface Runner {
  run<T>(job: Job): Promise<Outcome<T>>
  readonly busy: boolean
  destroy(): Promise<void>
  /** Start n workers ahead of the first job (the local pool does; a queue has its workers elsewhere). */
  warm?(count: number): void
  /** Whether a job given alone runs in this thread, starting no worker (the local pool's lone small article). */
  runsAloneHere?(job: Job): boolean
}

export interface QueueRunnerOptions {
  url: string
  /** The local pool, for the jobs that stay on this machine (collections). */
  local: PoolOptions
  /** Enqueue and return at once: every article job resolves as `interrupted` (not waited for). */
  detach?: boolean
  /** With `--force`: a new id, so finished work is done again. */
  nonce?: string
}

interface Waiting {
  id: string
  task: ArticleTask
  resolve(outcome: Outcome<unknown>): void
}

/** Runs a build's article jobs on the queue, and waits for them (polling, so a Redis restart is survived). */
export class QueueRunner implements Runner {
  private readonly queue: Queue
  private local?: WorkerPool
  private readonly waiting = new Map<string, Waiting[]>()
  private timer?: NodeJS.Timeout
  private polling = false
  private closed = false
  /** Ids this runner added, or found already there. */
  readonly enqueued: string[] = []

  constructor(private readonly options: QueueRunnerOptions) {
    this.queue = new Queue(buildQueueName, { connection: connection(options.url) })
    this.queue.on('error', () => {})
  }

  get busy(): boolean {
    return this.waiting.size > 0 || Boolean(this.local?.busy)
  }

  async run<T>(job: Job): Promise<Outcome<T>> {
    if (this.closed) return { ok: false, reason: 'interrupted', message: 'interrupted' }
    if (job.kind !== 'article') {
      this.local ??= new WorkerPool(this.options.local)
      return this.local.run<T>(job)
    }
    const task: ArticleTask = { ...job.task, file: path.resolve(job.task.file) }
    const id = await articleJobId(task, this.options.nonce)
    await this.add(id, task)
    this.enqueued.push(id)
    if (this.options.detach) return { ok: false, reason: 'interrupted', message: 'detached' }
    const outcome = await new Promise<Outcome<unknown>>((resolve) => {
      const list = this.waiting.get(id) ?? []
      list.push({ id, task, resolve })
      this.waiting.set(id, list)
      this.timer ??= setInterval(() => void this.poll(), 200)
    })
    if (outcome.ok) {
      // The worker names the file from its own folder: name it from ours.
      const result = outcome.value as ArticleResult
      result.file = path.relative(process.cwd(), task.file) || task.file
    }
    return outcome as Outcome<T>
  }

  private add(id: string, task: ArticleTask): Promise<unknown> {
    return this.queue.add('article', { task } satisfies { task: ArticleTask }, {
      jobId: id,
      attempts,
      backoff: { type: 'exponential', delay: 1000 },
      // Kept a day: the same work enqueued again within it is answered from it.
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    })
  }

  private async poll(): Promise<void> {
    if (this.polling || this.closed) return
    this.polling = true
    try {
      const ids = [...this.waiting.keys()]
      const jobs = await Promise.all(ids.map((id) => BullJob.fromId(this.queue, id)))
      for (const [index, id] of ids.entries()) {
        const job = jobs[index]
        const list = this.waiting.get(id)
        if (!list) continue
        if (!job) {
          // Gone: Redis restarted without its data. Add it again (the article cache keeps
          // finished outputs from being rendered twice).
          await this.add(id, list[0].task)
          continue
        }
        if (!job.finishedOn) continue
        const state = await job.getState()
        if (state !== 'completed' && state !== 'failed') continue
        const failed = state === 'failed'
        this.waiting.delete(id)
        for (const waiting of list)
          waiting.resolve(
            failed
              ? { ok: false, reason: 'crashed', message: `${job.failedReason} (job ${id})` }
              : { ok: true, value: structuredClone(job.returnvalue) },
          )
      }
    } catch {
      // Redis unreachable: try again at the next tick.
    } finally {
      this.polling = false
    }
  }

  async destroy(): Promise<void> {
    this.closed = true
    clearInterval(this.timer)
    for (const list of this.waiting.values())
      for (const waiting of list)
        waiting.resolve({ ok: false, reason: 'interrupted', message: 'interrupted' })
    this.waiting.clear()
    await this.local?.destroy()
    await this.queue.close().catch(() => {})
  }
}

export interface QueueWorkerOptions {
  url: string
  concurrency: number
  pool: Omit<PoolOptions, 'size'>
  stderr: NodeJS.WritableStream
  stdout: NodeJS.WritableStream
  signal?: AbortSignal
}

/**
 * `pressroom worker`: take jobs until stopped. SIGTERM (or the signal) lets the jobs in hand finish,
 * then resolves.
 */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<void> {
  // A long-running service: every job in a worker it can stop, however small (pool.ts).
  const pool = new WorkerPool({ ...options.pool, size: options.concurrency, inProcess: false })
  const worker = new BullWorker<{ task: ArticleTask }, ArticleResult>(
    buildQueueName,
    async (job) => {
      const started = performance.now()
      const outcome = await pool.run<ArticleResult>({ kind: 'article', task: job.data.task })
      if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`)
      // One line per finished job (what tests and logs count).
      options.stdout.write(
        `${JSON.stringify({ job: job.id, status: outcome.value.status, ms: Math.round(performance.now() - started) })}\n`,
      )
      return outcome.value
    },
    {
      connection: connection(options.url),
      concurrency: options.concurrency,
      lockDuration: lockDurationMs,
      stalledInterval: lockDurationMs / 2,
      maxStalledCount: 2,
    },
  )
  // Deliveries (`publish --queue`): a few in flight, they mostly wait on the network.
  const deliverer: BullWorker = new BullWorker(
    deliverQueueName,
    deliverProcessor(() => deliverer),
    {
      connection: connection(options.url),
      concurrency: 4,
      lockDuration: lockDurationMs,
      stalledInterval: lockDurationMs / 2,
      maxStalledCount: 2,
    },
  )
  deliverer.on('error', () => {})
  deliverer.on('completed', (job, value) => {
    options.stdout.write(
      `${JSON.stringify({ job: job.id, status: value?.already ? 'already-delivered' : 'delivered' })}\n`,
    )
  })
  deliverer.on('failed', (job, error) => {
    options.stderr.write(`pressroom worker: delivery ${job?.id} failed: ${error.message}\n`)
  })
  let lastError = ''
  worker.on('error', (error) => {
    if (error.message !== lastError) options.stderr.write(`pressroom worker: ${error.message}\n`)
    lastError = error.message
  })
  worker.on('failed', (job, error) => {
    options.stderr.write(`pressroom worker: job ${job?.id} failed: ${error.message}\n`)
  })
  await worker.waitUntilReady()
  await deliverer.waitUntilReady()
  options.stderr.write(
    `pressroom worker: taking jobs from ${options.url} (${options.concurrency} at a time)\n`,
  )
  await new Promise<void>((resolve) => {
    let stopping = false
    const stop = (signal: string) => {
      if (stopping) process.exit(130)
      stopping = true
      options.stderr.write(
        `pressroom worker: ${signal}: finishing the jobs in hand, then stopping\n`,
      )
      void Promise.all([worker.close(), deliverer.close()])
        .then(() => pool.destroy())
        .then(resolve)
    }
    process.once('SIGTERM', () => stop('SIGTERM'))
    process.once('SIGINT', () => stop('SIGINT'))
    options.signal?.addEventListener('abort', () => stop('stop'))
  })
}

export interface QueueStatus {
  queues: Record<
    string,
    {
      counts: Record<string, number>
      failed: Array<{ id: string; reason: string; attempts: number }>
    }
  >
}

/** The counts of every queue and its failed jobs with their reasons. */
export async function queueStatus(url: string): Promise<QueueStatus> {
  const status: QueueStatus = { queues: {} }
  for (const name of queueNames) {
    const queue = new Queue(name, { connection: connection(url, 3) })
    try {
      const counts = await queue.getJobCounts(
        'waiting',
        'active',
        'delayed',
        'completed',
        'failed',
        'paused',
      )
      const failed = (await queue.getFailed(0, 99)).map((job) => ({
        id: String(job.id),
        reason: job.failedReason,
        attempts: job.attemptsMade,
      }))
      status.queues[name] = { counts, failed }
    } finally {
      await queue.close()
    }
  }
  return status
}

/** Move every failed job back to waiting; returns how many. */
export async function retryFailed(url: string): Promise<number> {
  let count = 0
  for (const name of queueNames) {
    const queue = new Queue(name, { connection: connection(url, 3) })
    try {
      count += await queue.getJobCountByTypes('failed')
      await queue.retryJobs({ state: 'failed', count: 1000 })
    } finally {
      await queue.close()
    }
  }
  return count
}

/** Human lines for `status --queue`. */
export function describeQueueStatus(status: QueueStatus): string[] {
  const lines: string[] = []
  for (const [name, { counts, failed }] of Object.entries(status.queues)) {
    lines.push(
      `${name}: ${Object.entries(counts)
        .map(([state, count]) => `${count} ${state}`)
        .join(', ')}`,
    )
    for (const job of failed)
      lines.push(`  failed  ${job.id}  (${job.attempts} attempts): ${job.reason}`)
  }
  return lines
}

/** Temporary files older than this were left by a dead worker (a write takes far less). */
const staleMs = 3 * lockDurationMs

/**
 * In a shared output folder, delete only the temporary files a killed worker left (older than three
 * lock durations): the ones being written now by live workers stay.
 */
export function sweepStaleTemporaryFiles(folder: string): Promise<number> {
  return sweepTemporaryFiles(folder, { olderThanMs: staleMs })
}
