/**
 * The worker pool every article is built in (and every `check` and bundle): `node:worker_threads`,
 * one job per worker at a time, so that
 * - a job's time limit measures its own work, from the moment a ready worker takes it — never its
 *   wait in the queue (a 2,000-article run queues 2,000 jobs at once);
 * - a job that runs past the limit fails alone: its worker is terminated (whatever it is doing, even a
 *   loop that never yields) and replaced;
 * - a worker that really crashes (an uncaught error, its memory ceiling) is replaced and the job
 *   retried once before it is reported, with the real reason;
 * - Ctrl-C / SIGTERM stop everything at once (`destroy`): the main thread never renders, so it always
 *   hears the signal.
 *
 * One exception, for speed: when the first jobs a pool is given come as a single small job (one
 * article of at most `inProcessMaxBytes`, as `pressroom build article.md` and `pressroom check
 * article.md` give), it runs in this thread instead of paying for a worker's start (a new V8 isolate
 * and every module loaded a second time). An article that small cannot come near the time limit or
 * the memory ceiling (the pathological inputs that do are hundreds of kilobytes); should it pass the
 * time limit all the same, it is reported as a timeout like one in a worker. `inProcess: false` (the
 * queue's long-running workers) turns this off.
 */
import { statSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import type { Job } from './worker.js'

export interface PoolOptions {
  /** Workers at most (`--jobs`). */
  size: number
  /** Time limit of one job, in milliseconds, counted from when a worker starts it. */
  timeoutMs: number
  /** Memory ceiling of one worker's heap, in MB (`resourceLimits.maxOldGenerationSizeMb`). */
  maxMemoryMb: number
  /** Modules a worker loads before it says it is ready (the renderers a run needs). */
  preload?: string[]
  /**
   * Run a lone small first job in this thread (default true; see above). Off for pools that live
   * long and take jobs one by one (`pressroom worker`).
   */
  inProcess?: boolean
  /** Largest article run in this thread, in bytes (default 64 KB). */
  inProcessMaxBytes?: number
}

/** Time limits below this are meant to be enforced to the millisecond: such jobs go to a worker. */
const inProcessMinTimeoutMs = 5000

/** How a job ended. */
export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'timeout' | 'memory' | 'crashed' | 'interrupted'; message: string }

interface Pending {
  job: Job
  attempts: number
  resolve(outcome: Outcome<unknown>): void
}

interface Slot {
  worker: Worker
  ready: boolean
  /** Jobs this worker has taken. */
  taken: number
  pending?: Pending
  timer?: NodeJS.Timeout
  /** Set when we end the worker ourselves (time limit, shutdown): its exit is not a crash. */
  ending?: boolean
  error?: Error
}

export class WorkerPool {
  private readonly queue: Pending[] = []
  private readonly slots = new Set<Slot>()
  private closed = false
  /** Workers that died before they were ready, in a row: past 3, the jobs fail instead of looping. */
  private failedStarts = 0
  /** The first jobs have been looked at (in this thread, or workers). */
  private decided = false
  private deciding = false
  /** The job running in this thread, if any. */
  private local?: Pending

  constructor(private readonly options: PoolOptions) {}

  /** Run one job; never rejects. */
  run<T>(job: Job): Promise<Outcome<T>> {
    if (this.closed)
      return Promise.resolve({ ok: false, reason: 'interrupted', message: 'interrupted' })
    return new Promise<Outcome<T>>((resolve) => {
      this.queue.push({ job, attempts: 0, resolve: resolve as Pending['resolve'] })
      if (this.decided) this.pump()
      else if (!this.deciding) {
        // Jobs given together (a run queues all its articles in one go) are looked at together.
        this.deciding = true
        setImmediate(() => this.decide())
      }
    })
  }

  /** True while a job is queued or running. */
  get busy(): boolean {
    return (
      this.queue.length > 0 || Boolean(this.local) || [...this.slots].some((slot) => slot.pending)
    )
  }

  /** Stop every worker now; queued and running jobs end as `interrupted`. */
  async destroy(): Promise<void> {
    this.closed = true
    for (const pending of this.queue.splice(0))
      pending.resolve({ ok: false, reason: 'interrupted', message: 'interrupted' })
    // A job in this thread cannot be stopped; it is small (it ends soon) and its outcome is dropped.
    this.local?.resolve({ ok: false, reason: 'interrupted', message: 'interrupted' })
    this.local = undefined
    const endings: Promise<unknown>[] = []
    for (const slot of this.slots) {
      clearTimeout(slot.timer)
      slot.ending = true
      const pending = slot.pending
      slot.pending = undefined
      pending?.resolve({ ok: false, reason: 'interrupted', message: 'interrupted' })
      endings.push(slot.worker.terminate())
    }
    this.slots.clear()
    await Promise.allSettled(endings)
  }

  /**
   * Start up to `count` workers now, before any job is queued, so that their loading (the renderers,
   * fonts) overlaps the main thread's own work (finding the articles, reading the config).
   */
  warm(count = 1): void {
    if (this.closed) return
    // A pool that may run its first job here waits to see that job: the caller's own work (finding
    // the articles) is short next to a worker's start, which a lone article does not need.
    if (this.options.inProcess !== false && !this.decided) return
    let wanted = Math.min(count, this.options.size) - this.slots.size
    while (wanted-- > 0) this.spawn()
  }

