/**
 * The one table of output formats, pandoc style: format name -> entry. Every entry declares what it
 * needs (the article's images copied beside its outputs, the renditions built before it), its main
 * output and media type, and what its cache key holds; collections (the JSON Feed, the web index,
 * the `--bundle` EPUB) are entries of the same table, with an entry per article and an assemble step.
 * The build, the cache and `publish` read these declarations and know no format by name.
 * Renderers are loaded lazily, so a build asks only for the code it uses. The CLI knows renderers
 * only through their public shape: `(article or articles, options) -> bytes or a JSON value`.
 */
import path from 'node:path'
import type { Article, PublicationConfig } from '@pressroom/article'
import type { JsonFeedEntry } from '@pressroom/syndication'
import type { VFileMessage } from 'vfile-message'

/** A file a format produces, relative to the output folder. */
export interface Output {
  path: string
  data: Uint8Array | string
  contentType: string
}

/** A rendition of the article already built in this run (for ninjs `renditions`, feed `attachments`). */
export interface BuiltRendition {
  name: string
  path: string
  contentType: string
  sizeInBytes: number
}

export interface ArticleContext {
  article: Article
  config: PublicationConfig
  report: (message: VFileMessage) => void
  /** Renditions of this article built (or found up to date) earlier in this run (formats that `need` them). */
  renditions: BuiltRendition[]
  /** The moment embargoes are measured against. */
  now: Date
  pageSize: 'A4' | 'Letter'
  /** This build's cache folder (`<out>/.pressroom-cache`): renderers keep reusable parts there. */
  cacheDir?: string
}

export interface CollectionContext {
  /** What each article contributed (`entry`): kept by `keep`, or in the order the articles were given. */
  entries: unknown[]
  config: PublicationConfig
  report: (message: VFileMessage) => void
  /** The collection's title (`--bundle TITLE`), as given. */
  title?: string
}

/** What a format needs besides the parsed article and the config. */
export interface FormatNeeds {
  /** The article's images copied beside its outputs (`<slug>/<image path>`): its outputs link to them. */
  images?: boolean
  /** The article's renditions built before it in this run (the formats with a `rendition`): it links to them. */
  renditions?: boolean
}

/**
 * What a format's output depends on besides the article's source, its images, the config and the
 * CLI's version (always in the key): `page-size` (`--page-size`), `embargo` (whether `--now` has
 * passed the article's embargo), `renditions` (the renditions it links, with their sizes).
 */
export type KeyPart = 'page-size' | 'embargo' | 'renditions'

/** A format's main output: where it goes and its media type (formats may write more, such as partner files). */
export interface MainOutput {
  path(slug: string): string
  contentType: string
}

/**
 * The writer package each format renders with, imported on first use. A worker imports its run's
 * ahead (`preload`), so that loading overlaps the main thread's own work.
 */
const writers = {
  article: () => import('@pressroom/article'),
  epub: () => import('@pressroom/epub'),
  pdf: () => import('@pressroom/pdf'),
  syndication: () => import('@pressroom/syndication'),
  web: () => import('@pressroom/web'),
}

interface FormatBase {
  name: string
  description: string
  /** Loads the writer it renders with (the same module `render` uses). */
  writer: () => Promise<unknown>
  needs: FormatNeeds
  /** The parts of its cache key beyond the article's own inputs. */
  key: KeyPart[]
  output: MainOutput
}

export interface ArticleFormat extends FormatBase {
  scope: 'article'
  /** Collection formats built whenever this one is (`html` brings its index page). */
  with?: string[]
  /** Its main output is a rendition of the article, linked by the formats that need renditions: its name there. */
  rendition?: string
  render(context: ArticleContext): Promise<Output[]>
}

/**
 * A format over all the articles. Each article's part (`entry`: plain JSON, or undefined to leave
 * it out) is made where the article is parsed — in a worker, and cached with it unless `fresh` —
 * so no article is parsed twice and no set larger than the collection keeps is held; `assemble`
 * makes the collection's files from the parts.
 */
