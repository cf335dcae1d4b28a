/** A single article's book: cover, title page, the text, about the author. */
import type { Article } from '@pressroom/article'
import { cleanText } from '@pressroom/toolkit'
import type { ElementContent } from 'hast'
import { generatedCover } from './book-cover.js'
import { articleTitlePage, backMatter, byline, textSection } from './matter.js'
import { type NavItem, nestHeadings } from './nav.js'
import type { BookPlan } from './package.js'
import { lines, xhtmlPage } from './page.js'
import { body, dirOf, headline, heroPicture, labelsOf, languageOf, type State } from './state.js'

/** `dc:description`: the summary, else the start of the text, else the headline (never empty: RSC-005). */
function describe(article: Article): string {
  const summary = cleanText(article.meta.summary)
  if (summary) return summary
  const text = cleanText(article.derived.plainText)
  if (text) {
    if (text.length <= 300) return text
    const cut = text.slice(0, 300)
    const space = cut.lastIndexOf(' ')
    return `${space > 200 ? cut.slice(0, space) : cut}…`
  }
  return headline(article)
}

export function singleBook(state: State, article: Article): BookPlan {
  const { meta } = article
  const language = languageOf(article, state)
  const dir = dirOf(article)
  if (dir === 'rtl') state.rtl = true
  const labels = labelsOf(state, language)
  const title = headline(article)
  const mode = state.options.cover ?? 'auto'

  // Cover: the publication's design, with the hero photograph composed in (mode `auto`).
  const hero = mode === 'auto' ? heroPicture(state, article) : undefined
  if (mode !== 'none') {
    generatedCover(
      state,
      {
        kicker: cleanText(meta.section) || undefined,
        headline: title,
        byline: byline(article, language, labels),
        footer: cleanText(meta.publisher?.name) || undefined,
      },
      language,
      dir,
      labels,
      hero ? { ...hero, article } : undefined,
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
      content: articleTitlePage(article, language, labels, hero),
    }),
  })

  const text = body(state, article, language, labels, '')
  state.documents.push({
    id: 'text',
    href: 'text.xhtml',
    linear: true,
    xhtml: xhtmlPage({
      title,
      language,
      dir,
      bodyProperties: { 'epub:type': 'bodymatter' },
      content: textSection(title, text.hast.children as ElementContent[]),
    }),
  })

  // About the author, corrections, disclaimer, rights.
  const back = backMatter(state, article, language, labels, '')
  if (back.nodes.length > 0) {
    state.documents.push({
      id: 'about',
      href: 'about.xhtml',
      linear: true,
      xhtml: xhtmlPage({
        title: back.aboutTitle ?? title,
        language,
        dir,
        bodyProperties: { 'epub:type': 'backmatter' },
        content: lines(back.nodes).slice(1),
      }),
    })
  }

  const contents: NavItem[] = [
    { text: title, href: 'text.xhtml', children: nestHeadings(text.headings, 'text.xhtml') },
  ]
  if (back.aboutId && back.aboutTitle)
    contents.push({ text: back.aboutTitle, href: `about.xhtml#${back.aboutId}`, children: [] })

  return {
    collection: false,
    articles: [article],
    title,
    language,
    dir,
    labels,
    contents,
    bodyStart: 'text.xhtml',
    identifier:
      cleanText(meta.id) || cleanText(article.derived.id) || `urn:pressroom:${article.sourceHash}`,
    publisher: cleanText(meta.publisher?.name),
    date: meta.published,
    description: describe(article),
    rights: cleanText(meta.rights) || undefined,
  }
}
