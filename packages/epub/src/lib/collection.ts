/** A collection: one chapter per article, each with its own masthead, hero, text and back matter. */
import { type Article, directionOf } from '@pressroom/article'
import { cleanText, fillLabel, formatDate } from '@pressroom/toolkit'
import type { ElementContent } from 'hast'
import { generatedCover } from './book-cover.js'
import { collectionIdentifier } from './identifier.js'
import { backMatter, chapterSection, collectionTitlePage } from './matter.js'
import { type NavItem, nestHeadings } from './nav.js'
import type { BookPlan } from './package.js'
import { xhtmlPage } from './page.js'
import {
  body,
  dirOf,
  headline,
  heroImage,
  isLanguageTag,
  labelsOf,
  languageOf,
  type State,
} from './state.js'

/**
 * A collection's language: `options.language` (the publication's), else the
 * language most of its articles are in (a tie goes to the tag first in
 * alphabetical order). Never the first article's as such: one Arabic article
 * first in the list must not make an English digest Arabic.
 */
function collectionLanguage(state: State, articles: readonly Article[]): string {
  const requested = cleanText(state.options.language)
  if (isLanguageTag(requested)) return requested
  const counts = new Map<string, number>()
  for (const article of articles) {
    const language = languageOf(article, state)
    counts.set(language, (counts.get(language) ?? 0) + 1)
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  return ranked[0]?.[0] ?? 'en'
}

/** The value every member has, if they agree (publisher, rights). */
function shared(articles: readonly Article[], value: (article: Article) => string): string {
  const all = new Set(articles.map(value))
  const [only] = all
  return all.size === 1 && only ? only : ''
}

export function collectionBook(state: State, articles: readonly Article[]): BookPlan {
  const language = collectionLanguage(state, articles)
  const labels = labelsOf(state, language)
  // The reader's rule for the direction of a language.
  const dir = state.options.dir ?? directionOf(language)
  if (dir === 'rtl') state.rtl = true
  const title = cleanText(state.options.title) || labels.collection
  const publisher =
    cleanText(state.options.publisher) ||
    shared(articles, (article) => cleanText(article.meta.publisher?.name))
  const count = fillLabel(labels.articleCount, { count: articles.length })
  const latest = articles
    .map((article) => article.meta.published)
    .filter((date) => date !== undefined)
    .reduce<Article['meta']['published']>(
      (max, date) => (!max || date.epochMs > max.epochMs ? date : max),
      undefined,
    )

  if ((state.options.cover ?? 'auto') !== 'none') {
    generatedCover(
      state,
      {
        kicker: latest ? formatDate(latest, language) : undefined,
        headline: title,
        byline: count,
        footer: publisher || undefined,
      },
      language,
      dir,
      labels,
    )
  }

  state.documents.push({
    id: 'title-page',
    href: 'title.xhtml',
    linear: true,
    xhtml: xhtmlPage({
      title,
      language,
      dir,
      content: collectionTitlePage(title, count, latest, publisher, language),
    }),
  })
  // The contents come right after the title page in a collection: it is the way in.
  const navIndex = state.documents.length

  const contents: NavItem[] = []
  articles.forEach((article, index) => {
    const number = String(index + 1).padStart(3, '0')
    const href = `chapter-${number}.xhtml`
    const chapterLanguage = languageOf(article, state)
    const chapterDir = dirOf(article)
    if (chapterDir === 'rtl') state.rtl = true
    const chapterLabels = labelsOf(state, chapterLanguage)
    const prefix = `c${index + 1}-`
    const hero = heroImage(state, article)
    const text = body(state, article, chapterLanguage, chapterLabels, `a${index + 1}-`)
    const back = backMatter(state, article, chapterLanguage, chapterLabels, prefix)
    const chapterTitle = headline(article)
    state.documents.push({
      id: `chapter-${number}`,
      href,
      linear: true,
      xhtml: xhtmlPage({
        title: chapterTitle,
        language: chapterLanguage,
        dir: chapterDir,
        bodyProperties: { 'epub:type': 'bodymatter' },
        content: chapterSection(
          article,
          chapterLanguage,
          chapterLabels,
          prefix,
          hero,
          text.hast.children as ElementContent[],
          back.nodes,
        ),
      }),
    })
    const children = nestHeadings(text.headings, href)
    if (back.aboutId && back.aboutTitle)
      children.push({ text: back.aboutTitle, href: `${href}#${back.aboutId}`, children: [] })
    contents.push({ text: chapterTitle, href: `${href}#${prefix}title`, children })
  })

  return {
    collection: true,
    articles,
    title,
    language,
    dir,
    labels,
    contents,
    bodyStart: 'chapter-001.xhtml',
    navIndex,
    identifier: collectionIdentifier(
      articles.map((article) => article.meta.id || article.derived.id),
    ),
    publisher,
    date: latest,
    description: `${title}: ${articles.map(headline).join(' · ')}`,
    // One rights line only when every member has the same; each chapter carries its own anyway.
    rights: shared(articles, (article) => cleanText(article.meta.rights)) || undefined,
  }
}
