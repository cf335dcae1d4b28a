import { watch as watchFolder } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { type Article, readArticle } from '@pressroom/article'
import { slug as githubSlug } from 'github-slugger'
import type { VFileMessage } from 'vfile-message'
import { type ArticleResult, type ArticleTask, buildArticle } from './build-article.js'
import { clearConfigCache, configFor } from './config-cache.js'
import { discover } from './discover.js'
import { UsageError } from './errors.js'
import { defaultFormats, formatNames, getFormat, type Output, renderBundle } from './formats.js'
import { heldReason } from './held.js'
import { fileError, type MessageData, toData } from './messages.js'
import { Progress } from './progress.js'
import { removePending, sweepTemporaryFiles, writeFileAtomic } from './write.js'

export interface BuildOptions {
  paths: string[]
  out: string
  formats?: string
  bundle?: string
  jobs?: number
  force?: boolean
  watch?: boolean
  json?: boolean
  quiet?: boolean
  frail?: boolean
  now?: string
  pageSize?: 'A4' | 'Letter'
  maxBytes?: number
  /** Per-article time limit in milliseconds (default 120 s). */
  timeout?: number
  /** Items in the JSON Feed: the newest N (default 100; 0 for every article). */
  feedItems?: number
  stderr?: NodeJS.WriteStream
  stdout?: NodeJS.WritableStream
  /** Called with the report of the build and of every rebuild with `watch` (the preview listens). */
  onReport?: (report: BuildReport) => void
}

export interface CollectionResult {
  name: string
  ok: boolean
  outputs: { path: string; sizeInBytes: number }[]
  messages: MessageData[]
  ms: number
}

export interface BuildReport {
  out: string
  formats: string[]
  articles: ArticleResult[]
  collections: CollectionResult[]
  summary: {
    articles: number
    built: number
    failed: number
    errors: number
    warnings: number
    ms: number
    interrupted: boolean
    /** Peak resident memory of this process and its workers, in MB. */
    peakRssMB: number
  }
}

/** Parse `--format a,b,c` against the table. */
export function parseFormats(value: string | undefined): string[] {
  const names = (!value || value === 'all' ? defaultFormats.join(',') : value)
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)
  for (const name of names) {
    if (!getFormat(name))
      throw new UsageError(`Unknown format \`${name}\`; choose from ${formatNames.join(', ')}`)
  }
  // A format may bring a collection with it (`html` its index page).
  for (const name of [...names]) {
    const format = getFormat(name)
    if (format?.scope === 'article') names.push(...(format.with ?? []))
  }
  // Table order: renditions (EPUB, PDF) are built before the ninjs that links to them.
  return formatNames.filter((name) => names.includes(name))
}

function parseNow(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString()
  const time = Date.parse(value)
  if (Number.isNaN(time))
    throw new UsageError(`\`--now ${value}\` is not a date-time such as 2024-01-20T00:00:00Z`)
  return new Date(time).toISOString()
}

