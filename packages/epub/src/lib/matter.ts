/**
 * The front and back matter around the text, as hast (serialised by
 * `@pressroom/html` with the page): the cover page, title pages, the masthead
 * (section, headline, subtitle, byline, dates), the hero figure of a chapter,
 * the author box, the corrections notice, disclaimer and rights.
 */
import type { Article, ArticleDate, Author } from '@pressroom/article'
import { phrasingToHast } from '@pressroom/html'
import {
  absoluteUrl,
  cleanText,
  formatDate,
  formatDateTime,
  joinNames,
  machineDate,
  safeUrl,
} from '@pressroom/toolkit'
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { lines } from './page.js'
import { authorNames, headline, type State, warn } from './state.js'
import type { EpubLabels } from './types.js'

/** `<time>` with the machine-readable value and the date as the language reads it. */
function time(date: ArticleDate, datetime: string, language: string, withTime = false): Element {
  return h(
    'time',
    { dateTime: datetime },
    withTime ? formatDateTime(date, language) : formatDate(date, language),
  )
}

/** `Published <time>` · `Updated <time>` (the update only when it is another day). */
function dateline(article: Article, language: string, labels: EpubLabels): Element | undefined {
  const { published, updated } = article.meta
  const parts: Array<Array<string | Element>> = []
  if (published) parts.push([`${labels.published} `, time(published, published.date, language)])
  if (updated && updated.date !== published?.date)
    parts.push([`${labels.updated} `, time(updated, updated.date, language)])
  if (parts.length === 0) return undefined
  return h(
    'p',
    { className: 'dateline' },
    parts.flatMap((part, index) => (index > 0 ? [' · ', ...part] : part)),
  )
}

/** `By A, B and C`, in the language's list form; undefined without authors. */
export function byline(article: Article, language: string, labels: EpubLabels): string | undefined {
  const names = authorNames(article)
  return names.length > 0 ? `${labels.by} ${joinNames(names, language)}` : undefined
}

/** Section, headline, subtitle, byline, date: the top of a title page or a chapter. */
function masthead(
  article: Article,
  language: string,
  labels: EpubLabels,
  titleId: string,
): Array<Element | undefined> {
  const { meta } = article
  const section = cleanText(meta.section)
  const subtitle = cleanText(meta.subtitle)
  const by = byline(article, language, labels)
  return [
    section ? h('p', { className: 'kicker' }, section) : undefined,
    h('h1', { className: 'headline', id: titleId }, headline(article)),
    subtitle ? h('p', { className: 'subtitle', role: 'doc-subtitle' }, subtitle) : undefined,
    by ? h('p', { className: 'byline' }, by) : undefined,
    dateline(article, language, labels),
  ]
}

/** The cover page: the cover image, named for the reading system. */
export function coverSection(src: string, alt: string, labels: EpubLabels): ElementContent[] {
  return [
    h(
      'section',
      { 'epub:type': 'cover', 'aria-label': labels.cover },
      lines([h('img', { src, alt, role: 'doc-cover' })]),
    ),
  ]
}

/** A single article's title page: the masthead, the publisher, the hero's caption and credit. */
export function articleTitlePage(
  article: Article,
  language: string,
  labels: EpubLabels,
  hero: { caption: string; credit: string } | undefined,
): ElementContent[] {
  const publisher = cleanText(article.meta.publisher?.name)
  const credit = hero ? [hero.caption, hero.credit].filter(Boolean).join(' ') : ''
  return [
    h(
      'section',
      { 'epub:type': 'titlepage', 'aria-labelledby': 'title' },
      lines([
        ...masthead(article, language, labels, 'title'),
        publisher ? h('p', { className: 'publisher' }, publisher) : undefined,
        credit ? h('p', { className: 'credit' }, `${labels.coverImage}: ${credit}`) : undefined,
      ]),
    ),
  ]
}

/** A collection's title page: its title, how many articles, the latest date, the publisher. */
export function collectionTitlePage(
  title: string,
  count: string,
  latest: ArticleDate | undefined,
  publisher: string,
  language: string,
): ElementContent[] {
  return [
    h(
      'section',
      { 'epub:type': 'titlepage', 'aria-labelledby': 'title' },
      lines([
        h('h1', { className: 'headline', id: 'title' }, title),
        h('p', { className: 'byline' }, count),
        latest
          ? h('p', { className: 'dateline' }, [time(latest, latest.date, language)])
          : undefined,
        publisher ? h('p', { className: 'publisher' }, publisher) : undefined,
      ]),
    ),
  ]
}

/** A single article's text, as one chapter. */
export function textSection(title: string, text: ElementContent[]): ElementContent[] {
  return [
    h('section', { 'epub:type': 'chapter', role: 'doc-chapter', 'aria-label': title }, [
      '\n',
      ...text,
      '\n',
    ]),
  ]
}

