import type { Article, ArticleImage, Author } from '@pressroom/article'
import { articleMessage } from '@pressroom/article'
import { phrasingToXhtml, toXhtml } from '@pressroom/html'
import {
  type CoverText,
  canComposePicture,
  coverJpeg,
  coverKey,
  DEFAULT_COVER_SIZE,
} from './cover.js'
import { formatDate, modifiedMs, toDcDate, toModified } from './dates.js'
import { embeddedFonts } from './fonts.js'
import { collectionIdentifier } from './identifier.js'
import { ImageRegistry, whyNotEmbedded } from './images.js'
import { labelsFor } from './labels.js'
import { type Landmark, type NavItem, navContent, nestHeadings } from './nav.js'
import { ncxDocument } from './ncx.js'
import { type ManifestItem, type PackageMetadata, packageDocument, type SpineItem } from './opf.js'
import { xhtmlPage } from './page.js'
import { defaultStylesheet, usedClasses } from './stylesheet.js'
import type { CoverSize, EpubLabels, EpubOptions } from './types.js'
import { type BookFile, PressroomEpub } from './writer.js'
import { cleanText, escapeXml, isSafeHref } from './xml.js'

const SOURCE = 'pressroom-epub'
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/

/** A content document of the book, in spine order. */
interface BookDocument {
  id: string
  href: string
  xhtml: string
  linear: boolean
  properties?: string
}

/** Everything one rendering collects. */
interface State {
  options: EpubOptions
  images: ImageRegistry
  documents: BookDocument[]
  /** Extra manifest items (the generated cover). */
  resources: Array<ManifestItem & { data: string | Uint8Array }>
  /** The generated cover, drawn once the book is put together. */
  cover?: { text: CoverText; picture?: { bytes: Uint8Array; src: string }; article?: Article }
  coverImageId?: string
  /** False once an image of the book lacks a text alternative. */
  alternativeText: boolean
  /** Books with right-to-left text get the Arabic-script font when fonts are embedded. */
  rtl: boolean
  reported: Set<string>
}

function warn(
  state: State,
  article: Article,
  reason: string,
  ruleId: string,
  place?: unknown,
): void {
  const report = state.options.report
  if (!report) return
  const key = `${article.path ?? ''}\u0000${ruleId}\u0000${reason}`
  if (state.reported.has(key)) return
  state.reported.add(key)
  report(
    articleMessage(article, reason, {
      ruleId,
      source: SOURCE,
      place: place as Parameters<typeof articleMessage>[2]['place'],
    }),
  )
}

function languageOf(article: Article, state: State): string {
  const language = article.meta.language
  if (language && LANGUAGE_TAG.test(language)) return language
  warn(
    state,
    article,
    `language \`${language}\` is not a BCP 47 tag; using \`und\``,
    'epub-language',
  )
  return 'und'
}

function dirOf(article: Article): 'ltr' | 'rtl' {
  return article.derived.dir === 'rtl' ? 'rtl' : 'ltr'
}

function joinNames(names: string[], language: string): string {
  try {
    return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names)
  } catch {
    return names.join(', ')
  }
}

function authorNames(article: Article): string[] {
  return article.meta.authors.map((author) => cleanText(author.name)).filter(Boolean)
}

function headline(article: Article): string {
  return cleanText(article.meta.title) || 'Untitled'
}

function findImage(article: Article, src: string): ArticleImage | undefined {
  return article.images.find((image) => image.src === src)
}

/** Every image node of the body has a non-empty `alt`. */
function bodyAltComplete(article: Article): boolean {
  let complete = true
  const walk = (node: { type: string; alt?: string | null; children?: unknown[] }): void => {
    if ((node.type === 'image' || node.type === 'imageReference') && !cleanText(node.alt ?? ''))
      complete = false
    if (node.children) for (const child of node.children) walk(child as typeof node)
  }
  walk(article.tree as unknown as { type: string; children?: unknown[] })
  return complete
}

