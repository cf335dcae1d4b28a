/**
 * `pressroom preview`: build into a temporary folder with the CLI's own build
 * (every format, `--watch`), and serve every output side by side in a browser.
 * After each rebuild every open page reloads by itself (server-sent events).
 * A save that does not build shows its messages in place; the outputs on
 * disk are then still those of the last good build.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type GateMeta, partnerOfFile, publicationGate } from '@pressroom/syndication'
import { type BuildReport, build } from './build.js'
import type { ArticleResult } from './build-article.js'
import { UsageError } from './errors.js'
import { formatNames } from './formats.js'
import { heldFolder } from './held.js'
import { type ArticleView, articlePage, indexPage, type PreviewArticle } from './preview-pages.js'
import { previewScript } from './preview-script.js'
import { type PreviewServer, startPreviewServer } from './preview-server.js'

export interface PreviewOptions {
  paths: string[]
  /** Default 4173; 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1 (this machine only). */
  host?: string
  /** Open the preview in the default browser. */
  open?: boolean
  pageSize?: 'A4' | 'Letter'
  maxBytes?: number
  stderr?: NodeJS.WriteStream
}

interface Meta {
  title?: string
  language?: string
  id?: string
  status?: string
  embargo?: { epochMs: number; dateTime: string }
}

interface Entry {
  result: ArticleResult
  /** The metadata of the last good build. */
  meta?: Meta
  dir?: 'ltr' | 'rtl'
  feedItem?: unknown
  /** The article's folder in the build: `<slug>`, or `.held/<slug>` for a held article. */
  folder?: string
}

export interface Preview {
  url: string
  outDir: string
  server: PreviewServer
  close(): Promise<void>
}

