/**
 * A worker of the pool (`pool.ts`): loads the renderers a run needs, says it is ready, then takes one
 * job at a time. Everything that parses or renders runs here, never on the main thread, so a
 * pathological article can always be stopped.
 */
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { type Article, type PublicationConfig, readArticle } from '@pressroom/article'
import type { VFileMessage } from 'vfile-message'
import {
  type ArticleResult,
  type ArticleTask,
  buildArticle,
  describeFailure,
} from './build-article.js'
import { clearConfigCache, configFor } from './config-cache.js'
import { loadWriters, type Output, renderBundle } from './formats.js'
import { heldReason } from './held.js'
import { type MessageData, toData } from './messages.js'

/** What the main thread asks a worker to do. */
export type Job =
  | { kind: 'article'; task: ArticleTask }
  | { kind: 'check'; file: string; root?: string; maxBytes?: number }
  | {
      kind: 'bundle'
      files: Array<{ file: string; root?: string }>
      title: string
      slug: string
      language?: string
      /** Embargoes are measured against it: held articles stay out of the digest. */
      now?: string
      maxBytes?: number
    }

export interface CheckValue {
  messages: MessageData[]
}

export interface BundleValue {
  outputs: Output[]
  messages: MessageData[]
}

let configHash: string | undefined

/** Run one job (also usable in-process, by tests and library callers). */
export async function runJob(job: Job): Promise<ArticleResult | CheckValue | BundleValue> {
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
    return await runOther(job)
  } catch (error) {
    const file = job.kind === 'check' ? job.file : 'bundle'
    return {
      outputs: [],
      messages: [describeFailure(file, job.kind === 'bundle' ? 'bundle' : undefined, error)],
    }
  }
}

async function runOther(job: Exclude<Job, { kind: 'article' }>): Promise<CheckValue | BundleValue> {
  if (job.kind === 'check') {
    const loaded = await configFor(path.dirname(path.resolve(job.file)), job.root)
    const article = await readArticle(job.file, { config: loaded.config, maxBytes: job.maxBytes })
    return { messages: article.messages.map(toData) }
  }
  // The one place whole articles are held together: a bundle is one book of them all.
  const articles: Article[] = []
  let config: PublicationConfig | undefined
  for (const { file, root } of job.files) {
    const loaded = await configFor(path.dirname(path.resolve(file)), root)
    config ??= loaded.config
    const article = await readArticle(file, { config: loaded.config, maxBytes: job.maxBytes })
    // The digest is public output: no embargoed or canceled article (held.ts).
    if (!heldReason(article.meta, job.now)) articles.push(article)
  }
  const messages: VFileMessage[] = []
  const outputs = await renderBundle(
    {
      articles,
      report: (message) => messages.push(message),
      title: job.title,
      language: job.language,
      config,
    },
    job.slug,
  )
  return { outputs, messages: messages.map(toData) }
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
