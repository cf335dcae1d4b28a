import { createHash } from 'node:crypto'
import { readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { hasErrors, type PublicationConfig, readArticle } from '@pressroom/article'
import { publicationGate } from '@pressroom/syndication'
import { messageKey } from '@pressroom/toolkit'
import type { VFileMessage } from 'vfile-message'
import { configFor } from './config-cache.js'
import {
  type ArticleContext,
  type ArticleFormat,
  type CollectionFormat,
  type Format,
  getFormat,
  renditionsOf,
} from './formats.js'
import { placeOutputs } from './held.js'
import { fileError, type MessageData, toData } from './messages.js'
import { version } from './version.js'
import { writeFileAtomic } from './write.js'

/** One article to build: what a worker receives. */
export interface ArticleTask {
  file: string
  /** Article formats to build, in table order. */
  formats: string[]
  outDir: string
  /** Folder to stop looking for `pressroom.yaml` at. */
  root?: string
  force: boolean
  /** ISO date-time embargoes are measured against. */
  now: string
  pageSize: 'A4' | 'Letter'
  maxBytes?: number
  /** Copy the article's images beside its outputs (web formats link to them). */
  copyImages?: boolean
  /** Collection formats this article contributes an entry to (`jsonfeed`). */
  collect?: string[]
  /** The hash of the config the main thread loaded: a worker holding another reloads (watch mode). */
  configHash?: string
  /**
   * The config the main thread loaded for this article (with `configHash`): the worker uses it
   * instead of reading the file again, so a run reads its config once.
   */
  config?: PublicationConfig
  /**
   * Not an article: a collection's assemble step that is real rendering work (the `--bundle`
   * EPUB), run in a worker like an article. `file` is then one of the collection's articles (its
   * folder gives the config), and the result names the collection.
   */
  assemble?: AssembleTask
}

/** A collection to assemble in a worker from the entries its articles made. */
export interface AssembleTask {
  /** The collection format (`bundle`). */
  name: string
  entries: unknown[]
  /** Its title (`--bundle TITLE`), as given. */
  title?: string
}

export interface FormatResult {
  format: string
  status: 'built' | 'cached' | 'failed'
  outputs: { path: string; sizeInBytes: number }[]
  ms: number
}

export interface ArticleResult {
  file: string
  slug?: string
  /** The article's `meta.id` (once parsed). */
  id?: string
  ok: boolean
  /**
   * `built` (something was rendered), `up-to-date` (everything came from the cache), `failed`, or
   * `draft` (`draft: true`: nothing written, left out of every collection and delivery).
   */
  status: 'built' | 'up-to-date' | 'failed' | 'draft'
  formats: FormatResult[]
  messages: MessageData[]
  ms: number
  /** This article's entries for collection formats (absent: left out of that collection). */
  entries: Record<string, unknown>
}

interface CacheEntry {
  key: string
  outputs: { path: string; sizeInBytes: number }[]
  entry?: unknown
}

interface CacheFile {
  version: 1
  /** The article's absolute path (a later partial build takes this article's feed entry from here). */
  source?: string
  formats: Record<string, CacheEntry>
}

/** The cache folder of an output folder. */
export const cacheFolder = '.pressroom-cache'

/** The name of an article's cache file. */
export function cacheName(file: string): string {
  return `${createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 24)}.json`
}

function cachePath(outDir: string, file: string): string {
  return path.join(outDir, cacheFolder, cacheName(file))
}

export async function readCache(file: string): Promise<CacheFile> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as CacheFile
    if (data.version === 1 && data.formats) return data
  } catch {}
  return { version: 1, formats: {} }
}

async function outputsExist(outDir: string, outputs: CacheEntry['outputs']): Promise<boolean> {
  for (const output of outputs) {
    try {
      if ((await stat(path.join(outDir, output.path))).size !== output.sizeInBytes) return false
    } catch {
      return false
    }
  }
  return true
}

/** A result before any work: failed until the work says otherwise. */
function pendingResult(file: string): ArticleResult {
  return { file, ok: false, status: 'failed', formats: [], messages: [], ms: 0, entries: {} }
}

/**
 * Parse one article and render it in each requested format, writing every
 * output atomically. Never throws: problems come back as messages.
 */