/** A collection's chapter: its own masthead and hero figure, the text, then its back matter. */
export function chapterSection(
  article: Article,
  language: string,
  labels: EpubLabels,
  prefix: string,
  hero: { href: string; alt: string; caption: string; credit: string } | undefined,
  text: ElementContent[],
  back: ElementContent[],
): ElementContent[] {
  let figure: Element | undefined
  if (hero) {
    const caption: ElementContent[] = []
    if (hero.caption) caption.push({ type: 'text', value: hero.caption })
    if (hero.caption && hero.credit) caption.push({ type: 'text', value: ' ' })
    if (hero.credit) caption.push(h('span', { className: 'credit' }, hero.credit))
    figure = h(
      'figure',
      lines([
        h('img', { src: hero.href, alt: hero.alt }),
        caption.length > 0 ? h('figcaption', caption) : undefined,
      ]),
    )
  }
  const header = h(
    'header',
    { className: 'chapter-header' },
    lines(masthead(article, language, labels, `${prefix}title`)),
  )
  return [
    h(
      'section',
      { 'epub:type': 'chapter', role: 'doc-chapter', 'aria-labelledby': `${prefix}title` },
      [...lines([header, figure]), ...text, ...lines(back)],
    ),
  ]
}

/** An author's links: http, https, mailto and tel only (the shared URL policy), the rest reported. */
function authorLinks(state: State, article: Article, author: Author): Element | undefined {
  const items: Element[] = []
  for (const link of author.links) {
    // Absolute (a book has no base to resolve against), then percent-encoded where
    // needed (`tel:+44 20 …` is not a valid URL with its spaces: RSC-020).
    const absolute = absoluteUrl(link.href, { people: true })
    const href = absolute === undefined ? undefined : safeUrl(absolute)
    if (!href) {
      warn(
        state,
        article,
        `link \`${link.href}\` of ${author.name} dropped: only http, https, mailto and tel are kept`,
        'epub-unsafe-link',
      )
      continue
    }
    const label = cleanText(link.label) || cleanText(link.href)
    items.push(h('li', [h('a', { href }, label)]))
  }
  return items.length > 0 ? h('ul', { className: 'author-links' }, items) : undefined
}

/** The article's dated correction notices (`Correction (20 January 2024): …`). */
function correctionsNotice(
  article: Article,
  language: string,
  labels: EpubLabels,
): Element | undefined {
  const corrections = article.meta.corrections ?? []
  if (corrections.length === 0) return undefined
  const items = corrections.map((correction) =>
    h('p', { className: 'correction' }, [
      h('strong', labels.correction),
      ' (',
      time(correction.date, machineDate(correction.date), language, true),
      `): ${cleanText(correction.text)}`,
    ]),
  )
  return h('aside', { className: 'corrections', 'aria-label': labels.corrections }, lines(items))
}

/**
 * "About the author" (bios and links), then the corrections, the disclaimer
 * and rights: the blocks, none when there is nothing to say.
 */
export function backMatter(
  state: State,
  article: Article,
  language: string,
  labels: EpubLabels,
  idPrefix: string,
): { nodes: Element[]; aboutId?: string; aboutTitle?: string } {
  const nodes: Element[] = []
  const withSomething = article.meta.authors.filter(
    (author) => cleanText(author.name) && (author.bio || author.links.length > 0),
  )
  let aboutId: string | undefined
  let aboutTitle: string | undefined
  if (withSomething.length > 0) {
    const authors = withSomething.map((author, index) => {
      const id = `${idPrefix}author-${index + 1}`
      const bio =
        author.bio && author.bio.children.length > 0
          ? h(
              'p',
              phrasingToHast(article, author.bio.children, {
                flavor: 'epub',
                idPrefix: `${idPrefix}bio-${index + 1}-`,
                containerLanguage: language,
                labels: { notes: labels.notes, backToText: labels.backToText, image: labels.image },
                report: state.options.report,
              }).children as ElementContent[],
            )
          : undefined
      return h(
        'section',
        { 'aria-labelledby': id },
        lines([h('h3', { id }, cleanText(author.name)), bio, authorLinks(state, article, author)]),
      )
    })
    aboutId = `${idPrefix}about`
    aboutTitle = withSomething.length > 1 ? labels.aboutTheAuthors : labels.aboutTheAuthor
    nodes.push(
      h(
        'section',
        { className: 'bio', 'aria-labelledby': aboutId },
        lines([h('h2', { id: aboutId }, aboutTitle), ...authors]),
      ),
    )
  }
  const corrections = correctionsNotice(article, language, labels)
  if (corrections) nodes.push(corrections)
  const disclaimer = cleanText(article.meta.disclaimer)
  const rights = cleanText(article.meta.rights)
  if (disclaimer) nodes.push(h('p', { className: 'endnote' }, disclaimer))
  if (rights) nodes.push(h('p', { className: 'endnote' }, rights))
  return { nodes, aboutId, aboutTitle }
}
