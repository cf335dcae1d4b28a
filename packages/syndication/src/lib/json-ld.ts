/**
 * An article as schema.org `NewsArticle` JSON-LD, for a `<script
 * type="application/ld+json">` in the article's page.
 */
import type { Article } from '@pressroom/article'
import { absoluteUrl, jsonForScript, machineDate } from '@pressroom/toolkit'
import { articlePictures } from './images.js'
import type { Report } from './shared.js'
import { articleBase, imageUrl } from './urls.js'

export interface JsonLdOptions {
  /** Absolute URL the article's folder is published at (images resolve against it). Default: the article's `canonicalUrl`. */
  baseUrl?: string
  /** Absolute http(s) URL of the article's web page (`url`, `mainEntityOfPage`) when it has no `canonicalUrl`. Default: none. */
  pageUrl?: string
  /** `isAccessibleForFree`. Default `true`. */
  isAccessibleForFree?: boolean
  /** Absolute URL of the publisher's logo (`publisher.logo`). Default: none. */
  publisherLogo?: string
  /** Receives warnings. Default: none. */
  report?: Report
}

/** A schema.org `NewsArticle` as Pressroom writes it. */
export interface NewsArticleJsonLd {
  '@context': 'https://schema.org'
  '@type': 'NewsArticle'
  [property: string]: unknown
}

/** Social networks whose links are profiles of the author (`sameAs`). */
const notSameAs = new Set(['url', 'email'])

/** The article as a schema.org `NewsArticle` (plain JSON value, stable key order). */
export function toJsonLd(article: Article, options: JsonLdOptions = {}): NewsArticleJsonLd {
  const { meta } = article
  const base = articleBase(article, options.baseUrl)
  const page = absoluteUrl(meta.canonicalUrl) ?? absoluteUrl(options.pageUrl)
  const images = articlePictures(article)
    .filter((picture) => picture.role === 'hero')
    .flatMap((picture) => {
      const url = imageUrl(picture.image, base)
      return url ? [url] : []
    })
  const authors = meta.authors.map((author) => {
    const url = absoluteUrl(author.url)
    const sameAs = author.links
      .filter((link) => !notSameAs.has(link.rel))
      .flatMap((link) => {
        const href = absoluteUrl(link.href)
        return href && href !== url ? [href] : []
      })
    return {
      '@type': 'Person',
      name: author.name,
      ...(url ? { url } : {}),
      ...(sameAs.length > 0 ? { sameAs } : {}),
    }
  })
  const publisherUrl = absoluteUrl(meta.publisher?.url)
  const logo = absoluteUrl(options.publisherLogo)
  const doc: NewsArticleJsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': meta.id,
    identifier: meta.id,
    headline: meta.title,
    ...(meta.subtitle ? { alternativeHeadline: meta.subtitle } : {}),
    ...(meta.summary ? { description: meta.summary } : {}),
    ...(images.length > 0 ? { image: images } : {}),
    ...(meta.published ? { datePublished: meta.published.dateTime } : {}),
    ...(meta.updated ? { dateModified: meta.updated.dateTime } : {}),
    ...(authors.length > 0 ? { author: authors } : {}),
    ...(meta.publisher
      ? {
          publisher: {
            '@type': 'Organization',
            name: meta.publisher.name,
            ...(publisherUrl ? { url: publisherUrl } : {}),
            ...(logo ? { logo: { '@type': 'ImageObject', url: logo } } : {}),
          },
        }
      : {}),
    inLanguage: meta.language,
    ...(meta.section ? { articleSection: meta.section } : {}),
    ...(meta.tags.length > 0 ? { keywords: [...meta.tags] } : {}),
    wordCount: article.derived.wordCount,
    ...(page ? { url: page, mainEntityOfPage: { '@type': 'WebPage', '@id': page } } : {}),
    isAccessibleForFree: options.isAccessibleForFree ?? true,
    ...(meta.rights ? { copyrightNotice: meta.rights } : {}),
    ...(meta.publisher
      ? { copyrightHolder: { '@type': 'Organization', name: meta.publisher.name } }
      : {}),
    ...(meta.published ? { copyrightYear: Number(meta.published.date.slice(0, 4)) } : {}),
    ...(meta.corrections?.length
      ? {
          correction: meta.corrections.map((correction) => ({
            '@type': 'CorrectionComment',
            text: correction.text,
            datePublished: machineDate(correction.date),
          })),
        }
      : {}),
  }
  return doc
}

/** The article's JSON-LD as a complete `<script type="application/ld+json">` element, safe to embed. */
export function toJsonLdScript(article: Article, options: JsonLdOptions = {}): string {
  return `<script type="application/ld+json">${jsonForScript(toJsonLd(article, options))}</script>`
}