/** Build every article in every requested format. Resolves with the report; sets no exit code itself. */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const stderr = options.stderr ?? process.stderr
  const formats = parseFormats(options.formats)
  const now = parseNow(options.now)
  const outDir = path.resolve(options.out)
  const jobs = Math.max(1, options.jobs ?? availableParallelism())
  const progress = new Progress({
    quiet: Boolean(options.quiet),
    json: Boolean(options.json),
    stream: stderr,
  })
  const articleFormats = formats.filter((name) => getFormat(name)?.scope === 'article')
  const collectionFormats = formats.filter((name) => getFormat(name)?.scope === 'collection')

  const run = async (paths: string[], force: boolean): Promise<BuildReport> => {
    const started = performance.now()
    const found = await discover(paths)
    if (found.files.length === 0)
      throw new UsageError(`No articles (*.md) found in ${paths.join(', ')}`)
    await sweepTemporaryFiles(outDir)
    const tasks: ArticleTask[] = found.files.map((file) => ({
      file,
      formats: articleFormats,
      outDir,
      root: found.roots.get(file),
      force,
      now,
      pageSize: options.pageSize ?? 'A4',
      maxBytes: options.maxBytes,
      copyImages: formats.some(
        (name) => name === 'ninjs' || name === 'jsonld' || name === 'jsonfeed' || name === 'html',
      ),
      collect: collectionFormats,
    }))
    // Config problems are reported once, not once per article.
    const configMessages = new Map<string, MessageData[]>()
    for (const task of tasks) {
      const loaded = await configFor(path.dirname(path.resolve(task.file)), task.root)
      if (loaded.config.path && loaded.messages.length > 0)
        configMessages.set(loaded.config.path, loaded.messages)
    }
    const configProblems = [...configMessages.values()].flat()
    progress.messages(configProblems)

    progress.start(tasks.length)
    // Collection entries are merged as articles finish (the feed keeps only its newest items),
    // so a run over thousands of articles never holds all their entries at once.
    const kept = new Map<string, unknown[]>()
    let merging = Promise.resolve()
    const collect = (result: ArticleResult) => {
      const entries = result.ok ? Object.entries(result.entries) : []
      result.entries = {}
      merging = merging.then(async () => {
        for (const [name, entry] of entries) {
          const format = getFormat(name)
          if (format?.scope !== 'collection') continue
          kept.set(name, await format.keep(kept.get(name) ?? [], entry, options.feedItems ?? 100))
        }
      })
    }
    const results =
      articleFormats.length > 0 || collectionFormats.length > 0
        ? await runTasks(tasks, jobs, progress, options.timeout ?? 120_000, collect)
        : []
    await merging
    await progress.flush()
    progress.clear()
    checkSlugs(results)

    const collections: CollectionResult[] = []
    if (!interrupted && (collectionFormats.length > 0 || options.bundle !== undefined)) {
      collections.push(
        ...(await buildCollections(
          results,
          kept,
          found.roots,
          collectionFormats,
          options,
          outDir,
          progress,
        )),
      )
    }
    await progress.flush()
    const all = [
      ...configProblems,
      ...results.flatMap((r) => r.messages),
      ...collections.flatMap((c) => c.messages),
    ]
    const failed =
      results.filter((result) => !result.ok).length + collections.filter((c) => !c.ok).length
    const report: BuildReport = {
      out: path.relative(process.cwd(), outDir) || '.',
      formats,
      articles: results,
      collections,
      summary: {
        articles: tasks.length,
        built: results.filter((result) => result.ok).length,
        failed,
        errors: all.filter((m) => m.fatal).length,
        warnings: all.filter((m) => !m.fatal).length,
        ms: Math.round(performance.now() - started),
        interrupted,
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      },
    }
    if (!options.json && !options.quiet) {
      const names = results.filter((result) => !result.ok).map((result) => result.file)
      stderr.write(
        `${report.summary.built} of ${report.summary.articles} article${report.summary.articles === 1 ? '' : 's'} built into ${report.out}/ in ${report.summary.ms} ms` +
          (names.length > 0 ? `; failed: ${names.join(', ')}` : '') +
          (interrupted ? ' (interrupted: run again to continue)' : '') +
          '\n',
      )
    } else if (options.quiet && !options.json && failed > 0) {
      stderr.write(
        `failed: ${results
          .filter((r) => !r.ok)
          .map((r) => r.file)
          .join(', ')}\n`,
      )
    }
    options.onReport?.(report)
    return report
  }

  let interrupted = false
  const onSignal = async (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(130)
    interrupted = true
    progress.clear()
    stderr.write(
      `\n${signal}: stopping; finished files are kept, nothing half-written is left. Run again to continue.\n`,
    )
    await removePending()
    await pool?.destroy().catch(() => {})
    await sweepTemporaryFiles(outDir)
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    const report = await run(options.paths, Boolean(options.force))
    if (options.watch) {
      await watchAndRebuild(options.paths, outDir, (paths) => run(paths, false), progress, stderr)
    }
    return report
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await pool?.destroy().catch(() => {})
    pool = undefined
  }
}