/** The `imageSrc` option for `@pressroom/html`: embed what EPUB readers can show, report the rest. */
function imageSource(state: State, article: Article) {
  return (image: ArticleImage): string | undefined => {
    const added = state.images.add(image)
    if (!added) {
      const why = whyNotEmbedded(image)
      if (image.status === 'ok')
        warn(
          state,
          article,
          `image \`${image.src}\` left out: ${why}; a placeholder is shown`,
          'epub-image-not-embedded',
        )
    }
    return added?.href
  }
}

function body(state: State, article: Article, language: string, idPrefix: string) {
  let minDepth = 6
  const visit = (node: { type: string; depth?: number; children?: unknown[] }): void => {
    if (node.type === 'heading' && typeof node.depth === 'number')
      minDepth = Math.min(minDepth, node.depth)
    if (node.children) for (const child of node.children) visit(child as typeof node)
  }
  visit(article.tree as unknown as { type: string; children?: unknown[] })
  if (!bodyAltComplete(article)) state.alternativeText = false
  return toXhtml(article, {
    flavor: 'epub',
    idPrefix,
    imageSrc: imageSource(state, article),
    containerLanguage: language,
    // Body headings start at h2: the headline is the h1.
    headingOffset: Math.max(0, 2 - minDepth),
    report: state.options.report,
  })
}

/* ---------------------------------------------------------------- pieces */

function dateline(article: Article, language: string, labels: EpubLabels): string {
  const { published, updated } = article.meta
  const parts: string[] = []
  if (published) {
    parts.push(
      `${escapeXml(labels.published)} <time datetime="${escapeXml(published.date)}">${escapeXml(formatDate(published, language))}</time>`,
    )
  }
  if (updated && updated.date !== published?.date) {
    parts.push(
      `${escapeXml(labels.updated)} <time datetime="${escapeXml(updated.date)}">${escapeXml(formatDate(updated, language))}</time>`,
    )
  }
  return parts.length > 0 ? `<p class="dateline">${parts.join(' · ')}</p>\n` : ''
}

/** Section, headline, subtitle, byline, date: the top of a title page or a chapter. */
function masthead(article: Article, language: string, labels: EpubLabels, titleId: string): string {
  const { meta } = article
  let out = ''
  const section = cleanText(meta.section)
  if (section) out += `<p class="kicker">${escapeXml(section)}</p>\n`
  out += `<h1 class="headline" id="${titleId}">${escapeXml(headline(article))}</h1>\n`
  const subtitle = cleanText(meta.subtitle)
  if (subtitle) out += `<p class="subtitle" role="doc-subtitle">${escapeXml(subtitle)}</p>\n`
  const names = authorNames(article)
  if (names.length > 0)
    out += `<p class="byline">${escapeXml(labels.by)} ${escapeXml(joinNames(names, language))}</p>\n`
  out += dateline(article, language, labels)
  return out
}

function authorLinks(state: State, article: Article, author: Author): string {
  const items: string[] = []
  for (const link of author.links) {
    if (!isSafeHref(link.href)) {
      warn(
        state,
        article,
        `link \`${link.href}\` of ${author.name} dropped: only http, https and mailto are kept`,
        'epub-unsafe-link',
      )
      continue
    }
    const label = cleanText(link.label) || cleanText(link.href)
    items.push(`<li><a href="${escapeXml(link.href.trim())}">${escapeXml(label)}</a></li>`)
  }
  return items.length > 0 ? `<ul class="author-links">${items.join('')}</ul>\n` : ''
}

/** The article's dated correction notices (`Correction (20 January 2024): …`), as the syndication HTML prints them. */
function correctionsNotice(article: Article, language: string, labels: EpubLabels): string {
  const corrections = article.meta.corrections ?? []
  if (corrections.length === 0) return ''
  const items = corrections.map(
    (correction) =>
      `<p class="correction"><strong>${escapeXml(labels.correction)}</strong> (<time datetime="${escapeXml(toDcDate(correction.date))}">${escapeXml(formatDate(correction.date, language))}</time>): ${escapeXml(cleanText(correction.text))}</p>`,
  )
  return `<aside class="corrections" aria-label="${escapeXml(labels.corrections)}">\n${items.join('\n')}\n</aside>\n`
}

