/**
 * Collections: what is built over all the articles (the JSON Feed, the web index, the `--bundle`
 * EPUB), after the articles themselves: the entries their articles made, kept as they come, then
 * each collection's assemble step (formats.ts).
 */
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { VFileMessage } from 'vfile-message'
import type { BuildOptions } from './build.js'
import {
  type ArticleResult,
  cacheFolder,
  cacheName,
  once,
  readCache,
  sizeOf,
} from './build-article.js'
import { configFor } from './config-cache.js'
import { type CollectionFormat, getFormat } from './formats.js'
import { fileError, type MessageData, toData } from './messages.js'
import type { WorkerPool } from './pool.js'
import type { Progress } from './progress.js'
import { writeFileAtomic } from './write.js'

export interface CollectionResult {
  name: string
  ok: boolean
  outputs: { path: string; sizeInBytes: number }[]
  messages: MessageData[]
  ms: number
}

/**
 * Keeps each collection's entries as articles finish: a collection with a `keep` step merges them
 * (the feed keeps only its newest items), so a run over thousands of articles never holds all of
 * them at once; the others keep every entry, in the order the articles were given.
 */
export class Collector {
  readonly kept = new Map<string, unknown[]>()
  private readonly given = new Map<string, { position: number; file: string; entry: unknown }[]>()
  private merging = Promise.resolve()

  constructor(private readonly limit: number) {}

  /** An article's entries; `position` is its place among the articles given, `file` its name. */
  add(entries: Record<string, unknown>, position = 0, file = ''): void {
    this.merging = this.merging.then(async () => {
      for (const [name, entry] of Object.entries(entries)) {
        const format = getFormat(name)
        if (format?.scope !== 'collection') continue
        if (format.keep) {
          this.kept.set(name, await format.keep(this.kept.get(name) ?? [], entry, this.limit))
        } else {
          const list = this.given.get(name) ?? []
          list.push({ position, file, entry })
          this.given.set(name, list)
        }
      }
    })
  }

  done(): Promise<void> {
    return this.merging
  }

  /** A collection's entries; of those kept in the given order, only the articles in `files` (those that built). */
  entries(name: string, files: ReadonlySet<string>): unknown[] {
    const given = this.given.get(name)
    if (!given) return this.kept.get(name) ?? []
    return given
      .filter((item) => files.has(item.file))
      .sort((a, b) => a.position - b.position)
      .map((item) => item.entry)
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
  // Fresh entries (the bundle's) are never cached: only this run's articles make them.
  names = names.filter((name) => !(getFormat(name) as CollectionFormat | undefined)?.fresh)
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

/** Assemble the collections (feed, index, bundle) from the entries their articles made, and write them. */
export async function buildCollections(options: {
  results: ArticleResult[]
  collector: Collector
  roots: Map<string, string>
  /** The collections to build, in table order (the bundle among them with `--bundle`). */
  names: string[]
  build: BuildOptions
  outDir: string
  progress: Progress
  /** Where collections that assemble in a worker (the bundle) run: a local pool. */
  pool: Pick<WorkerPool, 'run'>
}): Promise<CollectionResult[]> {
  const { results, collector, roots, names, build, outDir, progress, pool } = options
  const collections: CollectionResult[] = []
  const ok = results.filter((result) => result.ok)
  if (ok.length === 0 && collector.kept.size === 0) return collections
  const first = (ok[0] ?? results[0])?.file
  if (!first) return collections
  const { config, hash } = await configFor(path.dirname(path.resolve(first)), roots.get(first))
  const built = new Set(ok.map((result) => result.file))
  for (const name of names) {
    const format = getFormat(name)
    if (format?.scope !== 'collection') continue
    // A collection of this run's articles only (the bundle) needs one that built.
    if (format.fresh && ok.length === 0) continue
    const entries = collector.entries(name, built)
    // A collection chosen by its own option takes its title from it (`--bundle TITLE`).
    const title = format.option ? build[format.option] : undefined
    const started = performance.now()
    const messages: VFileMessage[] = []
    const result: CollectionResult = { name, ok: false, outputs: [], messages: [], ms: 0 }
    try {
      if (format.inWorker) {
        // Real rendering work: in a worker, like an article (the entries are the articles, parsed once).
        const outcome = await pool.run<ArticleResult>({
          kind: 'article',
          task: {
            file: path.resolve(ok[0].file),
            root: roots.get(ok[0].file),
            formats: [],
            outDir,
            force: true,
            now: build.now ?? new Date().toISOString(),
            pageSize: build.pageSize ?? 'A4',
            config,
            configHash: hash,
            assemble: { name, entries, title },
          },
        })
        if (!outcome.ok) throw new Error(outcome.message)
        result.outputs.push(...(outcome.value.formats[0]?.outputs ?? []))
        result.messages.push(...outcome.value.messages)
      } else {
        for (const output of await format.assemble({
          entries,
          config,
          report: (m) => messages.push(m),
          title,
        })) {
          await writeFileAtomic(path.join(outDir, output.path), output.data)
          result.outputs.push({ path: output.path, sizeInBytes: sizeOf(output.data) })
        }
      }
      result.messages.push(...messages.map(toData))
      result.ok = !result.messages.some((m) => m.fatal)
    } catch (error) {
      result.messages.push(
        fileError(name, `Cannot build ${name}: ${(error as Error).message}`, `${name}-failed`),
      )
    }
    result.messages = once(result.messages)
    result.ms = performance.now() - started
    progress.messages(result.messages)
    progress.note(
      `${result.ok ? '✓' : '✗'} ${name}: ${result.outputs.map((o) => o.path).join(', ') || 'not built'}  ${Math.round(result.ms)} ms`,
    )
    collections.push(result)
  }
  return collections
}