type Pool = {
  run(task: ArticleTask, options?: { signal?: AbortSignal }): Promise<ArticleResult>
  destroy(): Promise<void>
}
let pool: Pool | undefined

async function runTasks(
  tasks: ArticleTask[],
  jobs: number,
  progress: Progress,
  timeout: number,
  onResult: (result: ArticleResult) => void,
): Promise<ArticleResult[]> {
  // One article, or one job: in this process (a worker's start-up would cost more than it saves).
  if (tasks.length === 1 || jobs === 1) {
    const results: ArticleResult[] = []
    for (const task of tasks) {
      progress.begin(task.file)
      const result = await buildArticle(task)
      progress.finish(result)
      onResult(result)
      results.push(result)
    }
    return results
  }
  if (!pool) {
    const { Piscina } = await import('piscina')
    pool = new Piscina({
      filename: new URL('./worker.js', import.meta.url).href,
      maxThreads: jobs,
      minThreads: Math.min(jobs, tasks.length),
      idleTimeout: 1000,
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    }) as unknown as Pool
  }
  const active = pool
  return Promise.all(
    tasks.map(async (task) => {
      progress.begin(task.file)
      const signal = AbortSignal.timeout(timeout)
      let result: ArticleResult
      try {
        result = await active.run(task, { signal })
      } catch (error) {
        const display = path.relative(process.cwd(), task.file) || task.file
        const reason =
          (error as Error).name === 'AbortError' || signal.aborted
            ? `Cannot build: gave up after ${Math.round(timeout / 1000)} s`
            : `Cannot build: the worker crashed (please report it with this article): ${(error as Error).message}`
        result = {
          file: display,
          ok: false,
          formats: [],
          messages: [fileError(display, reason, 'worker-crashed')],
          entries: {},
          ms: 0,
        }
      }
      progress.finish(result)
      onResult(result)
      return result
    }),
  )
}

function checkSlugs(results: ArticleResult[]): void {
  const bySlug = new Map<string, ArticleResult[]>()
  for (const result of results) {
    if (!result.slug || result.formats.length === 0) continue
    bySlug.set(result.slug, [...(bySlug.get(result.slug) ?? []), result])
  }
  for (const [slug, same] of bySlug) {
    if (same.length < 2) continue
    for (const result of same) {
      result.ok = false
      result.messages.push(
        fileError(
          result.file,
          `Another article has the slug \`${slug}\` (${same
            .filter((r) => r !== result)
            .map((r) => r.file)
            .join(', ')}): their outputs overwrite each other; give each a unique \`slug\``,
          'duplicate-slug',
        ),
      )
    }
  }
}

