import type { Article, ArticleImage, Author } from '@pressroom/article'
import { phrasingToXhtml, toXhtml } from '@pressroom/html'
import {
  absoluteUrl,
  cleanText,
  escapeHtml,
  formatDate,
  formatDateTime,
  joinNames,
  jsonForScript,
  labelsFor,
  machineDate,
  resolveUrl,
} from '@pressroom/toolkit'
import { defaultStylesheet } from './stylesheet.js'
import type { WebIndexEntry, WebLabels, WebPageOptions } from './types.js'

const LANGUAGE_TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/

function languageOf(article: Article): string {
  const language = article.meta.language
  return language && LANGUAGE_TAG.test(language) ? language : 'und'
}

function dirOf(article: Article): 'ltr' | 'rtl' {
  return article.derived?.dir === 'rtl' ? 'rtl' : 'ltr'
}

function headline(article: Article): string {
  return cleanText(article.meta.title) || 'Untitled'
}

/** `<meta>` with a `name` or `property` key; nothing when the value is empty. */
function meta(key: 'name' | 'property', name: string, content: string | undefined): string {
  const value = cleanText(content)
  return value ? `<meta ${key}="${name}" content="${escapeHtml(value)}">\n` : ''
}

/** `en-GB` -> `en_GB`, as OpenGraph writes locales. */
function ogLocale(language: string): string {
  const [lang, region] = language.split('-')
  return region && /^[A-Za-z]{2}$/.test(region) ? `${lang}_${region.toUpperCase()}` : (lang ?? 'en')
}

function absolute(src: string | undefined, base: string | undefined): string | undefined {
  if (!src) return undefined
  return absoluteUrl(src) ?? resolveUrl(src, base)
}

interface Hero {
  src: string
  image: ArticleImage
  alt: string
  caption: string
  credit: string
}

function heroOf(article: Article, imageSrc: (image: ArticleImage) => string | undefined) {
  const hero = article.meta.image
  if (!hero) return undefined
  const image = article.images.find((candidate) => candidate.src === hero.src)
  if (image?.status !== 'ok') return undefined
  const src = imageSrc(image)
  if (!src) return undefined
  return {
    src,
    image,
    alt: cleanText(hero.alt),
    caption: cleanText(hero.caption),
    credit: cleanText(hero.credit),
  } satisfies Hero
}

function heroFigure(hero: Hero): string {
  const size =
    hero.image.width && hero.image.height
      ? ` width="${hero.image.width}" height="${hero.image.height}"`
      : ''
  const caption = [
    hero.caption ? escapeHtml(hero.caption) : '',
    hero.credit ? `<span class="credit">${escapeHtml(hero.credit)}</span>` : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    `<figure class="hero">\n<img src="${escapeHtml(hero.src)}" alt="${escapeHtml(hero.alt)}"${size}>\n` +
    (caption ? `<figcaption>${caption}</figcaption>\n` : '') +
    '</figure>\n'
  )
}

function byline(article: Article, language: string, labels: WebLabels): string {
  const names = article.meta.authors.flatMap((author) => {
    const name = cleanText(author.name)
    if (!name) return []
    const url = absoluteUrl(author.url)
    return [
      url ? `<a rel="author" href="${escapeHtml(url)}">${escapeHtml(name)}</a>` : escapeHtml(name),
    ]
  })
  if (names.length === 0) return ''
  return `<p class="byline">${escapeHtml(labels.by)} ${joinNames(names, language)}</p>\n`
}

function dateline(article: Article, language: string, labels: WebLabels): string {
  const { published, updated } = article.meta
  const parts: string[] = []
  if (published)
    parts.push(
      `${escapeHtml(labels.published)} <time datetime="${escapeHtml(machineDate(published))}">${escapeHtml(formatDate(published, language))}</time>`,
    )
  if (updated && updated.dateTime !== published?.dateTime)
    parts.push(
      `${escapeHtml(labels.updated)} <time datetime="${escapeHtml(machineDate(updated))}">${escapeHtml(formatDate(updated, language))}</time>`,
    )
  return parts.length > 0 ? `<p class="dateline">${parts.join(' · ')}</p>\n` : ''
}

function authorLinks(author: Author): string {
  const items = author.links.flatMap((link) => {
    const href = absoluteUrl(link.href, { people: true })
    if (!href) return []
    const label = cleanText(link.label) || href
    return [`<li><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></li>`]
  })
  return items.length > 0 ? `<ul class="author-links">${items.join('')}</ul>\n` : ''
}

