/**
 * The parsed article: the one contract between Pressroom's packages.
 *
 * Every renderer takes an `Article` (or several) and nothing else from the
 * reader. It is plain data (structured-clonable, so it crosses worker threads):
 * no class instances but the `VFileMessage`s in `messages`.
 */
import type {
  BlockContent,
  Definition,
  DefinitionContent,
  FootnoteDefinition,
  Image,
  Parent,
  PhrasingContent,
  Root,
} from 'mdast'
import type { VFileMessage } from 'vfile-message'

/** Text direction, derived from the language. */
export type Direction = 'ltr' | 'rtl'

/** IPTC / ninjs publication status. */
export type PubStatus = 'usable' | 'withheld' | 'canceled'

/**
 * A point in time as written in the frontmatter, normalised.
 *
 * `date: 2024-01-19` is date-only; `2024-01-19T10:30:00+03:00` is a date-time.
 * A date-only value is placed at midnight in the publication's time zone
 * (`timezone` in the publication config, default `Z`) to give `dateTime`.
 */
export interface ArticleDate {
  /** The value as written (normalised to ISO 8601), e.g. `2024-01-19` or `2024-01-19T10:30:00+03:00`. */
  value: string
  /** True when only a calendar date was given. */
  dateOnly: boolean
  /** The calendar date, `YYYY-MM-DD`, in the value's own offset. */
  date: string
  /** A full RFC 3339 date-time with an offset, e.g. `2024-01-19T00:00:00+03:00`. */
  dateTime: string
  /** Milliseconds since the epoch (UTC) of `dateTime`. */
  epochMs: number
}

/** A link to an author elsewhere (home page, social profile). */
export interface AuthorLink {
  /** What kind of link: `url` (home page), `twitter`, `mastodon`, `linkedin`, `instagram`, `facebook`, `bluesky`, `threads`, `github`, `email`. */
  rel: string
  /** Absolute URL (`mailto:` for email). */
  href: string
  /** Text a reader sees: `@UmarKarim89`, `example.com`. */
  label: string
}

export interface Author {
  name: string
  /** Short biography: inline Markdown parsed to mdast phrasing content. */
  bio?: { markdown: string; text: string; children: PhrasingContent[] }
  /** Home page. */
  url?: string
  /** Social handles as written, keyed by network (`twitter: UmarKarim89`). */
  social: Record<string, string>
  /** `url` and social handles as links, in a stable order. */
  links: AuthorLink[]
}

export interface Publisher {
  name: string
  url?: string
}

/** The hero image (frontmatter `image`). */
export interface HeroImage {
  /** As written in the frontmatter, relative to the article's folder. */
  src: string
  alt: string
  caption?: string
  credit?: string
}

/** Typed, validated metadata: frontmatter merged over the publication's defaults. */
export interface ArticleMeta {
  title: string
  subtitle?: string
  authors: Author[]
  published?: ArticleDate
  updated?: ArticleDate
  section?: string
  tags: string[]
  /** BCP 47 language tag, e.g. `en`, `en-GB`, `ar`, `ur-PK`. */
  language: string
  summary?: string
  canonicalUrl?: string
  shortUrl?: string
  /** A stable absolute URI identifying the article. */
  id: string
  slug: string
  publisher?: Publisher
  rights?: string
  disclaimer?: string
  status: PubStatus
  embargo?: ArticleDate
  image?: HeroImage
  /** Dated correction notices (frontmatter `corrections:`), as written (oldest first); absent when none. */
  corrections?: Correction[]
  /**
   * The short label above the title, decided once for every format: the `kicker` as written
   * ("Analysis", "Exclusive"), else the section. Writers print this, never the section, there.
   */
  kicker?: string
  /** When the article stops being current (`expires`, Hugo's `expirydate`). */
  expires?: ArticleDate
  /** `draft: true` in the frontmatter: not ready; a builder should skip it. */
  draft?: boolean
}

/** A correction notice: when the article was corrected and what changed. */
export interface Correction {
  /** The day (or moment) of the correction. */
  date: ArticleDate
  /** The notice, plain text with smart typography, e.g. `An earlier version misspelt the minister’s name.` */
  text: string
}

