import type { ArticleImage } from '@pressroom/article'
import type { Labels } from '@pressroom/toolkit'
import type { VFileMessage } from 'vfile-message'

/** The UI strings the web pages print: a part of `@pressroom/toolkit`'s one label table. */
export type WebLabels = Pick<
  Labels,
  | 'by'
  | 'published'
  | 'updated'
  | 'correction'
  | 'corrections'
  | 'aboutTheAuthor'
  | 'aboutTheAuthors'
  | 'skipToArticle'
  | 'allArticles'
  | 'articles'
  | 'image'
>

export interface WebPageOptions {
  /**
   * The absolute http(s) URL this page is published at. It is the canonical
   * link and `og:url` unless the article has its own `canonicalUrl`, and
   * relative image URLs are made absolute against it for OpenGraph/Twitter.
   * Default: none (then only the article's `canonicalUrl` is used).
   */
  url?: string
  /**
   * The article's schema.org JSON-LD (a JSON value, e.g. from
   * `@pressroom/syndication`'s `toJsonLd`), embedded in a
   * `<script type="application/ld+json">`. Default: none.
   */
  jsonLd?: unknown
  /** The URL written for an image whose `status` is `ok`. Default: `image.path` (images beside the page). */
  imageSrc?: (image: ArticleImage) => string | undefined
  /** Link from the page's header to the publication's index page (relative or absolute). Default: none. */
  indexHref?: string
  /** The site's name in the header, `og:site_name` and the `<title>`. Default: the article's publisher. */
  siteName?: string
  /** CSS for the page's `<style>` element. Default: `defaultStylesheet`. */
  stylesheet?: string
  /** UI strings, over the toolkit's labels for the article's language (`labelsFor`). */
  labels?: Partial<WebLabels>
  /**
   * Ask search engines not to index the page (`<meta name="robots" content="noindex">`): for an
   * article that is embargoed, withheld or canceled. Default `false`.
   */
  noindex?: boolean
  /** Receives every warning (from the body writer too). Default: none. */
  report?: (message: VFileMessage) => void
}

/** One article on the index page. Plain JSON, so a build can make it where the article is parsed. */
export interface WebIndexEntry {
  title: string
  /** The article page's link from the index (relative or absolute). */
  href: string
  subtitle?: string
  summary?: string
  section?: string
  authors: string[]
  /** ISO date-time (sorting) and calendar date of publication. */
  published?: { dateTime: string; date: string; epochMs: number }
  language: string
  dir: 'ltr' | 'rtl'
}

export interface WebIndexOptions {
  /** The page's title and heading. Default: `siteName`, else "Articles". */
  title?: string
  /** The site's name (header, `og:site_name`). Default: none. */
  siteName?: string
  /** The index page's absolute URL (canonical link, `og:url`). Default: none. */
  url?: string
  /** Language of the page (BCP 47). Default: the newest entry's, else `en`. */
  language?: string
  /** Text at the foot of the page (rights). Default: none. */
  footer?: string
  /** CSS for the page's `<style>` element. Default: `defaultStylesheet`. */
  stylesheet?: string
  labels?: Partial<WebLabels>
}
