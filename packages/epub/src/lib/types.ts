import type { articleMessage } from '@pressroom/article'
import type { Labels } from '@pressroom/toolkit'

/** A message in the vfile convention, as created by `articleMessage`. */
export type EpubMessage = ReturnType<typeof articleMessage>

/**
 * The UI strings the EPUB writer adds around the article (not the article's own
 * text): the keys of the shared label table (`Labels` of `@pressroom/toolkit`)
 * that the book uses. `contents` and `landmarks` head the navigation; `cover`,
 * `titlePage`, `startOfText` name the landmarks; `aboutTheAuthor(s)` heads the
 * author box; `by`, `published`, `updated` go on the title page; `correction`
 * and `corrections` label the corrections notice; `coverImage` introduces the
 * hero's caption on the title page; `collection` and `articleCount`
 * (`{count}`) title a collection; `notes`, `backToText` and `image` are passed
 * to `@pressroom/html` for the notes and image placeholders of the text.
 */
export type EpubLabels = Pick<
  Labels,
  | 'contents'
  | 'landmarks'
  | 'cover'
  | 'titlePage'
  | 'startOfText'
  | 'aboutTheAuthor'
  | 'aboutTheAuthors'
  | 'by'
  | 'published'
  | 'updated'
  | 'correction'
  | 'corrections'
  | 'coverImage'
  | 'collection'
  | 'articleCount'
  | 'notes'
  | 'backToText'
  | 'image'
>

/** What goes on the cover. */
export type CoverMode = 'auto' | 'generated' | 'none'

/** Pixel size of the generated cover (JPEG). */
export interface CoverSize {
  width: number
  height: number
}

export interface EpubOptions {
  /**
   * Title of a collection (several articles). Ignored for a single article,
   * whose title is its headline. Default: `labels.collection` ("Digest").
   */
  title?: string
  /**
   * `dc:identifier` of the book. Default: the article's `meta.id`; for a
   * collection, a `urn:uuid:` derived from the SHA-256 of the members' ids.
   */
  identifier?: string
  /**
   * Language of a collection (BCP 47): give the publication's (the CLI passes
   * `language` from `pressroom.yaml`). Default: the language most of the articles
   * are in (a tie: the tag first alphabetically); never the first article's as such. Each chapter keeps its
   * article's own language and direction. A single article always uses its own.
   */
  language?: string
  /**
   * Direction of a collection (its title page, contents, page progression).
   * Default: from `language` (`rtl` for Arabic, Persian, Hebrew, Urdu ... and
   * the Arab/Hebr scripts), else `ltr`. Ignored for a single article.
   */
  dir?: 'ltr' | 'rtl'
  /** Publisher of a collection. Default: the publisher all the articles name, if they agree. */
  publisher?: string
  /**
   * Cover: `auto` generates a raster cover (JPEG) in the publication's design
   * (kicker, headline, byline, publisher) with the article's hero photograph
   * cropped into its top when there is one; `generated` is the same without the
   * photograph; `none` leaves the cover out. A collection's cover has no
   * photograph. Default `auto`.
   */
  cover?: CoverMode
  /**
   * Pixel size of the generated cover, portrait. Each side an integer from 100
   * to 10000 (otherwise the default is used). Default `{ width: 1600, height: 2560 }`
   * (the stores ask for at least 1,400-1,600 px on the long side).
   */
  coverSize?: CoverSize
  /**
   * Where generated cover JPEGs are kept between calls (drawing one costs a
   * few hundred milliseconds). Looked up by a key that hashes everything the
   * picture depends on (its text, size, hero photograph's bytes and the
   * renderer's version), so a hit gives the very bytes a fresh render would.
   * The renderer reads and writes nothing else; a `Map` works, as does a
   * folder on disk. Default: none (every cover is drawn).
   */
  coverCache?: CoverCache
  /**
   * `dcterms:modified` for an article with no `updated`, `published` or
   * `embargo` date (ISO 8601 or a `Date`; whole seconds are kept). Default: none, so
   * such a book gets `1980-01-01T00:00:00Z` ("no date") and an `epub-undated` warning.
   */
  modified?: string | Date
  /** Replace the default stylesheet entirely. Default: the built-in stylesheet. */
  stylesheet?: string
  /** Extra CSS appended after the (default or given) stylesheet. Default: none. */
  css?: string
  /**
   * Embed the OFL fonts the PDF uses (Noto Serif; Noto Naskh Arabic when the
   * book has right-to-left text). Adds about 1 MB (compressed). Default `false`.
   */
  embedFonts?: boolean
  /**
   * Add an EPUB 2 `toc.ncx` for old reading systems. EPUBCheck 4.2.6 then adds
   * two usage notes (HTM-010 on the NCX namespace, OPF-059). Default `false`.
   */
  ncx?: boolean
  /**
   * UI strings on top of the shared label table (`labelsFor` of
   * `@pressroom/toolkit`: 13 languages by primary subtag, else English).
   */
  labels?: Partial<EpubLabels>
  /** Receives every warning (image left out, link dropped, unknown node ...). Default: none. */
  report?: (message: EpubMessage) => void
}

/** A store of generated cover JPEGs (see `EpubOptions.coverCache`). Either method may be async. */
export interface CoverCache {
  get(key: string): Uint8Array | undefined | Promise<Uint8Array | undefined>
  set(key: string, bytes: Uint8Array): void | Promise<void>
}