/** Why an image can (not) be embedded. */
export type ImageStatus = 'ok' | 'missing' | 'remote' | 'outside' | 'corrupt' | 'unsupported'

/**
 * An image the article refers to (hero image or in the body), resolved by the
 * reader inside the article's folder. Renderers never touch the file system:
 * they take the bytes from here.
 */
export interface ArticleImage {
  /** The `src` exactly as written: the key renderers look images up by. */
  src: string
  status: ImageStatus
  /** Path relative to the article's folder, `/`-separated (for `ok`, `missing`, `corrupt`). */
  path?: string
  /** Media type sniffed from the bytes (`image/png`, `image/jpeg`, `image/gif`, `image/webp`, `image/svg+xml`). */
  mediaType?: string
  /** File extension matching the media type, without the dot (`png`, `jpg`). */
  extension?: string
  width?: number
  height?: number
  /** The file's bytes (only when `status` is `ok`). */
  bytes?: Uint8Array
  /** Hex SHA-256 of the bytes (only when `status` is `ok`). */
  sha256?: string
  /**
   * The file as written, when the reader converted it so that every format can
   * carry it (WebP, GIF and SVG become PNG in `bytes`): its media type and, for a
   * sanitised SVG (no scripts, no external references), its bytes, for a
   * writer that can draw vectors.
   */
  original?: { mediaType: string; bytes?: Uint8Array }
}

/* ----- Pressroom's own mdast nodes (from directives and figures) ----- */

/** `:::pullquote` — a quote lifted from the text to set it apart. */
export interface PullQuote extends Parent {
  type: 'pullquote'
  children: Array<BlockContent | DefinitionContent>
  /** Who said it (`:::pullquote{cite="..."}`), if given. */
  attribution?: string
  /** Language, when it differs from the article's (`{lang=ar}`). */
  lang?: string
  dir?: Direction
}

/** `:::aside` — a sidebar or box beside the main text. */
export interface Aside extends Parent {
  type: 'aside'
  children: Array<BlockContent | DefinitionContent>
  /** Its title (`:::aside[Title]`), if given. */
  label?: string
  /** Language, when it differs from the article's (`{lang=ar}`). */
  lang?: string
  dir?: Direction
}

/** `:span[text]{lang=ar}` — a phrase in another language than the article's. */
export interface Span extends Parent {
  type: 'span'
  children: PhrasingContent[]
  /** BCP 47 language of the phrase. */
  lang: string
  /** Its direction, derived from `lang`. */
  dir: Direction
}

/**
 * `<sup>` in the source (raw HTML): text set above the line, with a meaning (an exponent in
 * `10<sup>3</sup>`, an ordinal); writers raise it (HTML `<sup>`, a smaller raised run in print).
 */
export interface Superscript extends Parent {
  type: 'superscript'
  children: PhrasingContent[]
}

/** `<sub>` in the source (raw HTML): text set below the line (`H<sub>2</sub>O`). */
export interface Subscript extends Parent {
  type: 'subscript'
  children: PhrasingContent[]
}

/** `<abbr title="...">` in the source (raw HTML): an abbreviation and, if given, its expansion. */
export interface Abbr extends Parent {
  type: 'abbr'
  children: PhrasingContent[]
  /** The expansion (`title`), if the author gave one. */
  title?: string
}

/**
 * `<dl>` in the source (raw HTML): terms and their descriptions (a glossary). Its children are
 * groups as written: one or more `descriptionTerm` followed by one or more `descriptionDetails`.
 */
export interface DescriptionList extends Parent {
  type: 'descriptionList'
  children: Array<DescriptionTerm | DescriptionDetails>
}

/** `<dt>`: a term of a description list. */
export interface DescriptionTerm extends Parent {
  type: 'descriptionTerm'
  children: PhrasingContent[]
}

/** `<dd>`: the description of the term(s) before it, blocks. */
export interface DescriptionDetails extends Parent {
  type: 'descriptionDetails'
  children: Array<BlockContent | DefinitionContent>
}

/** The caption of a figure. */
export interface FigureCaption extends Parent {
  type: 'figureCaption'
  children: PhrasingContent[]
}

