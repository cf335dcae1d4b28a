/**
 * What the three writers share: messages, the body as sanitised HTML, dates.
 */
import { type Article, articleMessage, countWords, plainTextOf } from '@pressroom/article'
import { escapeXml, phrasingToXhtml, toXhtml } from '@pressroom/html'
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

/** A correction's date as readers of the article's language write it (`20 January 2024`). */
export function correctionDate(
  date: NonNullable<Article['meta']['corrections']>[number]['date'],
  language: string,
): string {
  const options: Intl.DateTimeFormatOptions = date.dateOnly
    ? { dateStyle: 'long', timeZone: 'UTC' }
    : {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: 'UTC',
        timeZoneName: 'short',
      }
  const at = date.dateOnly ? new Date(`${date.date}T00:00:00Z`) : new Date(date.epochMs)
  try {
    return new Intl.DateTimeFormat(language, options).format(at)
  } catch {
    return date.dateOnly ? date.date : date.dateTime
  }
}

/** "Correction" in the languages the shared XHTML writer has labels for (fallback English). */
const correctionLabels: Record<string, { one: string; all: string }> = {
  en: { one: 'Correction', all: 'Corrections' },
  ar: { one: 'تصحيح', all: 'تصحيحات' },
  ur: { one: 'تصحیح', all: 'تصحیحات' },
  fr: { one: 'Correction', all: 'Corrections' },
  de: { one: 'Korrektur', all: 'Korrekturen' },
  es: { one: 'Corrección', all: 'Correcciones' },
}

/** The article's correction notices, dated, after the body (empty without corrections). */
function correctionsHtml(article: Article): string {
  const corrections = article.meta.corrections ?? []
  if (corrections.length === 0) return ''
  const primary = article.meta.language.toLowerCase().split(/[-_]/)[0] ?? 'en'
  const label = correctionLabels[primary] ?? correctionLabels.en
  const items = corrections.map(
    (correction) =>
      `<p class="correction"><strong>${escapeXml(label.one)}</strong> (<time datetime="${escapeXml(correction.date.dateOnly ? correction.date.date : correction.date.dateTime)}">${escapeXml(correctionDate(correction.date, article.meta.language))}</time>): ${escapeXml(correction.text)}</p>`,
  )
  return `\n<aside class="corrections" aria-label="${escapeXml(label.all)}">\n${items.join('\n')}\n</aside>`
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

type Tree = Article['tree']
type TreeNode = { type: string; children?: TreeNode[] }

function hasHtml(node: TreeNode): boolean {
  return node.type === 'html' || (node.children ?? []).some(hasHtml)
}

function withoutHtml<T extends TreeNode>(node: T): T {
  if (!node.children) return node
  return {
    ...node,
    children: node.children.filter((child) => child.type !== 'html').map(withoutHtml),
  }
}

/**
 * The body as plain text with its word and character counts (figure captions,
 * pull quotes and footnotes left out): the reader's `derived` values, except
 * that raw HTML inside paragraphs is left out too (the reader's `plainText`
 * keeps inline HTML as text; syndicated text must not carry markup).
 */
export function bodyText(article: Article): { text: string; wordCount: number; charCount: number } {
  const { derived } = article
  if (!hasHtml(article.tree as TreeNode)) {
    return { text: derived.plainText, wordCount: derived.wordCount, charCount: derived.charCount }
  }
  const text = plainTextOf(withoutHtml(article.tree as TreeNode) as unknown as Tree)
  return { text, wordCount: countWords(text, article.meta.language), charCount: [...text].length }
}