export async function buildArticle(task: ArticleTask): Promise<ArticleResult> {
  if (task.assemble) return assembleCollection(task, task.assemble)
  const started = performance.now()
  const display = path.relative(process.cwd(), task.file) || task.file
  const result = pendingResult(display)
  let rendered = false
  try {
    const loaded = await taskConfig(task)
    const article = await readArticle(display, { config: loaded.config, maxBytes: task.maxBytes })
    result.messages.push(...article.messages.map(toData))
    result.slug = article.meta.slug
    result.id = article.meta.id
    if (hasErrors(article.messages)) {
      result.ms = performance.now() - started
      return result
    }
    // A draft is not built: the summary says so once (the reader's per-article notice is for `check`).
    if (article.meta.draft) {
      result.messages = result.messages.filter((message) => message.ruleId !== 'draft')
      result.ok = true
      result.status = 'draft'
      // An earlier, published build's feed entry must not come back in a later partial build.
      await rm(cachePath(task.outDir, task.file), { force: true })
      result.ms = performance.now() - started
      return result
    }
    // Embargoed or canceled: written to <out>/.held/, never to the public output (held.ts).
    task = await placeOutputs(task, article.meta)

    if (task.copyImages) {
      // Web formats (ninjs, JSON-LD, JSON Feed) link to images under <slug>/: publish them there.
      for (const image of article.images) {
        if (image.status !== 'ok' || !image.bytes || !image.path) continue
        const target = path.join(task.outDir, article.meta.slug, image.path)
        const size = await stat(target).then(
          (info) => info.size,
          () => -1,
        )
        if (size !== image.bytes.byteLength || task.force)
          await writeFileAtomic(target, image.bytes)
      }
    }

    const cacheFile = cachePath(task.outDir, task.file)
    const cache: CacheFile = task.force ? { version: 1, formats: {} } : await readCache(cacheFile)
    cache.source = path.resolve(task.file)
    const baseKey = createHash('sha256')
      .update(version)
      .update(article.sourceHash)
      .update(loaded.hash)
      .update(
        article.images
          .map((image) => `${image.src}:${image.status}:${image.sha256 ?? ''}`)
          .join('\n'),
      )
    let failed = false
    // Whether the publish gate still holds the article for its embargo (part of some cache keys).
    const embargoPassed = !publicationGate(article.meta, { now: Date.parse(task.now) }).some(
      (block) => block.code === 'embargoed',
    )
    /** The renditions built so far, for the formats that need them. */
    const renditionsFor = (format: Format) =>
      format.needs.renditions ? renditionsOf(result.formats) : []
    /** The cache key of one format: the article's inputs plus what the table says its output depends on. */
    const keyFor = (format: Format) => {
      const key = baseKey.copy().update(`\0${format.name}`)
      for (const part of format.key) {
        const value =
          part === 'page-size'
            ? task.pageSize
            : part === 'embargo'
              ? String(embargoPassed)
              : JSON.stringify(renditionsFor(format))
        key.update(`\0${part}=${value}`)
      }
      return key.digest('hex')
    }
    const contextFor = (format: Format, messages: VFileMessage[]): ArticleContext => ({
      article,
      config: loaded.config,
      report: (message) => messages.push(message),
      renditions: renditionsFor(format),
      now: new Date(task.now),
      pageSize: task.pageSize,
      cacheDir: path.join(task.outDir, cacheFolder),
    })
    for (const name of task.formats) {
      const format = getFormat(name) as ArticleFormat
      const formatStarted = performance.now()
      const key = keyFor(format)
      const cached = cache.formats[name]
      if (cached && cached.key === key && (await outputsExist(task.outDir, cached.outputs))) {
        result.formats.push({
          format: name,
          status: 'cached',
          outputs: cached.outputs,
          ms: performance.now() - formatStarted,
        })
        continue
      }
      const messages: VFileMessage[] = []
      rendered = true
      try {
        const outputs = await format.render(contextFor(format, messages))
        const written: CacheEntry['outputs'] = []
        for (const output of outputs) {
          await writeFileAtomic(path.join(task.outDir, output.path), output.data)
          written.push({ path: output.path, sizeInBytes: sizeOf(output.data) })
        }
        cache.formats[name] = { key, outputs: written }
        result.formats.push({
          format: name,
          status: 'built',
          outputs: written,
          ms: performance.now() - formatStarted,
        })
      } catch (error) {
        failed = true
        delete cache.formats[name]
        result.formats.push({
          format: name,
          status: 'failed',
          outputs: [],
          ms: performance.now() - formatStarted,
        })
        result.messages.push(describeFailure(display, name, error))
      }
      result.messages.push(...messages.map(toData))
      if (messages.some((message) => message.fatal)) failed = true
    }
    // This article's part of each collection (the feed), cached like a format unless made fresh
    // in every run (the bundle's whole article).
    for (const name of task.collect ?? []) {
      const format = getFormat(name) as CollectionFormat
      const key = keyFor(format)
      const cached = cache.formats[name]
      if (!format.fresh && cached && cached.key === key) {
        if (cached.entry !== undefined) result.entries[name] = cached.entry
        continue
      }
      const messages: VFileMessage[] = []
      if (!format.fresh) rendered = true
      try {
        const entry = await format.entry(contextFor(format, messages))
        if (!format.fresh) cache.formats[name] = { key, outputs: [], entry }
        if (entry !== undefined) result.entries[name] = entry
      } catch (error) {
        failed = true
        result.messages.push(describeFailure(display, name, error))
      }
      result.messages.push(...messages.map(toData))
    }
    await writeFileAtomic(cacheFile, JSON.stringify(cache))
    result.ok = !failed
    result.status = failed ? 'failed' : rendered ? 'built' : 'up-to-date'
  } catch (error) {
    result.messages.push(describeFailure(display, undefined, error))
  }
  result.messages = once(result.messages)
  result.ms = performance.now() - started
  return result
}

