/**
 * A worker of the pool (`pool.ts`): loads the renderers a run needs, says it is ready, then takes one
 * job at a time. Everything that parses or renders runs here (but a lone small article, which the pool
 * runs in its own thread), so a pathological article can always be stopped.
 */
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { readArticle } from '@pressroom/article'
import {
  type ArticleResult,
  type ArticleTask,
  buildArticle,
  describeFailure,
} from './build-article.js'
import { clearConfigCache, configFor } from './config-cache.js'
import { loadWriters } from './formats.js'
import { type MessageData, toData } from './messages.js'

/** What the main thread asks a worker to do. */
export type Job =
  | { kind: 'article'; task: ArticleTask }
  | { kind: 'check'; file: string; root?: string; maxBytes?: number }

export interface CheckValue {
  messages: MessageData[]
}

let configHash: string | undefined

/** Run one job (also usable in-process, by tests and library callers). */
export async function runJob(job: Job): Promise<ArticleResult | CheckValue> {
  if (job.kind === 'article') {
    // The config changed since this worker loaded it (watch mode): read it again.
    const hash = job.task.configHash
    if (hash !== undefined && hash !== configHash) {
      if (configHash !== undefined) clearConfigCache()
      configHash = hash
    }
    return buildArticle(job.task)
  }
  try {
    return await check(job)
  } catch (error) {
    return { messages: [describeFailure(job.file, undefined, error)] }
  }
}

async function check(job: Extract<Job, { kind: 'check' }>): Promise<CheckValue> {
  const loaded = await configFor(path.dirname(path.resolve(job.file)), job.root)
  const article = await readArticle(job.file, { config: loaded.config, maxBytes: job.maxBytes })
  return { messages: article.messages.map(toData) }
}

// Only in a thread the pool started (not whenever this module is imported in some worker thread, such
// as a test runner's, or by the pool's in-process path).
if (parentPort && workerData?.pressroomWorker) {
  const port = parentPort
  // libvips' operation cache (up to 50 MB and 100 operations by default) keeps nothing a later
  // article reuses (each image is read once per article), and its own threads beside the pool's
  // workers only add memory: off, and one thread per image.
  try {
    const { default: sharp } = await import('sharp')
    sharp.cache(false)
    sharp.concurrency(1)
  } catch {
    // No sharp for this platform: the articles with images say so themselves.
  }
  await loadWriters(workerData?.preload ?? [])
  port.on('message', async (job: Job) => {
    const value = await runJob(job)
    port.postMessage({ value })
  })
  port.postMessage({ ready: true })
}