/** Start the preview; resolves once the first build is served. */
export async function preview(options: PreviewOptions): Promise<Preview> {
  const stderr = options.stderr ?? process.stderr
  const outDir = mkdtempSync(path.join(tmpdir(), 'pressroom-preview-'))
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }))
  const articles = new Map<string, Entry>()
  let version = 0
  let server: PreviewServer | undefined

  const readJson = async (file: string): Promise<unknown> =>
    JSON.parse(await readFile(path.join(outDir, file), 'utf8'))

  const update = async (report: BuildReport) => {
    let feed: { items?: { id: string }[] } = {}
    try {
      feed = (await readJson('feed.json')) as typeof feed
    } catch {}
    for (const result of report.articles) {
      const entry: Entry = articles.get(result.file) ?? { result }
      entry.result = result
      if (result.ok && result.slug) {
        // A held article (embargoed, canceled) is built into the held folder, not the public one.
        const held = existsSync(path.join(outDir, heldFolder, result.slug))
        entry.folder = held ? `${heldFolder}/${result.slug}` : result.slug
        try {
          const ast = (await readJson(`${entry.folder}/${result.slug}.ast.json`)) as {
            meta: Meta
            derived?: { dir?: string }
          }
          entry.meta = ast.meta
          entry.dir = ast.derived?.dir === 'rtl' ? 'rtl' : 'ltr'
          entry.feedItem = feed.items?.find((item) => item.id === ast.meta.id)
        } catch {}
      }
      articles.set(result.file, entry)
    }
    version++
    server?.broadcast(version)
  }

  const views = (): PreviewArticle[] =>
    [...articles.values()].map(({ result, meta, dir }) => ({
      file: result.file,
      slug: result.slug ?? path.basename(result.file).replace(/\.(md|markdown)$/i, ''),
      title: meta?.title || result.slug || result.file,
      language: meta?.language,
      dir,
      state: stateOf(result, meta),
      errors: result.messages.filter((m) => m.fatal).length,
      warnings: result.messages.filter((m) => !m.fatal).length,
      built: meta !== undefined,
    }))

  const view = async (slug: string): Promise<ArticleView | undefined> => {
    const entry = [...articles.values()].find(
      (candidate) =>
        (candidate.result.slug ??
          path.basename(candidate.result.file).replace(/\.(md|markdown)$/i, '')) === slug,
    )
    if (!entry) return undefined
    const summary = views().find((item) => item.file === entry.result.file) as PreviewArticle
    const source = await readFile(path.resolve(entry.result.file), 'utf8').catch(() => '')
    const partners: ArticleView['partners'] = []
    if (entry.meta) {
      const folder = path.join(outDir, entry.folder ?? slug, 'partners')
      const names = (await readdir(folder).catch(() => [] as string[])).sort()
      for (const name of names) {
        const partner = partnerOfFile(name)
        if (!partner) continue
        const text = await readFile(path.join(folder, name), 'utf8').catch(() => '')
        partners.push({ name: partner, text })
      }
    }
    const optional = (file: string) => readFile(path.join(outDir, file), 'utf8').catch(() => '')
    const formats = entry.result.formats
    return {
      ...summary,
      version,
      source,
      messages: entry.result.messages,
      partners,
      base: entry.folder?.startsWith(`${heldFolder}/`) ? `/held/${slug}` : `/out/${slug}`,
      jsonLd: entry.meta ? await optional(`${entry.folder ?? slug}/${slug}.jsonld`) : '',
      feedItem: entry.feedItem,
      has: (format: string) =>
        entry.meta !== undefined &&
        (formats.some((f) => f.format === format && f.status !== 'failed') || formats.length === 0),
    }
  }

  // The port first: if it is taken, nothing else has started.
  try {
    server = await startPreviewServer({
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 4173,
      outDir,
      routes: {
        script: previewScript,
        async page(pathname) {
          if (pathname === '/') return indexPage(views(), version)
          const match = /^\/article\/([^/]+)$/.exec(pathname)
          if (!match) return undefined
          let slug: string
          try {
            slug = decodeURIComponent(match[1] ?? '')
          } catch {
            return undefined
          }
          const data = await view(slug)
          return data ? articlePage(data) : undefined
        },
      },
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
      throw new UsageError(
        `Cannot listen on ${options.host ?? '127.0.0.1'}:${options.port ?? 4173} (${code}); choose another --port (0: any free port) or --host`,
      )
    throw error
  }
  let first: (() => void) | undefined
  const ready = new Promise<void>((resolve) => {
    first = resolve
  })
  const building = build({
    paths: options.paths,
    out: outDir,
    // Every format the table has (the parsed article too: the preview reads its metadata).
    formats: formatNames.join(','),
    watch: true,
    quiet: true,
    force: true,
    pageSize: options.pageSize,
    maxBytes: options.maxBytes,
    stderr,
    onReport: (report) => {
      if (version > 0)
        stderr.write(
          `Rebuilt ${report.articles.map((result) => `${result.file}${result.ok ? '' : ' (failed)'}`).join(', ')} in ${report.summary.ms} ms\n`,
        )
      void update(report).then(() => first?.())
    },
  })
  // A usage error (no articles) ends the preview before it starts.
  try {
    await Promise.race([ready, building])
  } catch (error) {
    await server.close()
    throw error
  }
  stderr.write(`Preview: ${server.url}  (rebuilds on save; Ctrl-C to stop)\n`)
  if (options.open) openBrowser(server.url)
  const running = server
  return {
    url: running.url,
    outDir,
    server: running,
    close: () => running.close(),
  }
}

/** What the preview lists for an article: the publish gate's first reason (syndication decides). */
function stateOf(result: ArticleResult, meta: Meta | undefined): PreviewArticle['state'] {
  if (!result.ok) return 'failed'
  if (!meta) return 'built'
  const block = publicationGate(meta as GateMeta, { now: Date.now() })[0]
  if (!block) return 'built'
  return block.code === 'canceled' || block.code === 'embargoed' ? block.code : 'withheld'
}

function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  try {
    spawn(command, [url], { detached: true, stdio: 'ignore' })
      .on('error', () => {})
      .unref()
  } catch {}
}