/** "About the author" (bios and links), then the corrections, the disclaimer and rights. Empty when there is nothing to say. */
function backMatter(
  state: State,
  article: Article,
  language: string,
  labels: EpubLabels,
  idPrefix: string,
): { xhtml: string; aboutId?: string; aboutTitle?: string } {
  let authors = ''
  const withSomething = article.meta.authors.filter(
    (author) => cleanText(author.name) && (author.bio || author.links.length > 0),
  )
  withSomething.forEach((author, index) => {
    authors += `<section aria-labelledby="${idPrefix}author-${index + 1}">\n<h3 id="${idPrefix}author-${index + 1}">${escapeXml(cleanText(author.name))}</h3>\n`
    if (author.bio && author.bio.children.length > 0) {
      const bio = phrasingToXhtml(article, author.bio.children, {
        flavor: 'epub',
        idPrefix: `${idPrefix}bio-${index + 1}-`,
        containerLanguage: language,
        report: state.options.report,
      })
      authors += `<p>${bio}</p>\n`
    }
    authors += authorLinks(state, article, author)
    authors += '</section>\n'
  })
  let out = ''
  let aboutId: string | undefined
  let aboutTitle: string | undefined
  if (authors) {
    aboutId = `${idPrefix}about`
    aboutTitle = withSomething.length > 1 ? labels.aboutTheAuthors : labels.aboutTheAuthor
    out += `<section class="bio" aria-labelledby="${aboutId}">\n<h2 id="${aboutId}">${escapeXml(aboutTitle)}</h2>\n${authors}</section>\n`
  }
  out += correctionsNotice(article, language, labels)
  const disclaimer = cleanText(article.meta.disclaimer)
  const rights = cleanText(article.meta.rights)
  if (disclaimer) out += `<p class="endnote">${escapeXml(disclaimer)}</p>\n`
  if (rights) out += `<p class="endnote">${escapeXml(rights)}</p>\n`
  return { xhtml: out, aboutId, aboutTitle }
}

/** The hero image, when it can be embedded. */
function heroImage(state: State, article: Article) {
  const hero = article.meta.image
  if (!hero) return undefined
  const image = findImage(article, hero.src)
  const added = image ? state.images.add(image) : undefined
  if (!added) {
    const why = image ? whyNotEmbedded(image) : 'not among the article images'
    warn(state, article, `hero image \`${hero.src}\` left out: ${why}`, 'epub-hero-not-embedded')
    return undefined
  }
  const alt = cleanText(hero.alt)
  if (!alt) state.alternativeText = false
  return { image: added, alt, caption: cleanText(hero.caption), credit: cleanText(hero.credit) }
}

/** The hero image's bytes for the cover, when it is one sharp can compose in. */
function heroPicture(state: State, article: Article) {
  const hero = article.meta.image
  if (!hero) return undefined
  const image = findImage(article, hero.src)
  const why = !image
    ? 'not among the article images'
    : image.status !== 'ok' || !image.bytes
      ? `image is ${image.status}`
      : !canComposePicture(image.mediaType)
        ? `media type ${image.mediaType ?? 'unknown'} is not put on the cover (only JPEG, PNG, WebP, GIF and AVIF)`
        : undefined
  if (why || !image?.bytes) {
    warn(
      state,
      article,
      `hero image \`${hero.src}\` left off the cover: ${why}`,
      'epub-hero-not-embedded',
    )
    return undefined
  }
  return {
    bytes: image.bytes,
    src: hero.src,
    alt: cleanText(hero.alt),
    caption: cleanText(hero.caption),
    credit: cleanText(hero.credit),
  }
}

