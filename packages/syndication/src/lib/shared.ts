/**
 * What the three writers share: messages, the body as sanitised HTML (labels, dates and escaping
 * are `@pressroom/toolkit`'s; plain text and counts are the reader's `derived` values).
 */
import { type Article, articleMessage } from '@pressroom/article'
import { phrasingToXhtml, toXhtml } from '@pressroom/html'
import { escapeXml, formatDateTime, labelsFor, machineDate } from '@pressroom/toolkit'
import { imageUrl } from './urls.js'

type Phrasing = NonNullable<Article['meta']['authors'][number]['bio']>['children']

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
 * under `base`, wrapped in `<div lang dir>` so that it keeps its language and
 * direction on a partner's page in another language. Without a base URL,
 * images become visible placeholders. Ids (footnotes, figures) are prefixed
 * with the slug, so that two articles on one partner page do not clash.
 */
export function bodyHtml(article: Article, base: string | undefined, report?: Report): string {
  const { xhtml } = toXhtml(article, {
    flavor: 'web',
    idPrefix: `${article.meta.slug}-`,
    containerLanguage: article.meta.language,
    imageSrc: (image) => imageUrl(image, base),
    ...(report ? { report } : {}),
  })
  return `<div${languageAttributes(article)}>\n${xhtml}${correctionsHtml(article)}\n</div>`
}

/** The article's correction notices, dated, after the body (empty without corrections). */
function correctionsHtml(article: Article): string {
  const corrections = article.meta.corrections ?? []
  if (corrections.length === 0) return ''
  const language = article.meta.language
  const labels = labelsFor(language)
  const items = corrections.map(
    (correction) =>
      `<p class="correction"><strong>${escapeXml(labels.correction)}</strong> (<time datetime="${escapeXml(machineDate(correction.date))}">${escapeXml(formatDateTime(correction.date, language))}</time>): ${escapeXml(correction.text)}</p>`,
  )
  return `\n<aside class="corrections" aria-label="${escapeXml(labels.corrections)}">\n${items.join('\n')}\n</aside>`
}

/** An author's bio as sanitised inline XHTML, in a `<span lang dir>`. */
export function bioHtml(
  article: Article,
  children: Phrasing,
  base: string | undefined,
  report?: Report,
): string {
  const xhtml = phrasingToXhtml(article, children, {
    flavor: 'web',
    containerLanguage: article.meta.language,
    imageSrc: (image) => imageUrl(image, base),
    ...(report ? { report } : {}),
  })
  return `<span${languageAttributes(article)}>${xhtml}</span>`
}

function languageAttributes(article: Article): string {
  return ` lang="${escapeXml(article.meta.language)}" dir="${article.derived.dir === 'rtl' ? 'rtl' : 'ltr'}"`
}

/** `Date | number` (epoch ms) as epoch ms; NaN when invalid. */
export function epochMs(value: Date | number): number {
  return value instanceof Date ? value.getTime() : value
}
