/**
 * Collections: what is built over all the articles (the JSON Feed, the `--bundle` EPUB), after the
 * articles themselves.
 */
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { slug as githubSlug } from 'github-slugger'
import type { VFileMessage } from 'vfile-message'
import type { BuildOptions } from './build.js'
import { type ArticleResult, cacheFolder, cacheName, once, readCache } from './build-article.js'
import { configFor } from './config-cache.js'
import { getFormat, type Output } from './formats.js'
import { fileError, type MessageData, toData } from './messages.js'
import type { WorkerPool } from './pool.js'
import type { Progress } from './progress.js'
import type { BundleValue } from './worker.js'
import { writeFileAtomic } from './write.js'

export interface CollectionResult {
  name: string
  ok: boolean
  outputs: { path: string; sizeInBytes: number }[]
  messages: MessageData[]
  ms: number
}

/**
 * Keeps each collection's entries as articles finish (the feed keeps only its newest items), so a run
 * over thousands of articles never holds all of them at once.
 */
export class Collector {
  readonly kept = new Map<string, unknown[]>()
  private merging = Promise.resolve()

  constructor(private readonly limit: number) {}

  add(entries: Record<string, unknown>): void {
    this.merging = this.merging.then(async () => {
      for (const [name, entry] of Object.entries(entries)) {
        const format = getFormat(name)
        if (format?.scope !== 'collection') continue
        this.kept.set(name, await format.keep(this.kept.get(name) ?? [], entry, this.limit))
      }
    })
  }

  done(): Promise<void> {
    return this.merging
  }
}

/**
 * A partial build (`pressroom build content/new.md`) keeps every other article in the feed: their
 * entries come from the output folder's cache, where each was kept when that article was built —
 * for articles whose source still exists (a deleted article leaves the feed).
 */
export async function addCachedEntries(
  outDir: string,
  runFiles: string[],
  names: string[],
  collector: Collector,
): Promise<void> {
  if (names.length === 0) return
  const inRun = new Set(runFiles.map(cacheName))
  let files: string[]
  try {
    files = await readdir(path.join(outDir, cacheFolder))
  } catch {
    return
  }
  for (const name of files) {
    if (!name.endsWith('.json') || inRun.has(name)) continue
    const cache = await readCache(path.join(outDir, cacheFolder, name))
    if (!cache.source) continue
    const exists = await stat(cache.source).then(
      () => true,
      () => false,
    )
    if (!exists) continue
    const entries: Record<string, unknown> = {}
    for (const format of names) {
      const entry = cache.formats[format]?.entry
      if (entry !== undefined) entries[format] = entry
    }
    collector.add(entries)
  }
}

/** Render the collections (feed, bundle) from the articles that built, and write them. */
export async function buildCollections(options: {
  results: ArticleResult[]
  kept: Map<string, unknown[]>
  roots: Map<string, string>
  names: string[]
  build: BuildOptions
  outDir: string
  progress: Progress
  pool: Pick<WorkerPool, 'run'>
}): Promise<CollectionResult[]> {
  const { results, kept, roots, names, build, outDir, progress, pool } = options
  const collections: CollectionResult[] = []
  const ok = results.filter((result) => result.ok)
  if (ok.length === 0 && kept.size === 0) return collections
  const first = (ok[0] ?? results[0])?.file
  if (!first) return collections
  const { config } = await configFor(path.dirname(path.resolve(first)), roots.get(first))
  const jobs: Array<{
    name: string
    render: (report: (m: VFileMessage) => void) => Promise<Output[] | BundleValue>
  }> = []
  for (const name of names) {
    const format = getFormat(name)
    if (format?.scope !== 'collection') continue
    // Each article's entry was made (or taken from the cache) where it was built.
    const entries = kept.get(name) ?? []
    jobs.push({ name, render: (report) => format.render({ entries, config, report }) })
  }
  if (build.bundle !== undefined && ok.length > 0) {
    const title = build.bundle.trim() || 'Collection'
    jobs.push({
      name: 'bundle',
      // Reading and rendering every article is real work: in a worker, like an article.
      render: async () => {
        const outcome = await pool.run<BundleValue>({
          kind: 'bundle',
          files: ok.map((result) => ({ file: result.file, root: roots.get(result.file) })),
          title: build.bundle as string,
          slug: githubSlug(title) || 'collection',
          language: config.language,
          now: build.now,
          maxBytes: build.maxBytes,
        })
        if (!outcome.ok) throw new Error(outcome.message)
        return outcome.value
      },
    })
  }
  for (const job of jobs) {
    const started = performance.now()
    const messages: VFileMessage[] = []
    const result: CollectionResult = { name: job.name, ok: false, outputs: [], messages: [], ms: 0 }
    try {
      const rendered = await job.render((m) => messages.push(m))
      const outputs = Array.isArray(rendered) ? rendered : rendered.outputs
      if (!Array.isArray(rendered)) result.messages.push(...rendered.messages)
      for (const output of outputs) {
        await writeFileAtomic(path.join(outDir, output.path), output.data)
        result.outputs.push({
          path: output.path,
          sizeInBytes:
            typeof output.data === 'string'
              ? Buffer.byteLength(output.data)
              : output.data.byteLength,
        })
      }
      result.messages.push(...messages.map(toData))
      result.ok = !result.messages.some((m) => m.fatal)
    } catch (error) {
      result.messages.push(
        fileError(
          job.name,
          `Cannot build ${job.name}: ${(error as Error).message}`,
          `${job.name}-failed`,
        ),
      )
    }
    result.messages = once(result.messages)
    result.ms = performance.now() - started
    progress.messages(result.messages)
    progress.note(
      `${result.ok ? '✓' : '✗'} ${job.name}: ${result.outputs.map((o) => o.path).join(', ') || 'not built'}  ${Math.round(result.ms)} ms`,
    )
    collections.push(result)
  }
  return collections
}
