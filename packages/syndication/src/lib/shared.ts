/**
 * What the three writers share: messages, the body as sanitised HTML, dates.
 */
import { type Article, type ArticleImage, articleMessage } from '@pressroom/article'
// TEMPORARY until @pressroom/html exports its API: typed against its declared API.
import * as html from '@pressroom/html'
import { imageUrl } from './urls.js'

type Phrasing = NonNullable<Article['meta']['authors'][number]['bio']>['children']
interface XhtmlOptions {
  flavor?: 'web' | 'epub'
  containerLanguage?: string
  imageSrc?: (image: ArticleImage) => string | undefined
  report?: (message: Message) => void
}
interface HtmlApi {
  toXhtml(article: Article, options?: XhtmlOptions): { xhtml: string }
  phrasingToXhtml(article: Article, nodes: Phrasing, options?: XhtmlOptions): string
}
const { toXhtml, phrasingToXhtml } = html as unknown as HtmlApi

/** A message as the reader makes them (a `VFileMessage` with the article's path as file). */
export type Message = Article['messages'][number]

/** Receives every warning a writer has (unknown node, image left out, unsafe link ...). */
export type Report = (message: Message) => void

export const source = 'pressroom-syndication'

/** Report a warning about `article` through `report`, if given. */
export function warn(
  article: Article,
  report: Report | undefined,
  reason: string,
  ruleId: string,
  place?: Parameters<typeof articleMessage>[2]['place'],
): void {
  if (!report) return
  report(articleMessage(article, reason, { ruleId, source, ...(place ? { place } : {}) }))
}

/**
 * The body as the shared sanitised XHTML fragment (web flavour), images linked
 * under `base`. Without a base URL, images become visible placeholders.
 */
export function bodyHtml(article: Article, base: string | undefined, report?: Report): string {
  return toXhtml(article, {
    flavor: 'web',
    containerLanguage: article.meta.language,
    imageSrc: (image) => imageUrl(image, base),
    ...(report ? { report } : {}),
  }).xhtml
}

/** An author's bio as sanitised inline XHTML. */
export function bioHtml(
  article: Article,
  children: Phrasing,
  base: string | undefined,
  report?: Report,
): string {
  return phrasingToXhtml(article, children, {
    flavor: 'web',
    containerLanguage: article.meta.language,
    imageSrc: (image) => imageUrl(image, base),
    ...(report ? { report } : {}),
  })
}

/** "A", "A and B", "A, B and C" in the article's language. */
export function joinNames(names: string[], language: string): string {
  if (names.length <= 1) return names[0] ?? ''
  try {
    return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names)
  } catch {
    return names.join(', ')
  }
}

/** `Date | number` (epoch ms) as epoch ms; NaN when invalid. */
export function epochMs(value: Date | number): number {
  return value instanceof Date ? value.getTime() : value
}