async function buildCollections(
  results: ArticleResult[],
  kept: Map<string, unknown[]>,
  roots: Map<string, string>,
  names: string[],
  options: BuildOptions,
  outDir: string,
  progress: Progress,
): Promise<CollectionResult[]> {
  const collections: CollectionResult[] = []
  const ok = results.filter((result) => result.ok)
  if (ok.length === 0) return collections
  const first = ok[0].file
  const { config } = await configFor(path.dirname(path.resolve(first)), roots.get(first))
  const jobs: Array<{
    name: string
    render: (report: (m: VFileMessage) => void) => Promise<Output[]>
  }> = []
  for (const name of names) {
    const format = getFormat(name)
    if (format?.scope !== 'collection') continue
    // Each article's entry was made (or taken from the cache) where it was built.
    const entries = kept.get(name) ?? []
    jobs.push({ name, render: (report) => format.render({ entries, config, report }) })
  }
  if (options.bundle !== undefined) {
    const title = options.bundle.trim() || 'Collection'
    jobs.push({
      name: 'bundle',
      render: async (report) => {
        // The one place whole articles are held together: a bundle is one book of them all.
        const articles: Article[] = []
        for (const result of ok) {
          const loaded = await configFor(
            path.dirname(path.resolve(result.file)),
            roots.get(result.file),
          )
          const article = await readArticle(result.file, {
            config: loaded.config,
            maxBytes: options.maxBytes,
          })
          // The digest is public output: no embargoed or canceled article (held.ts).
          if (!heldReason(article.meta, options.now)) articles.push(article)
        }
        return renderBundle(
          { articles, report, title: options.bundle, config },
          githubSlug(title) || 'collection',
        )
      },
    })
  }
  for (const job of jobs) {
    const started = performance.now()
    const messages: VFileMessage[] = []
    const result: CollectionResult = { name: job.name, ok: false, outputs: [], messages: [], ms: 0 }
    try {
      const outputs = await job.render((m) => messages.push(m))
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
      result.ok = !messages.some((m) => m.fatal)
    } catch (error) {
      result.messages.push(
        fileError(
          job.name,
          `Cannot build ${job.name}: ${(error as Error).message}`,
          `${job.name}-failed`,
        ),
      )
    }
    result.messages.push(...messages.map(toData))
    result.ms = performance.now() - started
    progress.messages(result.messages)
    progress.note(
      `${result.ok ? '✓' : '✗'} ${job.name}: ${result.outputs.map((o) => o.path).join(', ') || 'not built'}  ${Math.round(result.ms)} ms`,
    )
    collections.push(result)
  }
  return collections
}

/** Rebuild what changed, within a second of the change, until interrupted. */
async function watchAndRebuild(
  paths: string[],
  outDir: string,
  rebuild: (paths: string[]) => Promise<BuildReport>,
  progress: Progress,
  stderr: NodeJS.WritableStream,
): Promise<never> {
  const found = await discover(paths)
  const folders = new Set(found.files.map((file) => path.dirname(path.resolve(file))))
  for (const input of paths) folders.add(path.resolve(input))
  const changed = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let busy = false
  const flush = async () => {
    if (busy) return
    busy = true
    const batch = [...changed]
    changed.clear()
    const articles = new Set<string>()
    for (const file of batch) {
      if (/pressroom\.ya?ml$/.test(file)) {
        clearConfigCache()
        for (const input of paths) articles.add(input)
      } else if (/\.(md|markdown)$/i.test(file)) {
        articles.add(path.relative(process.cwd(), file))
      } else {
        // An image or other asset: every article of its folder may use it; the cache skips the rest.
        articles.add(path.relative(process.cwd(), path.dirname(file)) || '.')
      }
    }
    try {
      progress.note(
        `Changed: ${batch.map((file) => path.relative(process.cwd(), file)).join(', ')}`,
      )
      await rebuild([...articles].filter((file) => !file.includes('.pressroom')))
    } catch (error) {
      stderr.write(`${(error as Error).message}\n`)
    }
    busy = false
    if (changed.size > 0) void flush()
  }
  const seen = new Set<string>()
  for (const folder of folders) {
    if ([...seen].some((parent) => folder.startsWith(parent + path.sep))) continue
    seen.add(folder)
    watchFolder(folder, { recursive: true }, (_event, name) => {
      if (!name) return
      const file = path.join(folder, name.toString())
      // Our own output (when --out is inside a watched folder) must not trigger a rebuild.
      if (file === outDir || file.startsWith(outDir + path.sep) || name.includes('.pressroom-tmp-'))
        return
      changed.add(file)
      clearTimeout(timer)
      timer = setTimeout(() => void flush(), 150)
    })
  }
  progress.note(
    `Watching ${[...seen].map((f) => path.relative(process.cwd(), f) || '.').join(', ')} for changes (Ctrl-C to stop)`,
  )
  return new Promise<never>(() => {})
}
