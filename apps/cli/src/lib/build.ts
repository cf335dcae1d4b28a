/** `pressroom build`: one run over the articles (and, with --watch, one per change). */
import { availableParallelism } from 'node:os'
import path from 'node:path'
import type { ArticleResult, ArticleTask } from './build-article.js'
import {
  addCachedEntries,
  buildCollections,
  type CollectionResult,
  Collector,
} from './collections.js'
import { configFor, type LoadedConfig } from './config-cache.js'
import { discover } from './discover.js'
import { UsageError } from './errors.js'
import { defaultFormats, formatNames, getFormat, formats as table } from './formats.js'
import { fileError, type MessageData } from './messages.js'
import { type Outcome, WorkerPool } from './pool.js'
import { Progress } from './progress.js'
import type { Runner } from './queue.js'
import { watchAndRebuild } from './watch.js'
import { removePending, sweepTemporaryFiles } from './write.js'

export type { CollectionResult } from './collections.js'

import { defaultMaxMemoryMb, defaultTimeoutMs } from './defaults.js'

export { defaultMaxMemoryMb, defaultTimeoutMs } from './defaults.js'

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
  /** Time limit of one article's own work, in milliseconds (default 60 s); past it, that article fails alone. */
  timeout?: number
  /** Memory ceiling of each worker's heap, in MB (default 1024). */
  maxMemoryMb?: number
  /** Items in the JSON Feed: the newest N (default 100; 0 for every article). */
  feedItems?: number
  stderr?: NodeJS.WriteStream
  stdout?: NodeJS.WritableStream
  /** Stops the run (and --watch) like Ctrl-C. The CLI stops on SIGINT and SIGTERM. */
  signal?: AbortSignal
  /** Called with the report of the build and of every rebuild with `watch` (the preview listens). */
  onReport?: (report: BuildReport) => void
  /** `redis://host:port`: enqueue the articles for `pressroom worker`s instead of building them here. */
  queue?: string
  /** With `queue`: return once enqueued, without waiting (no collections are built). */
  detach?: boolean
}

