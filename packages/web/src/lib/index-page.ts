import {
  absoluteUrl,
  cleanText,
  escapeHtml,
  formatDate,
  joinNames,
  labelsFor,
} from '@pressroom/toolkit'
import { pageHead } from './page.js'
import { defaultStylesheet } from './stylesheet.js'
import type { WebIndexEntry, WebIndexOptions } from './types.js'

/** Newest first (by publication time; undated last), then by title, then by link: a stable order. */
export function compareWebIndexEntries(a: WebIndexEntry, b: WebIndexEntry): number {
  const ta = a.published?.epochMs ?? Number.NEGATIVE_INFINITY
  const tb = b.published?.epochMs ?? Number.NEGATIVE_INFINITY
  if (ta !== tb) return tb - ta
  if (a.title !== b.title) return a.title < b.title ? -1 : 1
  return a.href < b.href ? -1 : a.href > b.href ? 1 : 0
}

/** The entry's calendar day as the toolkit writes dates (the index keeps only what a date needs). */
function formatDay(published: NonNullable<WebIndexEntry['published']>, language: string): string {
  return formatDate({ ...published, dateOnly: true }, language)
}

/**
 * The publication's index page: every entry, newest first, each with its
 * section, headline (linking to the article page), subtitle or summary,
 * authors and date, in the article's own language and direction.
 */
export function renderWebIndex(entries: WebIndexEntry[], options: WebIndexOptions = {}): string {
  const sorted = [...entries].sort(compareWebIndexEntries)
  const language = options.language ?? sorted[0]?.language ?? 'en'
  const labels = labelsFor(language, options.labels)
  const siteName = cleanText(options.siteName)
  const title = cleanText(options.title) || siteName || labels.articles
  const url = absoluteUrl(options.url)
  const rtl = /^(ar|fa|he|ur|ps|sd|ug|yi|dv|ckb)(-|$)/i.test(language)
  const items = sorted.map((entry) => {
    const own = entry.language !== language || entry.dir !== (rtl ? 'rtl' : 'ltr')
    const attributes = own ? ` lang="${escapeHtml(entry.language)}" dir="${entry.dir}"` : ''
    const entryLabels = labelsFor(entry.language)
    let item = `<li${attributes}>\n<article>\n`
    if (entry.section) item += `<p class="kicker">${escapeHtml(entry.section)}</p>\n`
    item += `<h2><a href="${escapeHtml(entry.href)}">${escapeHtml(entry.title)}</a></h2>\n`
    const blurb = entry.summary ?? entry.subtitle
    if (blurb) item += `<p class="summary">${escapeHtml(blurb)}</p>\n`
    if (entry.authors.length > 0)
      item += `<p class="byline">${escapeHtml(entryLabels.by)} ${escapeHtml(joinNames(entry.authors, entry.language))}</p>\n`
    if (entry.published)
      item += `<p class="dateline"><time datetime="${escapeHtml(entry.published.dateTime)}">${escapeHtml(formatDay(entry.published, entry.language))}</time></p>\n`
    return `${item}</article>\n</li>\n`
  })
  const social =
    '<meta property="og:type" content="website">\n' +
    `<meta property="og:title" content="${escapeHtml(title)}">\n` +
    (url ? `<meta property="og:url" content="${escapeHtml(url)}">\n` : '') +
    (siteName ? `<meta property="og:site_name" content="${escapeHtml(siteName)}">\n` : '')
  const footer = cleanText(options.footer)
  return (
    pageHead({
      language,
      dir: rtl ? 'rtl' : 'ltr',
      title,
      canonical: url,
      extra: social,
      stylesheet: options.stylesheet ?? defaultStylesheet,
    }) +
    '<body>\n' +
    `<a class="skip-link" href="#main">${escapeHtml(labels.skipToArticle)}</a>\n` +
    (siteName && siteName !== title
      ? `<header class="site-header">\n<p class="site-name">${escapeHtml(siteName)}</p>\n</header>\n`
      : '') +
    `<main id="main">\n<h1>${escapeHtml(title)}</h1>\n` +
    (items.length > 0 ? `<ol class="article-list">\n${items.join('')}</ol>\n` : '') +
    '</main>\n' +
    (footer ? `<footer class="site-footer">\n<p>${escapeHtml(footer)}</p>\n</footer>\n` : '') +
    '</body>\n</html>\n'
  )
}