function coverDocument(
  state: State,
  src: string,
  alt: string,
  language: string,
  dir: 'ltr' | 'rtl',
  labels: EpubLabels,
): void {
  state.documents.push({
    id: 'cover',
    href: 'cover.xhtml',
    linear: true,
    xhtml: xhtmlPage({
      title: labels.cover,
      language,
      dir,
      content: `<section epub:type="cover" aria-label="${escapeXml(labels.cover)}">\n<img src="${escapeXml(src)}" alt="${escapeXml(alt)}" role="doc-cover"/>\n</section>`,
    }),
  })
}

const COVER_HREF = 'images/cover.jpg'

/** The generated cover's page; the JPEG itself is drawn at the end (`drawCover`). */
function generatedCover(
  state: State,
  text: { kicker?: string; headline: string; byline?: string; footer?: string },
  language: string,
  dir: 'ltr' | 'rtl',
  labels: EpubLabels,
  picture?: { bytes: Uint8Array; src: string; alt: string; article: Article },
): void {
  state.cover = {
    text: { ...text, language, dir },
    picture: picture ? { bytes: picture.bytes, src: picture.src } : undefined,
    article: picture?.article,
  }
  state.coverImageId = 'cover-image'
  const alt = [text.headline, text.byline, text.footer, picture?.alt].filter(Boolean).join(' — ')
  coverDocument(state, COVER_HREF, `${labels.cover}: ${alt}`, language, dir, labels)
}

/** Draw the cover JPEG; a hero image sharp cannot decode is reported and left off. */
async function drawCover(state: State): Promise<void> {
  const cover = state.cover
  if (!cover) return
  const size = coverSize(state.options.coverSize)
  const cache = state.options.coverCache
  const inputs = { size, picture: cover.picture?.bytes }
  const key = cache ? coverKey(cover.text, inputs) : undefined
  let data: Uint8Array | undefined = key ? await cache?.get(key) : undefined
  if (data) {
    addCover(state, data)
    return
  }
  try {
    data = await coverJpeg(cover.text, inputs)
    if (key) await cache?.set(key, data)
  } catch (error) {
    if (!cover.picture || !cover.article) throw error
    warn(
      state,
      cover.article,
      `hero image \`${cover.picture.src}\` left off the cover: it cannot be decoded (${(error as Error).message})`,
      'epub-hero-not-embedded',
    )
    data = await coverJpeg(cover.text, { size })
  }
  addCover(state, data)
}

function addCover(state: State, data: Uint8Array): void {
  state.resources.push({
    id: 'cover-image',
    href: COVER_HREF,
    mediaType: 'image/jpeg',
    properties: 'cover-image',
    data,
  })
}

/** The cover size asked for, or the default when it is not a sensible portrait size. */
function coverSize(size: CoverSize | undefined): CoverSize {
  if (!size) return DEFAULT_COVER_SIZE
  const ok = (value: number) => Number.isInteger(value) && value >= 100 && value <= 10000
  return ok(size.width) && ok(size.height) ? size : DEFAULT_COVER_SIZE
}

/* ---------------------------------------------------------------- books */

interface BuiltBook {
  toc: NavItem[]
  landmarks: Landmark[]
  metadata: PackageMetadata
  /** Where the contents page goes in the spine (default: last, non-linear). */
  navIndex?: number
}

