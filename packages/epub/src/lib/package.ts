/**
 * Package assembly, shared by the single-article book and the collection: the
 * table of contents, landmarks, package metadata, navigation document,
 * stylesheet, fonts, manifest, spine, the NCX on request, and the zip.
 * Each is built once here, from the `BookPlan` the two kinds of book return.
 */
import type { Article, ArticleDate } from '@pressroom/article'
import { cleanText, machineDate } from '@pressroom/toolkit'
import { drawCover } from './book-cover.js'
import { modifiedMs, toModified } from './dates.js'
import { embeddedFonts } from './fonts.js'
import { type Landmark, type NavItem, navContent } from './nav.js'
import { ncxDocument } from './ncx.js'
import { type ManifestItem, type PackageMetadata, packageDocument, type SpineItem } from './opf.js'
import { xhtmlPage } from './page.js'
import { authorNames, type BookDocument, languageOf, type State, warn } from './state.js'
import { defaultStylesheet, usedClasses } from './stylesheet.js'
import type { EpubLabels } from './types.js'
import { type BookFile, PressroomEpub } from './writer.js'

/** What a kind of book (single article, collection) decided; the rest is the package's. */
export interface BookPlan {
  /** A collection (even of one article), or a single article's book. */
  collection: boolean
  /** The articles, in reading order. */
  articles: readonly Article[]
  title: string
  /** The book's language and direction (package, navigation, page progression). */
  language: string
  dir: 'ltr' | 'rtl'
  /** UI strings in the book's language. */
  labels: EpubLabels
  /** Entries of the contents after the cover and the title page (the text, the author box). */
  contents: NavItem[]
  /** The first document of the text (the `bodymatter` landmark). */
  bodyStart: string
  /** Where the contents page goes in the spine; default last and non-linear. */
  navIndex?: number
  /** `dc:identifier` unless `options.identifier` is given. */
  identifier: string
  publisher?: string
  /** `dc:date`. */
  date?: ArticleDate
  description: string
  rights?: string
}

/** The table of contents: the cover (when there is one), the title page, then the text. */
function tableOfContents(state: State, plan: BookPlan): NavItem[] {
  const toc: NavItem[] = []
  if (state.cover) toc.push({ text: plan.labels.cover, href: 'cover.xhtml', children: [] })
  toc.push({ text: plan.labels.titlePage, href: 'title.xhtml', children: [] })
  toc.push(...plan.contents)
  return toc
}

function landmarksOf(state: State, plan: BookPlan): Landmark[] {
  const { labels } = plan
  const landmarks: Landmark[] = []
  if (state.cover) landmarks.push({ type: 'cover', href: 'cover.xhtml', text: labels.cover })
  landmarks.push(
    { type: 'titlepage', href: 'title.xhtml', text: labels.titlePage },
    { type: 'toc', href: 'nav.xhtml#toc', text: labels.contents },
    { type: 'bodymatter', href: plan.bodyStart, text: labels.startOfText },
  )
  return landmarks
}

/** `dc:subject`: every section and tag, once, in order. */
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

/** The package metadata of the book; the accessibility facts are filled in once the book is complete. */
function packageMetadata(state: State, plan: BookPlan): PackageMetadata {
  const { articles } = plan
  const languages = [plan.language]
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
      plan.collection
        ? `no article of the collection has a date: \`dcterms:modified\` is ${toModified(modified)}, which means "no date"; give the articles \`published:\` dates, or pass \`modified\``
        : `no date: \`dcterms:modified\` is ${toModified(modified)}, which means "no date"; add \`published:\` (or \`updated:\`) to the frontmatter`,
      'epub-undated',
    )
  return {
    identifier: cleanText(state.options.identifier) || plan.identifier,
    title: plan.title,
    languages,
    dir: plan.dir,
    creators,
    publisher: plan.publisher || undefined,
    date: plan.date ? machineDate(plan.date) : undefined,
    modified: toModified(modified),
    description: plan.description,
    subjects: subjects(articles),
    rights: plan.rights,
    accessibility: { visual: false, alternativeText: true },
  }
}

/** Put the book together: navigation, metadata, the cover's JPEG, stylesheet, fonts, the zip. */
export async function assembleBook(state: State, plan: BookPlan): Promise<Uint8Array> {
  const { options } = state
  const toc = tableOfContents(state, plan)
  const landmarks = landmarksOf(state, plan)
  const metadata = packageMetadata(state, plan)
  await drawCover(state)
  if (state.coverImageId) metadata.cover = state.coverImageId
  metadata.accessibility = {
    visual: state.images.images.length > 0 || state.resources.length > 0,
    alternativeText: state.alternativeText,
  }

  const nav: BookDocument = {
    id: 'nav',
    href: 'nav.xhtml',
    properties: 'nav',
    // A single article opens on its cover; its contents page is reachable from
    // the reading system's menu and stays out of the linear reading order.
    linear: plan.navIndex !== undefined,
    xhtml: xhtmlPage({
      title: plan.labels.contents,
      language: plan.language,
      dir: plan.dir,
      content: navContent(toc, landmarks, plan.labels),
    }),
  }
  const documents = [...state.documents]
  documents.splice(plan.navIndex ?? documents.length, 0, nav)

  let css =
    options.stylesheet ??
    defaultStylesheet(usedClasses(documents.map((document) => document.xhtml)))
  const fonts = options.embedFonts
    ? embeddedFonts({ arabic: state.rtl, rtlFirst: plan.dir === 'rtl' })
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
            data: ncxDocument(metadata.identifier, metadata.title, plan.language, toc),
            compress: true,
          },
        ]
      : []),
    ...state.resources.map((resource) => ({
      path: resource.href,
      data: resource.data,
      // Deflated too: the generated cover's flat design leaves its JPEG ~40 % to gain (3 ms natively).
      compress: true,
    })),
    ...state.images.images.map((image) => ({
      path: image.href,
      data: image.bytes,
      compress: false,
    })),
    ...(fonts?.fonts ?? []).map((font) => ({ path: font.href, data: font.bytes, compress: true })),
  ]

  const modifiedAt = Date.parse(metadata.modified)
  // DOS zip dates cover 1980-2107 only.
  const zipMs = Math.min(Math.max(modifiedAt, Date.UTC(1980, 0, 1)), Date.UTC(2099, 11, 31))
  return new PressroomEpub({
    title: metadata.title,
    language: plan.language,
    files,
    date: new Date(zipMs),
  }).toBytes()
}