/** The task's config: the one the main thread loaded, else (a task made elsewhere) read here. */
async function taskConfig(task: ArticleTask): Promise<{ config: PublicationConfig; hash: string }> {
  if (task.config && task.configHash !== undefined)
    return { config: task.config, hash: task.configHash }
  return configFor(path.dirname(path.resolve(task.file)), task.root)
}

/** Assemble a collection in this worker and write its files; never throws. */
async function assembleCollection(task: ArticleTask, job: AssembleTask): Promise<ArticleResult> {
  const started = performance.now()
  const result = pendingResult(job.name)
  const messages: VFileMessage[] = []
  try {
    const format = getFormat(job.name) as CollectionFormat
    const loaded = await taskConfig(task)
    const outputs = await format.assemble({
      entries: job.entries,
      config: loaded.config,
      report: (message) => messages.push(message),
      title: job.title,
    })
    const written: FormatResult['outputs'] = []
    for (const output of outputs) {
      await writeFileAtomic(path.join(task.outDir, output.path), output.data)
      written.push({ path: output.path, sizeInBytes: sizeOf(output.data) })
    }
    result.formats.push({
      format: job.name,
      status: 'built',
      outputs: written,
      ms: performance.now() - started,
    })
    result.messages.push(...messages.map(toData))
    result.ok = !result.messages.some((message) => message.fatal)
    result.status = result.ok ? 'built' : 'failed'
  } catch (error) {
    result.messages.push(...messages.map(toData), describeFailure(job.name, job.name, error))
  }
  result.ms = performance.now() - started
  return result
}

/** The size of an output's data in bytes. */
export function sizeOf(data: Uint8Array | string): number {
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength
}

/**
 * Each problem once per article: the reader reports raw HTML (say) once, and every format and partner
 * that meets the same node reports it again. Keep the first message for a place and rule (the
 * reader's, which has the hint); messages without a place are kept once per text.
 */
export function once(messages: MessageData[]): MessageData[] {
  const seen = new Set<string>()
  const placeOf = (message: MessageData) =>
    `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`
  // An image the reader could not use is reported by the reader (with its hint); a writer's
  // "left out" for the same image at the same place says it again in other words.
  const readerImages = new Set(
    messages
      .filter((m) => m.line && m.source === 'pressroom-article' && m.ruleId?.startsWith('image-'))
      .map(placeOf),
  )
  return messages.filter((message) => {
    if (
      message.line &&
      message.ruleId === 'image-not-embedded' &&
      message.source !== 'pressroom-article' &&
      readerImages.has(placeOf(message))
    )
      return false
    // One article's messages: the same problem whichever writer named the file (or did not).
    const key = messageKey({ ...message, file: '' })
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** A renderer that threw: a user-facing message, with the stack only for our own bugs. */
export function describeFailure(
  file: string,
  format: string | undefined,
  error: unknown,
): MessageData {
  const err = error as Error & { code?: string; schemaPath?: string }
  const what = format ? `Cannot build ${format}` : 'Cannot build'
  if (
    err &&
    (err.name === 'SchemaValidationError' ||
      err.code === 'EACCES' ||
      err.code === 'ENOSPC' ||
      err.code === 'EROFS')
  ) {
    return fileError(file, `${what}: ${err.message}`, format ? `${format}-failed` : 'build-failed')
  }
  const stack = err?.stack?.split('\n').slice(0, 4).join('\n    ') ?? String(error)
  return fileError(
    file,
    `${what}: internal error (please report it with this article): ${stack}`,
    format ? `${format}-crashed` : 'crashed',
  )
}