function singleBook(state: State, article: Article): BuiltBook {
  const { meta } = article
  const language = languageOf(article, state)
  const dir = dirOf(article)
  if (dir === 'rtl') state.rtl = true
  const labels = labelsFor(language, state.options.labels)
  const title = headline(article)
  const names = authorNames(article)
  const mode = state.options.cover ?? 'auto'

  // Cover: the publication's design, with the hero photograph composed in (mode `auto`).
  const hero = mode === 'auto' ? heroPicture(state, article) : undefined
  if (mode !== 'none') {
    generatedCover(
      state,
      {
        kicker: cleanText(meta.section) || undefined,
        headline: title,
        byline: names.length > 0 ? `${labels.by} ${joinNames(names, language)}` : undefined,
        footer: cleanText(meta.publisher?.name) || undefined,
      },
      language,
      dir,
      labels,
      hero ? { ...hero, article } : undefined,
    )
  }

  // Title page.
  let titlePage = `<section epub:type="titlepage" aria-labelledby="title">\n${masthead(article, language, labels, 'title')}`
  const publisher = cleanText(meta.publisher?.name)
  if (publisher) titlePage += `<p class="publisher">${escapeXml(publisher)}</p>\n`
  if (hero && (hero.caption || hero.credit)) {
    const credit = [hero.caption, hero.credit].filter(Boolean).join(' ')
    titlePage += `<p class="credit">${escapeXml(labels.coverImage)}: ${escapeXml(credit)}</p>\n`
  }
  titlePage += '</section>'
  state.documents.push({
    id: 'title-page',
    href: 'title.xhtml',
    linear: true,
    xhtml: xhtmlPage({ title, language, dir, content: titlePage }),
  })

  // The text.
  const text = body(state, article, language, '')
  state.documents.push({
    id: 'text',
    href: 'text.xhtml',
    linear: true,
    xhtml: xhtmlPage({
      title,
      language,
      dir,
      bodyAttributes: ' epub:type="bodymatter"',
      content: `<section epub:type="chapter" role="doc-chapter" aria-label="${escapeXml(title)}">\n${text.xhtml}\n</section>`,
    }),
  })

  // About the author, disclaimer, rights.
  const back = backMatter(state, article, language, labels, '')
  if (back.xhtml) {
    state.documents.push({
      id: 'about',
      href: 'about.xhtml',
      linear: true,
      xhtml: xhtmlPage({
        title: back.aboutTitle ?? title,
        language,
        dir,
        bodyAttributes: ' epub:type="backmatter"',
        content: back.xhtml,
      }),
    })
  }

  const toc: NavItem[] = []
  if (mode !== 'none') toc.push({ text: labels.cover, href: 'cover.xhtml', children: [] })
  toc.push(
    { text: labels.titlePage, href: 'title.xhtml', children: [] },
    { text: title, href: 'text.xhtml', children: nestHeadings(text.headings, 'text.xhtml') },
  )
  if (back.aboutId && back.aboutTitle)
    toc.push({ text: back.aboutTitle, href: `about.xhtml#${back.aboutId}`, children: [] })
  const landmarks: Landmark[] = []
  if (mode !== 'none') landmarks.push({ type: 'cover', href: 'cover.xhtml', text: labels.cover })
  landmarks.push(
    { type: 'titlepage', href: 'title.xhtml', text: labels.titlePage },
    { type: 'toc', href: 'nav.xhtml#toc', text: labels.contents },
    { type: 'bodymatter', href: 'text.xhtml', text: labels.startOfText },
  )

  const modified = modifiedMs(article, state.options.modified)
  if (modified.undated)
    warn(
      state,
      article,
      `no date: \`dcterms:modified\` is ${toModified(modified.ms)}, which means "no date"; add \`published:\` (or \`updated:\`) to the frontmatter`,
      'epub-undated',
    )
  const metadata: PackageMetadata = {
    identifier:
      cleanText(state.options.identifier) ||
      cleanText(meta.id) ||
      cleanText(article.derived.id) ||
      `urn:pressroom:${article.sourceHash}`,
    title,
    languages: [language],
    dir,
    creators: names,
    publisher: publisher || undefined,
    date: meta.published ? toDcDate(meta.published) : undefined,
    modified: toModified(modified.ms),
    description: describe(article),
    subjects: subjects([article]),
    rights: cleanText(meta.rights) || undefined,
    accessibility: { visual: false, alternativeText: true },
  }
  return { toc, landmarks, metadata }
}