  private decide(): void {
    this.deciding = false
    this.decided = true
    if (this.closed) return
    const [first] = this.queue
    if (this.queue.length === 1 && this.slots.size === 0 && this.runsHere(first.job)) {
      this.queue.shift()
      void this.runHere(first)
    } else this.pump()
  }

  /** Whether `job`, given alone to this unused pool, runs in this thread (no worker is started). */
  runsAloneHere(job: Job): boolean {
    return this.slots.size === 0 && !this.decided && this.runsHere(job)
  }

  private runsHere(job: Job): boolean {
    if (this.options.inProcess === false || this.options.timeoutMs < inProcessMinTimeoutMs)
      return false
    const file =
      job.kind === 'article' ? job.task.file : job.kind === 'check' ? job.file : undefined
    if (file === undefined) return false
    try {
      return statSync(file).size <= (this.options.inProcessMaxBytes ?? 64 * 1024)
    } catch {
      return false
    }
  }

  private async runHere(pending: Pending): Promise<void> {
    this.local = pending
    pending.attempts++
    const started = performance.now()
    let outcome: Outcome<unknown>
    try {
      const { runJob } = await import('./worker.js')
      const value = await runJob(pending.job)
      // The same allowance as a worker's first job (see assign).
      outcome =
        performance.now() - started > 2 * this.options.timeoutMs
          ? {
              ok: false,
              reason: 'timeout',
              message: `took longer than the time limit of ${seconds(this.options.timeoutMs)} (--timeout)`,
            }
          : { ok: true, value }
    } catch (error) {
      outcome = {
        ok: false,
        reason: 'crashed',
        message: `the build crashed: ${error instanceof Error ? error.message : String(error)}`,
      }
    }
    // Interrupted meanwhile (destroy): already answered.
    if (this.local !== pending) return
    this.local = undefined
    pending.resolve(outcome)
  }

  private pump(): void {
    if (this.closed) return
    for (const slot of this.slots) {
      if (this.queue.length === 0) return
      if (slot.ready && !slot.pending && !slot.ending)
        this.assign(slot, this.queue.shift() as Pending)
    }
    // Start workers for what is still waiting (they take jobs once ready).
    const starting = [...this.slots].filter((slot) => !slot.ready).length
    let wanted = Math.min(this.queue.length - starting, this.options.size - this.slots.size)
    while (wanted-- > 0) this.spawn()
  }

  private spawn(): void {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: { pressroomWorker: true, preload: this.options.preload ?? [] },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb },
    })
    const slot: Slot = { worker, ready: false, taken: 0 }
    this.slots.add(slot)
    worker.on('message', (message: { ready?: true; value?: unknown }) => {
      if (message.ready) {
        slot.ready = true
        this.failedStarts = 0
        this.pump()
        if (!slot.pending) worker.unref()
        return
      }
      const pending = slot.pending
      if (!pending) return
      clearTimeout(slot.timer)
      slot.pending = undefined
      pending.resolve({ ok: true, value: message.value })
      if (this.queue.length > 0) this.pump()
      if (!slot.pending) worker.unref()
    })
    worker.on('error', (error) => {
      slot.error = error
    })
    worker.on('exit', (code) => {
      this.slots.delete(slot)
      clearTimeout(slot.timer)
      const pending = slot.pending
      slot.pending = undefined
      if (!slot.ready && !slot.ending && ++this.failedStarts >= 3) {
        const message = `no worker could start: ${crashReason(slot.error, code, this.options.maxMemoryMb)}`
        for (const waiting of this.queue.splice(0))
          waiting.resolve({ ok: false, reason: 'crashed', message })
      }
      if (pending && slot.ending && !this.closed) {
        // Never expected (an ending worker takes no job), but a job must never be lost: run it again.
        this.queue.unshift(pending)
      } else if (pending && !slot.ending) {
        // A real crash: retry once in a new worker, then report it with its reason.
        if (pending.attempts < 2 && !this.closed) this.queue.unshift(pending)
        else
          pending.resolve({
            ok: false,
            reason:
              (slot.error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? 'memory'
                : 'crashed',
            message: crashReason(slot.error, code, this.options.maxMemoryMb),
          })
      }
      this.pump()
    })
  }

  private assign(slot: Slot, pending: Pending): void {
    slot.pending = pending
    pending.attempts++
    slot.worker.ref()
    // A worker's first job also pays for what every later one reuses (fonts parsed, renderer code
    // compiled): it gets twice the limit, so that the limit measures the article's own work.
    const limit = slot.taken++ === 0 ? 2 * this.options.timeoutMs : this.options.timeoutMs
    slot.timer = setTimeout(() => {
      // The worker is being terminated: out of the pool at once, so that no job is given to it
      // before its `exit` arrives (that job would be lost with it), and a replacement can start.
      slot.ending = true
      slot.pending = undefined
      this.slots.delete(slot)
      pending.resolve({
        ok: false,
        reason: 'timeout',
        message: `took longer than the time limit of ${seconds(this.options.timeoutMs)} (--timeout); stopped`,
      })
      void slot.worker.terminate()
      this.pump()
    }, limit)
    slot.worker.postMessage(pending.job)
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`
}

function crashReason(error: Error | undefined, code: number, memoryMb: number): string {
  const errorCode = (error as NodeJS.ErrnoException | undefined)?.code
  if (errorCode === 'ERR_WORKER_OUT_OF_MEMORY')
    return `needed more than the memory ceiling of ${memoryMb} MB per article (twice); stopped`
  if (error) return `the worker crashed twice: ${error.message}`
  return `the worker exited with code ${code} twice`
}