export interface BuildReport {
  out: string
  formats: string[]
  /** Articles built (or failed) in this run; drafts are not among them. */
  articles: ArticleResult[]
  /** The articles skipped as drafts (`draft: true`), as given. */
  drafts: string[]
  collections: CollectionResult[]
  summary: {
    articles: number
    /** Articles skipped because they are drafts (`draft: true`). */
    drafts: number
    /** Articles rendered in this run (in at least one format). */
    built: number
    /** Articles whose every output was already up to date. */
    upToDate: number
    failed: number
    errors: number
    warnings: number
    ms: number
    /** Articles were left unfinished (Ctrl-C or SIGTERM during the run): run again to continue. */
    interrupted: boolean
    /** Stopped by Ctrl-C or SIGTERM (during the run, or while watching). */
    stopped: boolean
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
    if (!formatNames.includes(name))
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

/** The collections chosen by an option of their own that is given (`--bundle`), in table order. */
function optionFormats(options: BuildOptions): string[] {
  return table
    .filter(
      (format) =>
        format.scope === 'collection' && format.option && options[format.option] !== undefined,
    )
    .map((format) => format.name)
}

function parseNow(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString()
  const time = Date.parse(value)
  if (Number.isNaN(time))
    throw new UsageError(`\`--now ${value}\` is not a date-time such as 2024-01-20T00:00:00Z`)
  return new Date(time).toISOString()
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

/** Build every article in every requested format. Resolves with the report; sets no exit code itself. */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const stderr = options.stderr ?? process.stderr
  const formats = parseFormats(options.formats)
  const now = parseNow(options.now)
  const outDir = path.resolve(options.out)
  const jobs = Math.max(1, options.jobs ?? availableParallelism())
  const timeout = options.timeout ?? defaultTimeoutMs
  const progress = new Progress({
    quiet: Boolean(options.quiet),
    json: Boolean(options.json),
    stream: stderr,
  })
  const articleFormats = formats.filter((name) => getFormat(name)?.scope === 'article')
  const collectionFormats = formats.filter((name) => getFormat(name)?.scope === 'collection')
  // Collections chosen by their own option (`--bundle`), in table order after the others.
  const collect = [...collectionFormats, ...optionFormats(options)]
  const stop = new AbortController()
  const local = {
    size: jobs,
    timeoutMs: timeout,
    maxMemoryMb: options.maxMemoryMb ?? defaultMaxMemoryMb,
    preload: formats,
  }
  // The runner of article jobs: this machine's pool, or the queue (`--queue`).
  // bullmq is loaded only when a queue is asked for.
  const queue = options.queue ? await import('./queue.js') : undefined
  const pool: Runner = queue
    ? new queue.QueueRunner({
        url: options.queue as string,
        local,
        detach: options.detach,
        nonce: options.force ? new Date().toISOString() : '',
      })
    : new WorkerPool(local)
  // Collections assembled in a worker (the bundle) run on this machine: with --queue, in a local pool.
  let assembler: WorkerPool | undefined
  const assemblers = (): Pick<WorkerPool, 'run'> => {
    if (!queue) return pool
    assembler ??= new WorkerPool({ ...local, size: 1 })
    return assembler
  }

  const run = async (paths: string[], force: boolean): Promise<BuildReport> => {
    const started = performance.now()
    // One worker starts loading the renderers while this thread finds the articles and reads the config.
    pool.warm?.(1)
    const found = await discover(paths)
    if (found.files.length === 0)
      throw new UsageError(`No articles (*.md) found in ${paths.join(', ')}`)
    const report: BuildReport = {
      out: path.relative(process.cwd(), outDir) || '.',
      formats,
      articles: [],
      drafts: [],
      collections: [],
      summary: {
        articles: found.files.length,
        drafts: 0,
        built: 0,
        upToDate: 0,
        failed: 0,
        errors: 0,
        warnings: 0,
        ms: 0,
        interrupted: false,
        stopped: false,
        peakRssMB: 0,
      },
    }

    // The publication config is checked once, before anything is written: an error in it stops the run.
    const configMessages = new Map<string, MessageData[]>()
    const configs = new Map<string, LoadedConfig>()
    for (const file of found.files) {
      const loaded = await configFor(path.dirname(path.resolve(file)), found.roots.get(file))
      configs.set(file, loaded)
      if (loaded.config.path && loaded.messages.length > 0)
        configMessages.set(loaded.config.path, loaded.messages)
    }
    const configProblems = [...configMessages.values()].flat()
    progress.messages(configProblems)
    const configBroken = configProblems.some((message) => message.fatal)

    let results: ArticleResult[] = []
    if (!configBroken) {
      // Other runs' workers may be writing into a shared folder: only what a dead one left.
      if (queue) await queue.sweepStaleTemporaryFiles(outDir)
      else await sweepTemporaryFiles(outDir)
      const tasks: ArticleTask[] = found.files.map((file) => ({
        file,
        formats: articleFormats,
        outDir,
        root: found.roots.get(file),
        force,
        now,
        pageSize: options.pageSize ?? 'A4',
        maxBytes: options.maxBytes,
        copyImages: [...formats, ...collect].some((name) => getFormat(name)?.needs.images),
        collect,
        // The config read here travels with the task: no worker reads it again.
        configHash: configs.get(file)?.hash,
        config: configs.get(file)?.config,
      }))
      const collector = new Collector(options.feedItems ?? 100)
      // A lone small article runs in this process (pool.ts): no worker to announce.
      const alone =
        tasks.length === 1 && pool.runsAloneHere?.({ kind: 'article', task: tasks[0] }) === true
      progress.start(tasks.length, alone ? 0 : Math.min(jobs, tasks.length))
      const finished = await Promise.all(
        tasks.map(async (task, position) => {
          const outcome = await pool.run<ArticleResult>({ kind: 'article', task })
          // Stopped by Ctrl-C: not a failure of the article; the next run builds it.
          if (!outcome.ok && outcome.reason === 'interrupted') return undefined
          const result = outcome.ok ? outcome.value : failedResult(task.file, outcome, timeout)
          if (result.status === 'draft') {
            report.drafts.push(result.file)
            return undefined
          }
          progress.finish(result)
          if (result.ok) collector.add(result.entries, position, result.file)
          result.entries = {}
          return result
        }),
      )
      results = finished.filter((result) => result !== undefined)
      await progress.flush()
      progress.clear()
      checkSlugs(results)
      if (options.detach && queue && pool instanceof queue.QueueRunner)
        stderr.write(
          `Enqueued ${plural(pool.enqueued.length, 'article')} on ${options.queue}; \`pressroom status --queue ${options.queue}\` shows the queue\n`,
        )
      else if (!stop.signal.aborted) {
        if (queue) await queue.sweepStaleTemporaryFiles(outDir)
        await addCachedEntries(outDir, found.files, collectionFormats, collector)
        await collector.done()
        if (collect.length > 0)
          report.collections = await buildCollections({
            results,
            collector,
            roots: found.roots,
            names: collect,
            build: options,
            outDir,
            progress,
            pool: assemblers(),
          })
      }
    }
    await progress.flush()
    const all = [
      ...configProblems,
      ...results.flatMap((r) => r.messages),
      ...report.collections.flatMap((c) => c.messages),
    ]
    const interrupted = stop.signal.aborted
    report.articles = results
    report.drafts.sort()
    Object.assign(report.summary, {
      drafts: report.drafts.length,
      built: results.filter((result) => result.status === 'built').length,
      upToDate: results.filter((result) => result.status === 'up-to-date').length,
      failed: configBroken
        ? found.files.length
        : results.filter((result) => !result.ok).length +
          report.collections.filter((c) => !c.ok).length,
      errors: all.filter((m) => m.fatal).length,
      warnings: all.filter((m) => !m.fatal).length,
      ms: Math.round(performance.now() - started),
      interrupted,
      stopped: stop.signal.aborted,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    })
    if (!options.json) summarise(report, results, configBroken)
    options.onReport?.(report)
    return report
  }

  const summarise = (report: BuildReport, results: ArticleResult[], configBroken: boolean) => {
    const { summary } = report
    const failedNames = results.filter((result) => !result.ok).map((result) => result.file)
    if (configBroken) {
      stderr.write(
        `Nothing built: fix ${plural(summary.errors, 'error')} in the publication config first (nothing was written)\n`,
      )
      return
    }
    if (options.quiet) {
      if (failedNames.length > 0) stderr.write(`failed: ${failedNames.join(', ')}\n`)
      return
    }
    const parts = [
      `${summary.built} built`,
      ...(summary.upToDate > 0 ? [`${summary.upToDate} up to date`] : []),
      ...(failedNames.length > 0 ? [`${failedNames.length} failed`] : []),
    ]
    if (summary.drafts > 0) parts.push(`${plural(summary.drafts, 'draft')} skipped`)
    const notReached = summary.articles - summary.drafts - results.length
    stderr.write(
      `${plural(summary.articles, 'article')}: ${parts.join(', ')}` +
        (notReached > 0 ? `, ${notReached} not finished` : '') +
        ` (into ${report.out}/, ${summary.ms} ms)` +
        (failedNames.length > 0 ? `; failed: ${failedNames.join(', ')}` : '') +
        (summary.interrupted ? '. Interrupted: run again to continue.' : '') +
        '\n',
    )
  }

  let stopping: Promise<void> | undefined
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) {
      // A second Ctrl-C: leave now (the first already stopped the workers and removed partial files).
      process.exit(130)
    }
    const working = pool.busy
    stop.abort(signal)
    progress.clear()
    stderr.write(
      working
        ? `\n${signal}: stopping; finished files are kept, nothing half-written is left.\n`
        : `\n${signal}: stopping.\n`,
    )
    stopping = (async () => {
      await pool.destroy()
      await assembler?.destroy()
      await removePending()
      await sweepTemporaryFiles(outDir)
    })()
  }
  const fromOption = () => onSignal('SIGTERM')
  options.signal?.addEventListener('abort', fromOption)
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    let report = await run(options.paths, Boolean(options.force))
    if (options.watch && !stop.signal.aborted) {
      await watchAndRebuild({
        paths: options.paths,
        outDir,
        rebuild: async (paths) => {
          report = await run(paths, false)
        },
        progress,
        stderr,
        signal: stop.signal,
      })
    }
    await stopping
    report.summary.stopped = stop.signal.aborted
    return report
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    options.signal?.removeEventListener('abort', fromOption)
    await pool.destroy()
    await assembler?.destroy()
  }
}

/** An article whose job did not finish: past its time limit, or its worker crashed (twice). */
function failedResult(
  file: string,
  outcome: Extract<Outcome<unknown>, { ok: false }>,
  timeout: number,
): ArticleResult {
  const display = path.relative(process.cwd(), file) || file
  const reason =
    outcome.reason === 'timeout'
      ? `Cannot build: ${outcome.message}. Something in the article is too costly to parse or lay out (such as thousands of nested quotes, lists or emphasis markers): simplify it, or raise the limit (--timeout ${Math.ceil((timeout * 2) / 1000)})`
      : outcome.reason === 'memory'
        ? `Cannot build: ${outcome.message}; split the article, or raise the ceiling (--max-memory)`
        : `Cannot build: ${outcome.message} (please report it with this article)`
  return {
    file: display,
    ok: false,
    status: 'failed',
    formats: [],
    messages: [
      fileError(
        display,
        reason,
        outcome.reason === 'timeout'
          ? 'timeout'
          : outcome.reason === 'memory'
            ? 'out-of-memory'
            : 'worker-crashed',
      ),
    ],
    entries: {},
    ms: 0,
  }
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
      result.status = 'failed'
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
