/**
 * A set of articles as a JSON Feed 1.1, validated against the JSON Feed schema
 * (SchemaStore's `feed.json`) before it is returned.
 */
import type { Article } from '@pressroom/article'
import { absoluteUrl, resolveUrl } from '@pressroom/toolkit'
import { articlePictures } from './images.js'
import type { Rendition } from './ninjs.js'
import { bodyHtml, type Report, warn } from './shared.js'
import { articleBase, imageUrl, safeRenditions } from './urls.js'
import { assertJsonFeed } from './validate.js'

export interface JsonFeedOptions {
  /** The feed's title. Default: the publisher name of the newest article, else `'Articles'`. */
  title?: string | undefined
  /**
   * Absolute http(s) URL of the site (`home_page_url`); the feed lives at
   * `feedPath` under it, and article images resolve against it when an
   * article has no `canonicalUrl`. Default: none (no `home_page_url` or
   * `feed_url`, which JSON Feed allows; images need a `canonicalUrl`).
   */
  baseUrl?: string | undefined
  /**
   * Each article's folder (where its images are published) relative to
   * `baseUrl`, e.g. ``(a) => `${a.meta.slug}/` `` for the CLI's layout.
   * Default: none, and images resolve against the article's `canonicalUrl`,
   * else `baseUrl`.
   */
  articleFolder?: (article: Article) => string
  /**
   * Each article's web page (the item's `url`) when the article has no
   * `canonicalUrl`: an absolute http(s) URL, or a path relative to `baseUrl`,
   * e.g. ``(a) => `${a.meta.slug}/` `` for the CLI's `html` format. Default:
   * none (only a `canonicalUrl` gives an item its `url`).
   */
  pageUrl?: (article: Article) => string | undefined
  /** Where the feed is published, relative to `baseUrl`. Default `'feed.json'`. */
  feedPath?: string
  /** The feed's `description`. Default: none. */
  description?: string
  /** The feed's primary `language`. Default: the language of the first article (after sorting). */
  language?: string
  /**
   * Files built from each article (EPUB, PDF), written as the item's
   * `attachments`: a function of the article, or a map from article id. Default: none.
   */
  renditions?:
    | ((article: Article) => readonly Rendition[] | undefined)
    | Readonly<Record<string, readonly Rendition[]>>
  /** Receives warnings. Default: none. */
  report?: Report
}

/** A JSON Feed 1.1 document (only the fields Pressroom writes). */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1'
  title: string
  home_page_url?: string
  feed_url?: string
  description?: string
  language?: string
  items: JsonFeedItem[]
}

export interface JsonFeedItem {
  id: string
  url?: string
  title: string
  summary?: string
  content_html: string
  content_text: string
  image?: string
  date_published?: string
  date_modified?: string
  authors?: { name: string; url?: string }[]
  tags?: string[]
  language: string
  attachments?: { url: string; mime_type: string; title?: string; size_in_bytes: number }[]
}

/** Newest first (by `published`; undated last), ties by id. */
export function compareArticles(a: Article, b: Article): number {
  const ta = a.meta.published?.epochMs ?? Number.NEGATIVE_INFINITY
  const tb = b.meta.published?.epochMs ?? Number.NEGATIVE_INFINITY
  if (ta !== tb) return tb > ta ? 1 : -1
  return a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0
}

/**
 * One article's part of a feed: its item plus what the feed sorts and titles
 * by. Plain JSON, so that items can be made where the articles are (in
 * worker threads, or cached) and the feed assembled from them alone.
 */
export interface JsonFeedEntry {
  item: JsonFeedItem
  id: string
  /** `meta.published.epochMs`, if dated. */
  published?: number
  language: string
  publisherName?: string
}

/** The feed entry of one article (see `jsonFeedFromEntries`). Options as for `toJsonFeed`. */
export function toJsonFeedEntry(article: Article, options: JsonFeedOptions = {}): JsonFeedEntry {
  const entry: JsonFeedEntry = {
    item: feedItem(article, options),
    id: article.meta.id,
    language: article.meta.language,
  }
  if (article.meta.published) entry.published = article.meta.published.epochMs
  if (article.meta.publisher?.name) entry.publisherName = article.meta.publisher.name
  return entry
}

/**
 * A JSON Feed 1.1 of `articles`, newest first. Throws `SchemaValidationError`
 * if the result does not validate (never returns an invalid feed), and
 * `TypeError` if a `baseUrl` is given that is not an absolute http(s) URL.
 */