function collectionBook(state: State, articles: Article[]): BuiltBook {
  const language = collectionLanguage(state, articles)
  const labels = labelsFor(language, state.options.labels)
  const dir = state.options.dir ?? directionOf(language)
  if (dir === 'rtl') state.rtl = true
  const title = cleanText(state.options.title) || labels.collection
  const publisher = cleanText(state.options.publisher) || sharedPublisher(articles)
  const count = labels.articleCount.replace('{count}', String(articles.length))
  const dates = articles
    .map((article) => article.meta.published)
    .filter((date) => date !== undefined)
  const latest = dates.reduce<(typeof dates)[number] | undefined>(
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

  let titlePage = `<section epub:type="titlepage" aria-labelledby="title">\n<h1 class="headline" id="title">${escapeXml(title)}</h1>\n<p class="byline">${escapeXml(count)}</p>\n`
  if (latest)
    titlePage += `<p class="dateline"><time datetime="${escapeXml(latest.date)}">${escapeXml(formatDate(latest, language))}</time></p>\n`
  if (publisher) titlePage += `<p class="publisher">${escapeXml(publisher)}</p>\n`
  titlePage += '</section>'
  state.documents.push({
    id: 'title-page',
    href: 'title.xhtml',
    linear: true,
    xhtml: xhtmlPage({ title, language, dir, content: titlePage }),
  })
  // The contents come right after the title page in a collection: it is the way in.
  const navIndex = state.documents.length

  const toc: NavItem[] = []
  if ((state.options.cover ?? 'auto') !== 'none')
    toc.push({ text: labels.cover, href: 'cover.xhtml', children: [] })
  toc.push({ text: labels.titlePage, href: 'title.xhtml', children: [] })
  articles.forEach((article, index) => {
    const n = index + 1
    const href = `chapter-${String(n).padStart(3, '0')}.xhtml`
    const chapterLanguage = languageOf(article, state)
    const chapterDir = dirOf(article)
    if (chapterDir === 'rtl') state.rtl = true
    const chapterLabels = labelsFor(chapterLanguage, state.options.labels)
    const prefix = `c${n}-`
    let content = `<section epub:type="chapter" role="doc-chapter" aria-labelledby="${prefix}title">\n<header class="chapter-header">\n${masthead(article, chapterLanguage, chapterLabels, `${prefix}title`)}</header>\n`
    const hero = heroImage(state, article)
    if (hero) {
      content += `<figure>\n<img src="${escapeXml(hero.image.href)}" alt="${escapeXml(hero.alt)}"/>\n`
      if (hero.caption || hero.credit) {
        content += `<figcaption>${escapeXml(hero.caption)}${hero.caption && hero.credit ? ' ' : ''}${hero.credit ? `<span class="credit">${escapeXml(hero.credit)}</span>` : ''}</figcaption>\n`
      }
      content += '</figure>\n'
    }
    const text = body(state, article, chapterLanguage, `a${n}-`)
    content += `${text.xhtml}\n`
    const back = backMatter(state, article, chapterLanguage, chapterLabels, prefix)
    content += `${back.xhtml}</section>`
    const chapterTitle = headline(article)
    state.documents.push({
      id: `chapter-${String(n).padStart(3, '0')}`,
      href,
      linear: true,
      xhtml: xhtmlPage({
        title: chapterTitle,
        language: chapterLanguage,
        dir: chapterDir,
        bodyAttributes: ' epub:type="bodymatter"',
        content,
      }),
    })
    const children = nestHeadings(text.headings, href)
    if (back.aboutId && back.aboutTitle)
      children.push({ text: back.aboutTitle, href: `${href}#${back.aboutId}`, children: [] })
    toc.push({ text: chapterTitle, href: `${href}#${prefix}title`, children })
  })

  const landmarks: Landmark[] = []
  if ((state.options.cover ?? 'auto') !== 'none')
    landmarks.push({ type: 'cover', href: 'cover.xhtml', text: labels.cover })
  landmarks.push(
    { type: 'titlepage', href: 'title.xhtml', text: labels.titlePage },
    { type: 'toc', href: 'nav.xhtml#toc', text: labels.contents },
    { type: 'bodymatter', href: 'chapter-001.xhtml', text: labels.startOfText },
  )

  const languages = [language]
  for (const article of articles) {
    const other = languageOf(article, state)
    if (!languages.includes(other)) languages.push(other)
  }
  const creators: string[] = []
  for (const article of articles)
    for (const name of authorNames(article)) if (!creators.includes(name)) creators.push(name)
  const dated = articles.map((article) => modifiedMs(article, state.options.modified))
  const modified = Math.max(...dated.map((value) => value.ms))
  if (dated.every((value) => value.undated))
    warn(
      state,
      articles[0] as Article,
      `no article of the collection has a date: \`dcterms:modified\` is ${toModified(modified)}, which means "no date"; give the articles \`published:\` dates, or pass \`modified\``,
      'epub-undated',
    )
  const headlines = articles.map(headline)
  const metadata: PackageMetadata = {
    identifier:
      cleanText(state.options.identifier) ||
      collectionIdentifier(articles.map((article) => article.meta.id || article.derived.id)),
    title,
    languages,
    dir,
    creators,
    publisher: publisher || undefined,
    date: latest ? toDcDate(latest) : undefined,
    modified: toModified(modified),
    description: `${title}: ${headlines.join(' · ')}`,
    subjects: subjects(articles),
    // One rights line only when every member has the same; each chapter carries its own anyway.
    rights: sharedRights(articles),
    accessibility: { visual: false, alternativeText: true },
  }
  return { toc, landmarks, metadata, navIndex }
}

/** Right-to-left languages (by language or script subtag), for a collection's direction. */
const RTL_LANGUAGE =
  /^(?:ar|fa|he|iw|ur|ps|sd|ug|yi|ckb|dv|syr|ku-Arab)(?:-|$)|-(?:Arab|Hebr|Thaa|Syrc|Nkoo|Adlm)(?:-|$)/i

function directionOf(language: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGE.test(language) ? 'rtl' : 'ltr'
}

/**
 * A collection's language: `options.language` (the publication's), else the
 * language most of its articles are in (a tie goes to the tag first in
 * alphabetical order). Never the first article's as such: one Arabic article
 * first in the list must not make an English digest Arabic.
 */
function collectionLanguage(state: State, articles: readonly Article[]): string {
  const requested = cleanText(state.options.language)
  if (requested && LANGUAGE_TAG.test(requested)) return requested
  const counts = new Map<string, number>()
  for (const article of articles) {
    const language = languageOf(article, state)
    counts.set(language, (counts.get(language) ?? 0) + 1)
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  return ranked[0]?.[0] ?? 'en'
}

/** The publisher every member names, if they agree. */
function sharedPublisher(articles: readonly Article[]): string {
  const all = new Set(articles.map((article) => cleanText(article.meta.publisher?.name)))
  const [only] = all
  return all.size === 1 && only ? only : ''
}

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

function sharedRights(articles: readonly Article[]): string | undefined {
  const all = new Set(articles.map((article) => cleanText(article.meta.rights)))
  const [only] = all
  return all.size === 1 && only ? only : undefined
}

function subjects(articles: readonly Article[]): string[] {
  const out: string[] = []
  for (const article of articles) {
    for (const subject of [article.meta.section, ...article.meta.tags]) {
      const clean = cleanText(subject)
      if (clean && !out.includes(clean)) out.push(clean)
    }
  }
  return out
}

/* ---------------------------------------------------------------- entry */

/**
 * Render one article, or several as a collection (one chapter each), to an
 * EPUB 3 file. Never reads the file system, the network or the clock: images
 * come from `article.images`, dates from the metadata. Problems are passed to
 * `options.report`, never thrown.
 */
export async function renderEpub(
  input: Article | readonly Article[],
  options: EpubOptions = {},
): Promise<Uint8Array> {
  const collection = Array.isArray(input)
  const articles: Article[] = collection ? [...(input as readonly Article[])] : [input as Article]
  if (articles.length === 0)
    throw new TypeError('renderEpub: expected an article or a non-empty array of articles')

  const state: State = {
    options,
    images: new ImageRegistry(),
    documents: [],
    resources: [],
    alternativeText: true,
    rtl: false,
    reported: new Set(),
  }
  const built = collection
    ? collectionBook(state, articles)
    : singleBook(state, articles[0] as Article)
  const { toc, landmarks, metadata, navIndex } = built
  await drawCover(state)
  if (state.coverImageId) metadata.cover = state.coverImageId
  metadata.accessibility = {
    visual: state.images.images.length > 0 || state.resources.length > 0,
    alternativeText: state.alternativeText,
  }

  const labels = labelsFor(metadata.languages[0] ?? 'en', options.labels)
  const nav: BookDocument = {
    id: 'nav',
    href: 'nav.xhtml',
    properties: 'nav',
    // A single article opens on its cover; its contents page is reachable from
    // the reading system's menu and stays out of the linear reading order.
    linear: navIndex !== undefined,
    xhtml: xhtmlPage({
      title: labels.contents,
      language: metadata.languages[0] ?? 'en',
      dir: metadata.dir,
      content: navContent(toc, landmarks, labels),
    }),
  }
  const documents = [...state.documents]
  documents.splice(navIndex ?? documents.length, 0, nav)

  let css =
    options.stylesheet ??
    defaultStylesheet(usedClasses(documents.map((document) => document.xhtml)))
  const fonts = options.embedFonts
    ? embeddedFonts({ arabic: state.rtl, rtlFirst: metadata.dir === 'rtl' })
    : undefined
  if (fonts) css += fonts.css
  if (options.css) css += `${options.css}\n`

  const manifest: ManifestItem[] = [
    ...documents.map((document) => ({
      id: document.id,
      href: document.href,
      mediaType: 'application/xhtml+xml',
      properties: document.properties,
    })),
    { id: 'css', href: 'style.css', mediaType: 'text/css' },
    ...(options.ncx ? [{ id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' }] : []),
    ...state.resources.map(({ id, href, mediaType, properties }) => ({
      id,
      href,
      mediaType,
      properties,
    })),
    ...state.images.images.map((image) => ({
      id: image.id,
      href: image.href,
      mediaType: image.mediaType,
      properties: image.id === state.coverImageId ? 'cover-image' : undefined,
    })),
    ...(fonts?.fonts ?? []).map((font) => ({
      id: font.id,
      href: font.href,
      mediaType: font.mediaType,
    })),
  ]
  const spine: SpineItem[] = documents.map((document) => ({
    idref: document.id,
    linear: document.linear,
  }))

  const files: BookFile[] = [
    { path: 'content.opf', data: packageDocument(metadata, manifest, spine), compress: true },
    ...documents.map((document) => ({ path: document.href, data: document.xhtml, compress: true })),
    { path: 'style.css', data: css, compress: true },
    ...(options.ncx
      ? [
          {
            path: 'toc.ncx',
            data: ncxDocument(
              metadata.identifier,
              metadata.title,
              metadata.languages[0] ?? 'en',
              toc,
            ),
            compress: true,
          },
        ]
      : []),
    ...state.resources.map((resource) => ({
      path: resource.href,
      data: resource.data,
      compress: true,
    })),
    ...state.images.images.map((image) => ({
      path: image.href,
      data: image.bytes,
      compress: false,
    })),
    ...(fonts?.fonts ?? []).map((font) => ({ path: font.href, data: font.bytes, compress: true })),
  ]

  const modifiedMs = Date.parse(metadata.modified)
  // DOS zip dates cover 1980-2107 only.
  const zipMs = Math.min(Math.max(modifiedMs, Date.UTC(1980, 0, 1)), Date.UTC(2099, 11, 31))
  return new PressroomEpub({
    title: metadata.title,
    language: metadata.languages[0] ?? 'en',
    files,
    date: new Date(zipMs),
  }).toBytes()
}
