/**
 * The one table of output formats, pandoc style: format name -> renderer.
 * Renderers are loaded lazily, so a build asks only for the code it uses.
 * The CLI knows renderers only through their public shape:
 * `(article or articles, options) -> bytes or a JSON value`.
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

/** A rendition of the article already built in this run (for ninjs `renditions`). */
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
  /** Renditions of this article built (or found up to date) earlier in this run. */
  renditions: BuiltRendition[]
  /** The moment embargoes are measured against. */
  now: Date
  pageSize: 'A4' | 'Letter'
  /** This build's cache folder (`<out>/.pressroom-cache`): renderers keep reusable parts there. */
  cacheDir?: string
}

export interface CollectionContext {
  /** What each article contributed (`entry`), in the order the articles were given. */
  entries: unknown[]
  config: PublicationConfig
  report: (message: VFileMessage) => void
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

export interface ArticleFormat {
  name: string
  scope: 'article'
  description: string
  /** Collection formats built whenever this one is (`html` brings its index page). */
  with?: string[]
  render(context: ArticleContext): Promise<Output[]>
}

/**
 * A format over all the articles. Each article's part (`entry`: plain JSON, or
 * undefined to leave it out) is made where the article is parsed — in a worker,
 * and cached with it — so the whole set is never held in memory; `render`
 * assembles the parts.
 */
export interface CollectionFormat {
  name: string
  scope: 'collection'
  description: string
  entry(context: ArticleContext): Promise<unknown>
  /** Merge an entry into those kept so far, keeping at most `limit` (0: all) — so the set is never held whole. */
  keep(kept: unknown[], entry: unknown, limit: number): Promise<unknown[]>
  render(context: CollectionContext): Promise<Output[]>
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

function renditionLinks(config: PublicationConfig, renditions: BuiltRendition[]) {
  return renditions.map((rendition) => ({
    name: rendition.name,
    href: publicUrl(config, rendition.path) ?? rendition.path,
    contentType: rendition.contentType,
    sizeInBytes: rendition.sizeInBytes,
  }))
}

export const formats: Format[] = [
  {
    name: 'ast',
    scope: 'article',
    description: 'the parsed article as JSON (like pandoc -t json)',
    async render({ article }) {
      const { articleToJson } = await import('@pressroom/article')
      return [
        {
          path: `${article.meta.slug}/${article.meta.slug}.ast.json`,
          data: json(articleToJson(article)),
          contentType: 'application/json',
        },
      ]
    },
  },
  {
    name: 'epub',
    scope: 'article',
    description: 'EPUB 3 for e-readers',
    async render({ article, config, report, cacheDir }) {
      const epub = await import('@pressroom/epub')
      const { folderCoverCache } = await import('./cover-cache.js')
      const bytes = await epub.renderEpub(article, {
        report,
        coverCache: cacheDir ? folderCoverCache(path.join(cacheDir, 'covers')) : undefined,
        ...(await epubSettings(epub, config, report)),
      })
      return [
        {
          path: `${article.meta.slug}/${article.meta.slug}.epub`,
          data: bytes,
          contentType: 'application/epub+zip',
        },
      ]
    },
  },
  {
    name: 'pdf',
    scope: 'article',
    description: 'print PDF (tagged, embedded fonts)',
    async render({ article, config, report, pageSize, now }) {
      const { renderPdf } = await import('@pressroom/pdf')
      // `pdf:` in pressroom.yaml: the page design (`layout`), checked by renderPdf.
      const pdf = config.sections.pdf as { layout?: string } | undefined
      const bytes = await renderPdf(article, { report, pageSize, now, layout: pdf?.layout })
      return [
        {
          path: `${article.meta.slug}/${article.meta.slug}.pdf`,
          data: bytes,
          contentType: 'application/pdf',
        },
      ]
    },
  },
  {
    name: 'ninjs',
    scope: 'article',
    description: 'IPTC ninjs 3.2 for syndication (and one file per configured partner)',
    async render({ article, config, report, renditions, now }) {
      const syndication = await import('@pressroom/syndication')
      const slug = article.meta.slug
      const baseUrl = articleUrl(config, slug)
      const links = renditionLinks(config, renditions)
      const outputs: Output[] = [
        {
          path: `${slug}/${slug}.ninjs.json`,
          data: json(syndication.toNinjs(article, { baseUrl, renditions: links, report })),
          contentType: 'application/json',
        },
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
            path: `${slug}/partners/${item.partner.name}.${item.format === 'jsonld' ? 'jsonld' : 'json'}`,
            data: json(item.document),
            contentType: 'application/json',
          })
        }
      }
      return outputs
    },
  },
  {
    name: 'jsonld',
    scope: 'article',
    description: 'schema.org NewsArticle JSON-LD for web pages',
    async render({ article, config, report }) {
      const { toJsonLd } = await import('@pressroom/syndication')
      const slug = article.meta.slug
      return [
        {
          path: `${slug}/${slug}.jsonld`,
          data: json(
            toJsonLd(article, {
              baseUrl: articleUrl(config, slug),
              pageUrl: articleUrl(config, slug),
              report,
            }),
          ),
          contentType: 'application/ld+json',
        },
      ]
    },
  },
  {
    name: 'html',
    scope: 'article',
    description: 'the article web page, <slug>/index.html (and index.html of them all)',
    with: ['html-index'],
    async render({ article, config, report, now }) {
      const { renderWebPage, renderRedirectPage } = await import('@pressroom/web')
      const { meta } = article
      const publishable =
        meta.status === 'usable' && !(meta.embargo && meta.embargo.epochMs > now.getTime())
      const { toJsonLd } = await import('@pressroom/syndication')
      const slug = article.meta.slug
      const url = articleUrl(config, slug)
      const outputs: Output[] = [
        {
          path: `${slug}/index.html`,
          data: renderWebPage(article, {
            url,
            jsonLd: toJsonLd(article, { baseUrl: url, pageUrl: url }),
            indexHref: '../index.html',
            siteName: config.publisher?.name,
            noindex: !publishable,
            report,
          }),
          contentType: 'text/html',
        },
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
          contentType: 'text/html',
        })
      }
      return outputs
    },
  },
  {
    name: 'html-index',
    scope: 'collection',
    description: 'index.html: the web pages of the publishable articles, newest first (with html)',
    async entry({ article, now }) {
      const { meta } = article
      if (meta.status !== 'usable' || (meta.embargo && meta.embargo.epochMs > now.getTime()))
        return undefined
      const { toWebIndexEntry } = await import('@pressroom/web')
      return toWebIndexEntry(article, `${encodeURIComponent(meta.slug)}/index.html`)
    },
    async keep(kept, entry) {
      return [...kept, entry]
    },
    async render({ entries, config }) {
      const { renderWebIndex } = await import('@pressroom/web')
      const html = renderWebIndex(entries as Parameters<typeof renderWebIndex>[0], {
        siteName: config.publisher?.name,
        url: config.baseUrl,
        language: config.language,
        footer: config.rights,
      })
      return [{ path: 'index.html', data: html, contentType: 'text/html' }]
    },
  },
  {
    name: 'jsonfeed',
    scope: 'collection',
    description: 'JSON Feed 1.1 of all the articles (feed.json)',
    async entry({ article, config, report, renditions, now }) {
      // A public feed carries only what may be published now.
      const { meta } = article
      if (meta.status !== 'usable' || (meta.embargo && meta.embargo.epochMs > now.getTime()))
        return undefined
      const { toJsonFeedEntry } = await import('@pressroom/syndication')
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
      const { keepNewestEntries } = await import('@pressroom/syndication')
      return keepNewestEntries(kept as JsonFeedEntry[], entry as JsonFeedEntry, limit)
    },
    async render({ entries, config }) {
      const { jsonFeedFromEntries } = await import('@pressroom/syndication')
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
      return [{ path: 'feed.json', data: json(feed), contentType: 'application/feed+json' }]
    },
  },
]

export const formatNames = formats.map((format) => format.name)
export const defaultFormats = ['epub', 'pdf', 'ninjs', 'jsonld', 'html', 'jsonfeed']

export function getFormat(name: string): Format | undefined {
  return formats.find((format) => format.name === name)
}

/** The `epub:` section of `pressroom.yaml` as `renderEpub` options; its problems reported against the config file. */
async function epubSettings(
  epub: typeof import('@pressroom/epub'),
  config: PublicationConfig,
  report: (message: VFileMessage) => void,
) {
  const { options, messages } = epub.epubConfigOptions(config.sections.epub)
  const { createMessage } = await import('@pressroom/article')
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

/** The bundle (`--bundle TITLE`): one EPUB of all the articles, in the publication's language. */
export async function renderBundle(context: BundleContext, slug: string): Promise<Output[]> {
  const epub = await import('@pressroom/epub')
  const { config, report } = context
  const bytes = await epub.renderEpub(context.articles, {
    title: context.title,
    report,
    language: context.language ?? config?.language,
    publisher: config?.publisher?.name,
    ...(config ? await epubSettings(epub, config, report) : {}),
  })
  return [{ path: `${slug}.epub`, data: bytes, contentType: 'application/epub+zip' }]
}
