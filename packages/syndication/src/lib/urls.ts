/**
 * URL helpers: every link Pressroom writes into a syndication document is
 * absolute and uses a scheme that is safe to put on someone else's page (the
 * toolkit's one policy: `absoluteUrl`, `resolveUrl`).
 */
import type { Article, ArticleImage } from '@pressroom/article'
import { absoluteUrl, resolveUrl } from '@pressroom/toolkit'

/**
 * The base URL images and other files of `article` resolve against: the
 * `baseUrl` option if given, else the article's `canonicalUrl` (files next to
 * the published page, as a browser would resolve them), else none.
 */
export function articleBase(article: Article, baseUrl: string | undefined): string | undefined {
  return absoluteUrl(baseUrl) ?? absoluteUrl(article.meta.canonicalUrl)
}

/**
 * The absolute URL of an image: its path in the article's folder under the
 * base URL. Only `ok` images (whose bytes the reader has) get one.
 */
export function imageUrl(
  image: ArticleImage | undefined,
  base: string | undefined,
): string | undefined {
  if (image?.status !== 'ok') return undefined
  return resolveUrl(encodePath(image.path ?? image.src), base)
}

/** Percent-encode each segment of a `/`-separated relative path (spaces, `#`, `?`). */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(decodeSafely(segment)))
    .join('/')
}

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/**
 * The renditions whose `href` is an absolute http(s) URL (normalised); any
 * other is left out, and reported through `warn` (rule `unsafe-link`).
 */
export function safeRenditions<T extends { name: string; href: string }>(
  renditions: readonly T[] | undefined,
  warn: (reason: string) => void,
): T[] {
  return (renditions ?? []).flatMap((rendition) => {
    const href = absoluteUrl(rendition.href)
    if (href) return [{ ...rendition, href }]
    warn(`Rendition \`${rendition.name}\` has no absolute http(s) href; left out`)
    return []
  })
}
