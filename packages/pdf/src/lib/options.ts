import { type Labels, labelsFor } from '@pressroom/toolkit'
import type { VFileMessage } from 'vfile-message'
import type { Handler, InlineHandler } from './state.js'

/**
 * The labels the PDF prints (the toolkit's one table, in every language it ships): footer `page`,
 * `aboutTheAuthor`/`aboutTheAuthors`, `by`, `image` (an image's accessible name when it has no alt
 * text), `imageMissing`, `credit`, `published`, `updated`, `correction`, `embargo`.
 */
export type PdfLabels = Pick<
  Labels,
  | 'page'
  | 'aboutTheAuthor'
  | 'aboutTheAuthors'
  | 'by'
  | 'image'
  | 'imageMissing'
  | 'credit'
  | 'published'
  | 'updated'
  | 'correction'
  | 'embargo'
>

export interface Margins {
  top: number
  right: number
  bottom: number
  left: number
}

/** Statistics of one render (for measuring the line breaker). */
export interface TypesetStats {
  lineBreaker: 'knuth-plass' | 'greedy'
  /** All lines set. */
  lines: number
  /** Justified lines with at least one word space (last lines of paragraphs excluded). */
  justifiedLines: number
  /** The loosest justified line: its word space against the font's normal space. */
  loosestSpaceRatio: number
  /** The tightest justified line, same measure. */
  tightestSpaceRatio: number
  hyphenatedLines: number
  /** Most hyphenated lines in a row within one paragraph. */
  maxConsecutiveHyphens: number
  pages: number
}

/**
 * Page design. `two-column`: two columns of about 60-70 characters under a headline, dek, byline
 * and hero image that span both (a newspaper or magazine page). `one-column`: one column of the
 * same measure in larger type with wide margins (a book page).
 */
export type Layout = 'two-column' | 'one-column'

export const layouts: readonly Layout[] = ['two-column', 'one-column']

/** What each layout sets, before `fontSize`, `margins`, `lineHeight` options override it. */
const designs: Record<
  Layout,
  { columns: number; gutter: number; fontSize: number; lineHeight: number; margins: Margins }
> = {
  'two-column': {
    columns: 2,
    gutter: 16,
    fontSize: 8.6,
    lineHeight: 1.42,
    margins: { top: 62, right: 36, bottom: 60, left: 36 },
  },
  'one-column': {
    columns: 1,
    gutter: 0,
    fontSize: 10.5,
    lineHeight: 1.45,
    margins: { top: 72, right: 130, bottom: 72, left: 130 },
  },
}

/** Naskh sets smaller on the body than Latin faces at one size: right-to-left articles get this much more. */
const arabicScale = 1.1

export interface PdfOptions {
  /**
   * Page design: `'two-column'` (default) or `'one-column'`. Any other value (for example a typo
   * in `pressroom.yaml`) is reported and the default used.
   */
  layout?: Layout | string
  /**
   * The moment an embargo is measured against. A copy rendered before `meta.embargo` (or without
   * `now`, whenever the article has an embargo) carries an embargo notice. The renderer never reads
   * the clock.
   */
  now?: Date
  /** Paper size. Default `'A4'`. */
  pageSize?: 'A4' | 'Letter'
  /** Page margins in points. Default by layout (two-column `{top: 62, right: 36, bottom: 60, left: 36}`, one-column `{top: 72, right: 130, bottom: 72, left: 130}`). */
  margins?: Partial<Margins>
  /** Body font size in points. Default by layout: `8.6` (two-column), `10.5` (one-column); right-to-left articles 10% more. */
  fontSize?: number
  /** Body leading as a multiple of the font size. Default by layout: `1.42`, `1.45`. */
  lineHeight?: number
  /** Justify body text. Default `true`. */
  justify?: boolean
  /** Paragraph line breaker. Default `'knuth-plass'`. */
  lineBreaker?: 'knuth-plass' | 'greedy'
  /** Hyphenate body text with the language's patterns. Default `true`. */
  hyphenate?: boolean
  /** Declare PDF/A-2a (XMP identification, sRGB output intent; fonts are always embedded). Default `false`. */
  pdfa?: boolean
  /** Publication name for the running header; default `meta.publisher.name`. */
  publication?: string
  /**
   * Labels printed around the text; default the toolkit's for the article's language
   * (`labelsFor`: 13 languages, others English). Only the keys of `PdfLabels` are printed.
   */
  labels?: Partial<Labels>
  /** Called once per render with line-breaking statistics. */
  onStats?: (stats: TypesetStats) => void
  /** Receives warnings (unknown node, missing image, missing glyph ...). */
  report?: (message: VFileMessage) => void
  /** Override or add node handlers: `{...defaultHandlers, ...handlers}`. */
  handlers?: Record<string, Handler>
  /** Override or add inline (phrasing) node handlers: `{...defaultInlineHandlers, ...inlineHandlers}`. */
  inlineHandlers?: Record<string, InlineHandler>
}

export interface ResolvedOptions {
  layout: Layout
  /** Space after a body paragraph, as a multiple of the font size. */
  paragraphSpace: number
  now?: Date
  columns: number
  gutter: number
  pageSize: 'A4' | 'Letter'
  margins: Margins
  fontSize: number
  lineHeight: number
  justify: boolean
  lineBreaker: 'knuth-plass' | 'greedy'
  hyphenate: boolean
  pdfa: boolean
  publication?: string
  labels: PdfLabels
  onStats?: (stats: TypesetStats) => void
  report?: (message: VFileMessage) => void
}

export function resolveOptions(
  options: PdfOptions,
  language: string,
  direction: 'ltr' | 'rtl' = 'ltr',
): ResolvedOptions {
  const layout = layouts.find((name) => name === options.layout) ?? 'two-column'
  const design = designs[layout]
  const scale = direction === 'rtl' ? arabicScale : 1
  return {
    layout,
    paragraphSpace: 0.6,
    now: options.now,
    columns: design.columns,
    gutter: design.gutter,
    pageSize: options.pageSize ?? 'A4',
    margins: { ...design.margins, ...options.margins },
    fontSize: options.fontSize ?? design.fontSize * scale,
    lineHeight: options.lineHeight ?? design.lineHeight,
    justify: options.justify ?? true,
    lineBreaker: options.lineBreaker ?? 'knuth-plass',
    hyphenate: options.hyphenate ?? true,
    pdfa: options.pdfa ?? false,
    publication: options.publication,
    labels: labelsFor(language, options.labels),
    onStats: options.onStats,
    report: options.report,
  }
}