/** The article's dated correction notices (`Correction (20 January 2024): …`), as the syndication HTML prints them. */
function correctionsNotice(article: Article, language: string, labels: WebLabels): string {
  const corrections = article.meta.corrections ?? []
  if (corrections.length === 0) return ''
  const items = corrections.map(
    (correction) =>
      `<p class="correction"><strong>${escapeHtml(labels.correction)}</strong> (<time datetime="${escapeHtml(machineDate(correction.date))}">${escapeHtml(formatDateTime(correction.date, language))}</time>): ${escapeHtml(cleanText(correction.text))}</p>`,
  )
  return `<aside class="corrections" aria-label="${escapeHtml(labels.corrections)}">\n${items.join('\n')}\n</aside>\n`
}

/** About the author(s), the corrections, the disclaimer and the rights: the article's `<footer>`. */
function articleFooter(
  article: Article,
  language: string,
  labels: WebLabels,
  report: WebPageOptions['report'],
): string {
  const withSomething = article.meta.authors.filter(
    (author) => cleanText(author.name) && (author.bio || author.links.length > 0),
  )
  let out = ''
  if (withSomething.length > 0) {
    const title = withSomething.length > 1 ? labels.aboutTheAuthors : labels.aboutTheAuthor
    out += `<section class="bio" aria-labelledby="about">\n<h2 id="about">${escapeHtml(title)}</h2>\n`
    withSomething.forEach((author, index) => {
      out += `<section aria-labelledby="author-${index + 1}">\n<h3 id="author-${index + 1}">${escapeHtml(cleanText(author.name))}</h3>\n`
      if (author.bio && author.bio.children.length > 0) {
        const bio = phrasingToXhtml(article, author.bio.children, {
          flavor: 'web',
          idPrefix: `bio-${index + 1}-`,
          containerLanguage: language,
          report,
        })
        out += `<p>${bio}</p>\n`
      }
      out += authorLinks(author)
      out += '</section>\n'
    })
    out += '</section>\n'
  }
  out += correctionsNotice(article, language, labels)
  const disclaimer = cleanText(article.meta.disclaimer)
  const rights = cleanText(article.meta.rights)
  if (disclaimer) out += `<p class="disclaimer">${escapeHtml(disclaimer)}</p>\n`
  if (rights) out += `<p class="rights">${escapeHtml(rights)}</p>\n`
  return out ? `<footer>\n${out}</footer>\n` : ''
}

/** The smallest heading depth of the body, so body headings can start at `<h2>`. */
function headingOffset(article: Article): number {
  let minDepth = 6
  const visit = (node: { type: string; depth?: number; children?: unknown[] }): void => {
    if (node.type === 'heading' && typeof node.depth === 'number')
      minDepth = Math.min(minDepth, node.depth)
    if (node.children) for (const child of node.children) visit(child as typeof node)
  }
  visit(article.tree as unknown as { type: string; children?: unknown[] })
  return Math.max(0, 2 - minDepth)
}

export function pageHead(options: {
  language: string
  dir: 'ltr' | 'rtl'
  title: string
  description?: string
  canonical?: string
  extra: string
  stylesheet: string
}): string {
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(options.language)}" dir="${options.dir}">\n<head>\n` +
    '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(options.title)}</title>\n` +
    meta('name', 'description', options.description) +
    (options.canonical ? `<link rel="canonical" href="${escapeHtml(options.canonical)}">\n` : '') +
    options.extra +
    `<style>\n${options.stylesheet}</style>\n</head>\n`
  )
}

function siteHeader(siteName: string, indexHref: string | undefined, labels: WebLabels): string {
  if (!siteName && !indexHref) return ''
  const name = siteName ? `<p class="site-name">${escapeHtml(siteName)}</p>` : ''
  const all = indexHref
    ? `<p><a href="${escapeHtml(indexHref)}">${escapeHtml(labels.allArticles)}</a></p>`
    : ''
  return `<header class="site-header">\n${name}${all}\n</header>\n`
}

/**
 * The article as a standalone HTML5 page: semantic (`article`, `header`,
 * `figure`, `aside`, `footer`), the shared body from `@pressroom/html` (web
 * flavour), the same front and back matter as the EPUB, JSON-LD, OpenGraph and
 * Twitter card meta, a canonical link, and an inline responsive + print
 * stylesheet. No script is needed to read it. Deterministic.
 */
