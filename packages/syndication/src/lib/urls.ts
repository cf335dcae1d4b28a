/**
 * URL helpers: every link Pressroom writes into a syndication document is
 * absolute and uses a scheme that is safe to put on someone else's page.
 */
import type { Article, ArticleImage } from '@pressroom/article'

const safeSchemes = new Set(['http:', 'https:'])

/**
 * `value` as an absolute `http:`/`https:` URL (`mailto:` too when `allowMailto`),
 * or `undefined` for anything else (`javascript:`, `data:`, relative, invalid).
 */
export function safeUrl(value: string | undefined, allowMailto = false): string | undefined {
  if (!value) return undefined
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return undefined
  }
  if (safeSchemes.has(url.protocol) || (allowMailto && url.protocol === 'mailto:')) return url.href
  return undefined
}

/** `path` resolved against `base`, if the result is a safe absolute URL. */
export function resolveUrl(path: string, base: string | undefined): string | undefined {
  if (!base) return undefined
  try {
    return safeUrl(new URL(path, base).href)
  } catch {
    return undefined
  }
}

/**
 * The base URL images and other files of `article` resolve against: the
 * `baseUrl` option if given, else the article's `canonicalUrl` (files next to
 * the published page, as a browser would resolve them), else none.
 */
export function articleBase(article: Article, baseUrl: string | undefined): string | undefined {
  return safeUrl(baseUrl) ?? safeUrl(article.meta.canonicalUrl)
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
    const href = safeUrl(rendition.href)
    if (href) return [{ ...rendition, href }]
    warn(`Rendition \`${rendition.name}\` has no absolute http(s) href; left out`)
    return []
  })
}