export interface CollectionFormat extends FormatBase {
  scope: 'collection'
  /** Chosen by its own option (`--bundle`), not by `--format`. */
  option?: 'bundle'
  /**
   * Entries made from the parsed article in every run and never cached, nor taken from other
   * articles' caches: only the articles of this run that built are in the collection.
   */
  fresh?: boolean
  /** Assembling is real rendering work: done in a worker, like an article, not on the main thread. */
  inWorker?: boolean
  entry(context: ArticleContext): Promise<unknown>
  /**
   * Merge an entry into those kept so far, keeping at most `limit` (0: all) — so the set is never
   * held whole. Without it, every entry is kept, in the order the articles were given.
   */
  keep?(kept: unknown[], entry: unknown, limit: number): Promise<unknown[]>
  assemble(context: CollectionContext): Promise<Output[]>
}

export type Format = ArticleFormat | CollectionFormat

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/** Where a publication's built files are published (for links between them). */
export function publicUrl(config: PublicationConfig, outputPath: string): string | undefined {
  return config.baseUrl ? new URL(outputPath, config.baseUrl).href : undefined
}

/** Where an article's output folder (`<slug>/`, with its images) is published. */
export function articleUrl(config: PublicationConfig, slug: string): string | undefined {
  return publicUrl(config, `${encodeURIComponent(slug)}/`)
}

/**
 * The path of an article's id under the publication's base URL (`articles/<slug>`),
 * when the id is such a URL; undefined for `urn:` ids and other sites.
 */