export function renderWebPage(article: Article, options: WebPageOptions = {}): string {
  const { meta: m } = article
  const language = languageOf(article)
  const dir = dirOf(article)
  const labels = labelsFor(language, options.labels)
  const title = headline(article)
  const imageSrc = options.imageSrc ?? ((image: ArticleImage) => image.path)
  const siteName = cleanText(options.siteName ?? m.publisher?.name)
  const pageUrl = absoluteUrl(options.url)
  const canonical = absoluteUrl(m.canonicalUrl) ?? pageUrl
  const description = cleanText(m.summary)
  const hero = heroOf(article, imageSrc)
  const heroUrl = hero ? absolute(hero.src, pageUrl ?? canonical) : undefined
  const names = m.authors.map((author) => cleanText(author.name)).filter(Boolean)
  const twitter = m.authors.map((author) => author.social.twitter).find(Boolean)

  let social =
    (options.noindex ? '<meta name="robots" content="noindex">\n' : '') +
    meta('name', 'author', names.length > 0 ? joinNames(names, language) : undefined) +
    meta('property', 'og:type', 'article') +
    meta('property', 'og:title', title) +
    meta('property', 'og:description', description) +
    meta('property', 'og:url', canonical) +
    meta('property', 'og:site_name', siteName) +
    meta('property', 'og:locale', ogLocale(language))
  if (heroUrl) {
    social += meta('property', 'og:image', heroUrl)
    social += meta('property', 'og:image:alt', hero?.alt)
    if (hero?.image.width && hero.image.height) {
      social += meta('property', 'og:image:width', String(hero.image.width))
      social += meta('property', 'og:image:height', String(hero.image.height))
    }
  }
  social +=
    meta('property', 'article:published_time', m.published?.dateTime) +
    meta('property', 'article:modified_time', m.updated?.dateTime) +
    meta('property', 'article:section', m.section)
  for (const tag of m.tags) social += meta('property', 'article:tag', tag)
  social +=
    meta('name', 'twitter:card', heroUrl ? 'summary_large_image' : 'summary') +
    meta('name', 'twitter:title', title) +
    meta('name', 'twitter:description', description) +
    (heroUrl ? meta('name', 'twitter:image', heroUrl) : '') +
    (heroUrl ? meta('name', 'twitter:image:alt', hero?.alt) : '') +
    meta('name', 'twitter:creator', twitter ? `@${twitter.replace(/^@/, '')}` : undefined)
  if (options.jsonLd !== undefined)
    social += `<script type="application/ld+json">\n${jsonForScript(options.jsonLd)}\n</script>\n`

  const body = toXhtml(article, {
    flavor: 'web',
    imageSrc,
    containerLanguage: language,
    headingOffset: headingOffset(article),
    report: options.report,
  })

  let masthead = '<header>\n'
  const section = cleanText(m.section)
  if (section) masthead += `<p class="kicker">${escapeHtml(section)}</p>\n`
  masthead += `<h1>${escapeHtml(title)}</h1>\n`
  const subtitle = cleanText(m.subtitle)
  if (subtitle) masthead += `<p class="subtitle">${escapeHtml(subtitle)}</p>\n`
  masthead += byline(article, language, labels)
  masthead += dateline(article, language, labels)
  masthead += '</header>\n'

  return (
    pageHead({
      language,
      dir,
      title: siteName ? `${title} — ${siteName}` : title,
      description,
      canonical,
      extra: social,
      stylesheet: options.stylesheet ?? defaultStylesheet,
    }) +
    '<body>\n' +
    `<a class="skip-link" href="#main">${escapeHtml(labels.skipToArticle)}</a>\n` +
    siteHeader(siteName, options.indexHref, labels) +
    '<main id="main">\n<article>\n' +
    masthead +
    (hero ? heroFigure(hero) : '') +
    `<div class="body">\n${body.xhtml}\n</div>\n` +
    articleFooter(article, language, labels, options.report) +
    '</article>\n</main>\n' +
    (siteName ? `<footer class="site-footer">\n<p>${escapeHtml(siteName)}</p>\n</footer>\n` : '') +
    '</body>\n</html>\n'
  )
}

/** The article's line on the index page (plain JSON). */
export function toWebIndexEntry(article: Article, href: string): WebIndexEntry {
  const { meta: m } = article
  const published = m.published
  return {
    title: headline(article),
    href,
    ...(cleanText(m.subtitle) ? { subtitle: cleanText(m.subtitle) } : {}),
    ...(cleanText(m.summary) ? { summary: cleanText(m.summary) } : {}),
    ...(cleanText(m.section) ? { section: cleanText(m.section) } : {}),
    authors: m.authors.map((author) => cleanText(author.name)).filter(Boolean),
    ...(published
      ? {
          published: {
            dateTime: published.dateTime,
            date: published.date,
            epochMs: published.epochMs,
          },
        }
      : {}),
    language: languageOf(article),
    dir: dirOf(article),
  }
}