/**
 * A figure: an image with alt text and a caption. Written as a paragraph that
 * holds only an image with a title (`![alt](src "Caption")`), or as
 * `:::figure{credit="..."}` holding the image and a caption paragraph.
 */
export interface Figure extends Parent {
  type: 'figure'
  children: [Image] | [Image, FigureCaption]
  credit?: string
}

declare module 'mdast' {
  interface HeadingData {
    /**
     * The heading's id, decided by the reader: `{#id}` where the author gave
     * one, else GitHub's slug of its text (unique in the article). In-page
     * links (`#id`) point at it.
     */
    id?: string
  }
  interface RootContentMap {
    pullquote: PullQuote
    aside: Aside
    figure: Figure
    figureCaption: FigureCaption
    span: Span
    superscript: Superscript
    subscript: Subscript
    abbr: Abbr
    descriptionList: DescriptionList
    descriptionTerm: DescriptionTerm
    descriptionDetails: DescriptionDetails
  }
  interface PhrasingContentMap {
    span: Span
    superscript: Superscript
    subscript: Subscript
    abbr: Abbr
  }
  interface BlockContentMap {
    pullquote: PullQuote
    aside: Aside
    figure: Figure
    descriptionList: DescriptionList
  }
}

/** Values derived from the body and metadata. */
export interface ArticleDerived {
  /** The body as plain text, blocks separated by blank lines (figure captions and footnotes excluded). */
  plainText: string
  /** Words in `plainText` (Unicode-aware; figure captions excluded). */
  wordCount: number
  /** Characters in `plainText`. */
  charCount: number
  /** Minutes to read at `wordsPerMinute` (default 230), at least 1. */
  readingTimeMinutes: number
  slug: string
  id: string
  dir: Direction
  /**
   * Levels to add to every body heading's depth so that the shallowest is level 2 under the
   * title's level 1 (`# A` in the body is then h2, `## B` under it h3; a body that starts at `##`
   * gets 0). Decided once: every format nests headings by it.
   */
  headingOffset: number
}

/**
 * A footnote as the reader resolved it, once for every writer: one per identifier, the first
 * definition in the source (a later one is reported, `duplicate-footnote`, and ignored).
 */
export interface ArticleFootnote {
  /** The normalised identifier that `footnoteReference.identifier` uses. */
  identifier: string
  /** The label as written (`[^Label]`). */
  label: string
  /** The definition used: the node in `tree` (writers render its children). */
  definition: FootnoteDefinition
  /** Whether the text (or another note) cites it; an uncited note is reported (`unused-footnote`). */
  referenced: boolean
}

/**
 * A link or image reference definition as the reader resolved it: one per identifier, the first
 * in the source (a later one is reported, `duplicate-definition`, and ignored); its `url` is
 * already resolved (site-relative links made absolute).
 */
export interface ArticleDefinition {
  /** The normalised identifier that `linkReference.identifier` and `imageReference.identifier` use. */
  identifier: string
  /** The label as written. */
  label: string
  /** The definition used: the node in `tree`. */
  definition: Definition
}

export interface Article {
  /** Path of the source file as given, if any. */
  path?: string
  /** Absolute folder the article lives in; images resolve inside it only. */
  dir?: string
  meta: ArticleMeta
  /** The body as mdast, frontmatter removed, positions relative to the whole source file. */
  tree: Root
  derived: ArticleDerived
  /**
   * The footnotes, in the order of their definitions; the first definition of an identifier
   * wins. Writers look references up here and never collect definitions themselves.
   */
  footnotes: ArticleFootnote[]
  /**
   * Link and image reference definitions, first of each identifier winning. Writers look
   * `linkReference`/`imageReference` nodes up here and never collect definitions themselves.
   */
  definitions: ArticleDefinition[]
  /** Every image the article refers to, hero first, in document order, one entry per distinct `src`. */
  images: ArticleImage[]
  /** SHA-256 of the source bytes (for caches). */
  sourceHash: string
  /** Every problem found, with `line:column` and a rule id; `fatal: true` are errors. */
  messages: VFileMessage[]
}