function idPath(id: string, baseUrl: string): string | undefined {
  if (!id.startsWith(baseUrl)) return undefined
  const rest = id.slice(baseUrl.length).split(/[?#]/)[0] ?? ''
  const segments = rest.split('/').filter(Boolean)
  if (segments.length === 0 || segments.some((segment) => segment === '.' || segment === '..'))
    return undefined
  return `${segments.join('/')}/`
}

/** The renditions among an article's built formats (table order), as formats that need them receive them. */
export function renditionsOf(
  built: readonly { format: string; outputs: readonly { path: string; sizeInBytes: number }[] }[],
): BuiltRendition[] {
  const renditions: BuiltRendition[] = []
  for (const { format: name, outputs } of built) {
    const format = getFormat(name)
    if (format?.scope !== 'article' || !format.rendition || !outputs[0]) continue
    renditions.push({
      name: format.rendition,
      path: outputs[0].path,
      contentType: format.output.contentType,
      sizeInBytes: outputs[0].sizeInBytes,
    })
  }
  return renditions
}

/** Renditions as links: their public URL under the config's `base_url` (else their path). */
export function renditionLinks(config: PublicationConfig, renditions: BuiltRendition[]) {
  return renditions.map((rendition) => ({
    name: rendition.name,
    href: publicUrl(config, rendition.path) ?? rendition.path,
    contentType: rendition.contentType,
    sizeInBytes: rendition.sizeInBytes,
  }))
}

/** An output of a format's main kind. */
function main(format: { output: MainOutput }, slug: string, data: Uint8Array | string): Output {
  return { path: format.output.path(slug), data, contentType: format.output.contentType }
}

/** May the article be public now (feed, index, an indexable page)? The syndication gate decides. */
async function isPublic(article: Article, now: Date): Promise<boolean> {
  const { mayPublish } = await writers.syndication()
  return mayPublish(article.meta, { now })
}

/**
 * A whole article as a plain JSON string (image bytes as base64, the reader's messages left out:
 * its own build reported them): a collection entry that goes from a worker (or a queue worker) to
 * the collection's assembly without the article being parsed again.
 */
function packArticle(article: Article): string {
  return JSON.stringify({ ...article, messages: [] }, (_key, value) =>
    value instanceof Uint8Array
      ? {
          $base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'),
        }
      : value,
  )
}

function unpackArticle(text: string): Article {
  return JSON.parse(text, (_key, value) =>
    value && typeof value === 'object' && typeof value.$base64 === 'string'
      ? new Uint8Array(Buffer.from(value.$base64, 'base64'))
      : value,
  ) as Article
}

const ast: ArticleFormat = {
  name: 'ast',
  scope: 'article',
  description: 'the parsed article as JSON (like pandoc -t json)',
  writer: writers.article,
  needs: {},
  key: [],
  output: { path: (slug) => `${slug}/${slug}.ast.json`, contentType: 'application/json' },
  async render({ article }) {
    const { articleToJson } = await writers.article()
    return [main(ast, article.meta.slug, json(articleToJson(article)))]
  },
}

const epub: ArticleFormat = {
  name: 'epub',
  scope: 'article',
  description: 'EPUB 3 for e-readers',
  writer: writers.epub,
  needs: {},
  key: [],
  output: { path: (slug) => `${slug}/${slug}.epub`, contentType: 'application/epub+zip' },
  rendition: 'epub',
  async render({ article, config, report, cacheDir }) {
    const writer = await writers.epub()
    const { folderCoverCache } = await import('./cover-cache.js')
    const bytes = await writer.renderEpub(article, {
      report,
      coverCache: cacheDir ? folderCoverCache(path.join(cacheDir, 'covers')) : undefined,
      ...(await epubSettings(writer, config, report)),
    })
    return [main(epub, article.meta.slug, bytes)]
  },
}

const pdf: ArticleFormat = {
  name: 'pdf',
  scope: 'article',
  description: 'print PDF (tagged, embedded fonts)',
  writer: writers.pdf,
  needs: {},
  // The page size, and the embargo notice printed until the embargo passes.
  key: ['page-size', 'embargo'],
  output: { path: (slug) => `${slug}/${slug}.pdf`, contentType: 'application/pdf' },
  rendition: 'pdf',
  async render({ article, config, report, pageSize, now }) {
    const { renderPdf } = await writers.pdf()
    // `pdf:` in pressroom.yaml: the page design (`layout`), checked by renderPdf.
    const settings = config.sections.pdf as { layout?: string } | undefined
    const bytes = await renderPdf(article, { report, pageSize, now, layout: settings?.layout })
    return [main(pdf, article.meta.slug, bytes)]
  },
}

const ninjs: ArticleFormat = {
  name: 'ninjs',
  scope: 'article',
  description: 'IPTC ninjs 3.2 for syndication (and one file per configured partner)',
  writer: writers.syndication,
  needs: { images: true, renditions: true },
  // Partners' documents depend on the embargo (the publish gate).
  key: ['renditions', 'embargo'],
  output: { path: (slug) => `${slug}/${slug}.ninjs.json`, contentType: 'application/json' },
  async render({ article, config, report, renditions, now }) {
    const syndication = await writers.syndication()
    const slug = article.meta.slug
    const baseUrl = articleUrl(config, slug)
    const links = renditionLinks(config, renditions)
    const outputs: Output[] = [
      main(ninjs, slug, json(syndication.toNinjs(article, { baseUrl, renditions: links, report }))),
    ]
    if (config.sections.partners !== undefined) {
      // The section was validated once, with positions, before the run (config-cache.ts).
      // A partner's links resolve against its own `base_url`, else the publication's; the article's
      // folder (`<slug>/`) is added by partnerDocuments.
      const { partners } = syndication.parsePartners(config.sections.partners, {
        baseUrl: config.baseUrl,
      })
      const result = syndication.partnerDocuments(article, partners, {
        now,
        renditions: links,
        report,
      })
      for (const item of result.documents) {
        outputs.push({
          path: syndication.partnerDocumentPath(slug, item.partner),
          data: json(item.document),
          contentType: syndication.partnerDocumentTypes[item.format].contentType,
        })
      }
    }
    return outputs
  },
}

const jsonld: ArticleFormat = {
  name: 'jsonld',
  scope: 'article',
  description: 'schema.org NewsArticle JSON-LD for web pages',
  writer: writers.syndication,
  needs: { images: true },
  key: [],
  output: { path: (slug) => `${slug}/${slug}.jsonld`, contentType: 'application/ld+json' },
  async render({ article, config, report }) {
    const { toJsonLd } = await writers.syndication()
    const slug = article.meta.slug
    const url = articleUrl(config, slug)
    return [main(jsonld, slug, json(toJsonLd(article, { baseUrl: url, pageUrl: url, report })))]
  },
}

const html: ArticleFormat = {
  name: 'html',
  scope: 'article',
  description: 'the article web page, <slug>/index.html (and index.html of them all)',
  with: ['html-index'],
  writer: writers.web,
  needs: { images: true },
  // Not to be indexed until the article may be public.
  key: ['embargo'],
  output: { path: (slug) => `${slug}/index.html`, contentType: 'text/html' },
  async render({ article, config, report, now }) {
    const { renderWebPage, renderRedirectPage } = await writers.web()
    const { toJsonLd } = await writers.syndication()
    const slug = article.meta.slug
    const url = articleUrl(config, slug)
    const outputs: Output[] = [
      main(
        html,
        slug,
        renderWebPage(article, {
          url,
          jsonLd: toJsonLd(article, { baseUrl: url, pageUrl: url }),
          indexHref: '../index.html',
          siteName: config.publisher?.name,
          noindex: !(await isPublic(article, now)),
          report,
        }),
      ),
    ]
    // The article's id (`<base_url>articles/<slug>` by default) is a URL too: send it to the page.
    const id = config.baseUrl && url ? idPath(article.meta.id, config.baseUrl) : undefined
    if (id && url && id !== `${encodeURIComponent(slug)}/`) {
      outputs.push({
        path: `${id.replace(/\/$/, '')}/index.html`,
        data: renderRedirectPage({
          to: url,
          title: article.meta.title,
          language: article.meta.language,
          canonical: article.meta.canonicalUrl ?? url,
        }),
        contentType: html.output.contentType,
      })
    }
    return outputs
  },
}

const htmlIndex: CollectionFormat = {
  name: 'html-index',
  scope: 'collection',
  description: 'index.html: the web pages of the publishable articles, newest first (with html)',
  writer: writers.web,
  needs: {},
  key: ['embargo'],
  output: { path: () => 'index.html', contentType: 'text/html' },
  async entry({ article, now }) {
    // The site's index lists only what may be public now.
    if (!(await isPublic(article, now))) return undefined
    const { toWebIndexEntry } = await writers.web()
    return toWebIndexEntry(article, `${encodeURIComponent(article.meta.slug)}/index.html`)
  },
  async keep(kept, entry) {
    return [...kept, entry]
  },
  async assemble({ entries, config }) {
    const { renderWebIndex } = await writers.web()
    const page = renderWebIndex(entries as Parameters<typeof renderWebIndex>[0], {
      siteName: config.publisher?.name,
      url: config.baseUrl,
      language: config.language,
      footer: config.rights,
    })
    return [main(htmlIndex, '', page)]
  },
}

const jsonfeed: CollectionFormat = {
  name: 'jsonfeed',
  scope: 'collection',
  description: 'JSON Feed 1.1 of all the articles (feed.json)',
  writer: writers.syndication,
  needs: { images: true, renditions: true },
  key: ['renditions', 'embargo'],
  output: { path: () => 'feed.json', contentType: 'application/feed+json' },
  async entry({ article, config, report, renditions, now }) {
    // A public feed carries only what may be published now.
    if (!(await isPublic(article, now))) return undefined
    const { toJsonFeedEntry } = await writers.syndication()
    const links = renditionLinks(config, renditions)
    return toJsonFeedEntry(article, {
      baseUrl: config.baseUrl,
      articleFolder: (a) => `${encodeURIComponent(a.meta.slug)}/`,
      // The article's web page (`--format html`): <slug>/index.html.
      pageUrl: (a) => `${encodeURIComponent(a.meta.slug)}/`,
      renditions: () => links,
      report,
    })
  },
  async keep(kept, entry, limit) {
    if (limit <= 0) return [...kept, entry]
    const { keepNewestEntries } = await writers.syndication()
    return keepNewestEntries(kept as JsonFeedEntry[], entry as JsonFeedEntry, limit)
  },
  async assemble({ entries, config }) {
    const { jsonFeedFromEntries } = await writers.syndication()
    if (!config.baseUrl) {
      throw new Error(
        'a JSON Feed needs `base_url` in pressroom.yaml (where the feed and articles are published)',
      )
    }
    const feed = jsonFeedFromEntries(entries as Parameters<typeof jsonFeedFromEntries>[0], {
      baseUrl: config.baseUrl,
      title: config.publisher?.name,
      // The publication's language, not the newest item's.
      ...(config.language ? { language: config.language } : {}),
    })
    return [main(jsonfeed, '', json(feed))]
  },
}

/** The slug of a bundle's file: its title's GitHub slug (`collection` for an empty one). */
async function bundleSlug(title: string | undefined): Promise<string> {
  const { slug } = await import('github-slugger')
  return slug(title?.trim() || 'Collection') || 'collection'
}

const bundle: CollectionFormat = {
  name: 'bundle',
  scope: 'collection',
  option: 'bundle',
  description: 'one EPUB of all the articles (--bundle TITLE), in the publication’s language',
  writer: writers.epub,
  needs: {},
  key: [],
  fresh: true,
  inWorker: true,
  output: { path: (slug) => `${slug}.epub`, contentType: 'application/epub+zip' },
  async entry({ article, now }) {
    // The digest is public output: no embargoed or canceled article (the held rule).
    const { heldReason } = await writers.syndication()
    if (heldReason(article.meta, now)) return undefined
    return packArticle(article)
  },
  async assemble({ entries, config, report, title }) {
    const articles = (entries as string[]).map(unpackArticle)
    return renderBundle({ articles, report, title, config }, await bundleSlug(title))
  },
}

/** Table order: renditions (EPUB, PDF) come before the formats that link to them. */
/** The writer modules of the named formats, loaded (a worker's `preload`). */
export async function loadWriters(names: Iterable<string>): Promise<void> {
  for (const name of new Set(names)) await formats.find((format) => format.name === name)?.writer()
}

export const formats: Format[] = [ast, epub, pdf, ninjs, jsonld, html, htmlIndex, jsonfeed, bundle]

/** The formats `--format` chooses from (the bundle has its own option). */
export const formatNames = formats
  .filter((format) => !('option' in format && format.option))
  .map((format) => format.name)
export const defaultFormats = ['epub', 'pdf', 'ninjs', 'jsonld', 'html', 'jsonfeed']

export function getFormat(name: string): Format | undefined {
  return formats.find((format) => format.name === name)
}

/** The `epub:` section of `pressroom.yaml` as `renderEpub` options; its problems reported against the config file. */
async function epubSettings(
  writer: typeof import('@pressroom/epub'),
  config: PublicationConfig,
  report: (message: VFileMessage) => void,
) {
  const { options, messages } = writer.epubConfigOptions(config.sections.epub)
  const { createMessage } = await writers.article()
  for (const message of messages)
    report(
      createMessage(config.path, `${message.field}: ${message.message}`, {
        ruleId: 'invalid-epub-config',
        source: 'pressroom-epub',
        fatal: message.severity === 'error',
      }),
    )
  return options
}

/** The `--bundle` input: whole articles (an EPUB of them all). */
export interface BundleContext {
  articles: Article[]
  report: (message: VFileMessage) => void
  title?: string
  /** The publication's config: the bundle's language and the `epub:` settings. */
  config?: PublicationConfig
  /** The collection's language: the publication's (`pressroom.yaml` `language`); each article keeps its own. */
  language?: string
}

/**
 * The bundle's EPUB from whole articles (the bundle entry's assemble step; also what worker.ts's
 * older `bundle` job calls, with articles it reads itself).
 */
async function renderBundle(context: BundleContext, slug: string): Promise<Output[]> {
  const writer = await writers.epub()
  const { config, report } = context
  const bytes = await writer.renderEpub(context.articles, {
    title: context.title,
    report,
    language: context.language ?? config?.language,
    publisher: config?.publisher?.name,
    ...(config ? await epubSettings(writer, config, report) : {}),
  })
  return [main(bundle, slug, bytes)]
}