export function toJsonFeed(articles: readonly Article[], options: JsonFeedOptions = {}): JsonFeed {
  return jsonFeedFromEntries(
    articles.map((article) => toJsonFeedEntry(article, options)),
    options,
  )
}

/** Feed order: newest first (undated last), ties by id. */
export function compareJsonFeedEntries(a: JsonFeedEntry, b: JsonFeedEntry): number {
  const ta = a.published ?? Number.NEGATIVE_INFINITY
  const tb = b.published ?? Number.NEGATIVE_INFINITY
  if (ta !== tb) return tb > ta ? 1 : -1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Add an entry to the newest `limit` entries kept so far (kept in feed order),
 * so that a feed of many articles never holds more than it will print.
 */
export function keepNewestEntries(
  kept: JsonFeedEntry[],
  entry: JsonFeedEntry,
  limit: number,
): JsonFeedEntry[] {
  let index = kept.findIndex((other) => compareJsonFeedEntries(entry, other) < 0)
  if (index === -1) index = kept.length
  if (index >= limit) return kept
  kept.splice(index, 0, entry)
  if (kept.length > limit) kept.length = limit
  return kept
}

/** Assemble and validate a feed from entries made by `toJsonFeedEntry` (newest first, ties by id). */
export function jsonFeedFromEntries(
  entries: readonly JsonFeedEntry[],
  options: JsonFeedOptions = {},
): JsonFeed {
  const home = absoluteUrl(options.baseUrl)
  if (options.baseUrl !== undefined && !home)
    throw new TypeError(
      `toJsonFeed: \`baseUrl\` must be an absolute http(s) URL, got \`${options.baseUrl}\``,
    )
  const sorted = [...entries].sort(compareJsonFeedEntries)
  const language = options.language ?? sorted[0]?.language
  const feed: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: options.title ?? sorted[0]?.publisherName ?? 'Articles',
    ...(home ? { home_page_url: home } : {}),
    ...(home ? { feed_url: resolveUrl(options.feedPath ?? 'feed.json', home) ?? home } : {}),
    ...(options.description ? { description: options.description } : {}),
    ...(language ? { language } : {}),
    items: sorted.map((entry) => entry.item),
  }
  assertJsonFeed(feed)
  return feed
}

function feedItem(article: Article, options: JsonFeedOptions): JsonFeedItem {
  const { meta } = article
  const report = options.report
  const base =
    options.articleFolder && options.baseUrl
      ? resolveUrl(options.articleFolder(article), options.baseUrl)
      : (articleBase(article, undefined) ?? absoluteUrl(options.baseUrl))
  const hero = articlePictures(article).find((picture) => picture.role === 'hero')
  const image = hero ? imageUrl(hero.image, base) : undefined
  const page = options.pageUrl?.(article)
  const url =
    absoluteUrl(meta.canonicalUrl) ??
    (page ? (absoluteUrl(page) ?? resolveUrl(page, absoluteUrl(options.baseUrl))) : undefined)
  const authors = meta.authors.map((author) => {
    const authorUrl = absoluteUrl(author.url)
    return authorUrl ? { name: author.name, url: authorUrl } : { name: author.name }
  })
  const given =
    typeof options.renditions === 'function'
      ? options.renditions(article)
      : options.renditions?.[meta.id]
  const attachments = safeRenditions(given, (reason) =>
    warn(article, report, reason, 'unsafe-link'),
  ).map((rendition) => ({
    url: rendition.href,
    mime_type: rendition.contentType,
    ...(rendition.title ? { title: rendition.title } : {}),
    size_in_bytes: rendition.sizeInBytes,
  }))
  const published = meta.published?.dateTime
  const modified = meta.updated?.dateTime
  return {
    id: meta.id,
    ...(url ? { url } : {}),
    title: meta.title,
    ...(meta.summary ? { summary: meta.summary } : {}),
    content_html: bodyHtml(article, base, report),
    content_text: article.derived.plainText,
    ...(image ? { image } : {}),
    ...(published ? { date_published: published } : {}),
    ...(modified ? { date_modified: modified } : {}),
    ...(authors.length > 0 ? { authors } : {}),
    ...(meta.tags.length > 0 ? { tags: [...meta.tags] } : {}),
    language: meta.language,
    ...(attachments.length > 0 ? { attachments } : {}),
  }
}
