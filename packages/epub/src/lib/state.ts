/**
 * What one rendering collects, and the per-article helpers both kinds of book
 * (a single article, a collection) use: messages, language, names, images,
 * the text from `@pressroom/html`.
 */
import type { Article, ArticleImage } from '@pressroom/article'
import { articleMessage, canonicalLanguage } from '@pressroom/article'
import { toXhtml, type XhtmlResult } from '@pressroom/html'
import { cleanText, labelsFor, messageKey } from '@pressroom/toolkit'
import { type CoverText, canComposePicture } from './cover-key.js'
import { ImageRegistry, whyNotEmbedded } from './images.js'
import type { ManifestItem } from './opf.js'
import type { EpubLabels, EpubOptions } from './types.js'

export const SOURCE = 'pressroom-epub'

/** A BCP 47 tag, by the reader's rule (`canonicalLanguage` of `@pressroom/article`). */
export function isLanguageTag(value: string | undefined): value is string {
  return Boolean(value) && canonicalLanguage(value as string) !== undefined
}

/** A content document of the book, in spine order. */
export interface BookDocument {
  id: string
  href: string
  xhtml: string
  linear: boolean
  properties?: string
}

/** Everything one rendering collects. */
export interface State {
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

export function createState(options: EpubOptions): State {
  return {
    options,
    images: new ImageRegistry(),
    documents: [],
    resources: [],
    alternativeText: true,
    rtl: false,
    reported: new Set(),
  }
}

/** Report a problem once (the toolkit's identity of a message: file, place, rule, reason). */
export function warn(
  state: State,
  article: Article,
  reason: string,
  ruleId: string,
  place?: unknown,
): void {
  const report = state.options.report
  if (!report) return
  const message = articleMessage(article, reason, {
    ruleId,
    source: SOURCE,
    place: place as Parameters<typeof articleMessage>[2]['place'],
  })
  const key = messageKey(message)
  if (state.reported.has(key)) return
  state.reported.add(key)
  report(message)
}

/** The UI strings for a language: the shared table with the caller's overrides on top. */
export function labelsOf(state: State, language: string): EpubLabels {
  return labelsFor(language, state.options.labels)
}

/** The article's language for `xml:lang`, or `und` (reported) when it is not a BCP 47 tag. */
export function languageOf(article: Article, state: State): string {
  const language = article.meta.language
  if (isLanguageTag(language)) return language
  warn(
    state,
    article,
    `language \`${language}\` is not a BCP 47 tag; using \`und\``,
    'epub-language',
  )
  return 'und'
}

/** The direction the reader decided for the article. */
export function dirOf(article: Article): 'ltr' | 'rtl' {
  return article.derived.dir === 'rtl' ? 'rtl' : 'ltr'
}

export function authorNames(article: Article): string[] {
  return article.meta.authors.map((author) => cleanText(author.name)).filter(Boolean)
}

export function headline(article: Article): string {
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

/** The article's text from `@pressroom/html` (EPUB flavour), headings starting at h2. */
export function body(
  state: State,
  article: Article,
  language: string,
  labels: EpubLabels,
  idPrefix: string,
): XhtmlResult {
  if (!bodyAltComplete(article)) state.alternativeText = false
  return toXhtml(article, {
    flavor: 'epub',
    idPrefix,
    imageSrc: imageSource(state, article),
    containerLanguage: language,
    // Body headings start at h2 under the headline's h1, as the reader decided.
    headingOffset: article.derived.headingOffset ?? 0,
    labels: { notes: labels.notes, backToText: labels.backToText, image: labels.image },
    report: state.options.report,
  })
}

/** The hero image, embedded in the book (a collection's chapter shows it), when it can be. */
export function heroImage(state: State, article: Article) {
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
  return { href: added.href, alt, caption: cleanText(hero.caption), credit: cleanText(hero.credit) }
}

/** The hero image's bytes for the cover, when it is one sharp can compose in. */
export function heroPicture(state: State, article: Article) {
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
