import type { VFileMessage } from 'vfile-message'
import type { Handler } from './state.js'

/** UI strings printed in the PDF. `{page}` and `{pages}` are replaced in `page`. */
export interface Labels {
  /** Footer, e.g. `Page {page} of {pages}`. */
  page: string
  /** Heading of the author box (one author). */
  aboutAuthor: string
  /** Heading of the author box (several authors). */
  aboutAuthors: string
  /** Before the author names. */
  by: string
  /** Joins the last two author names. */
  and: string
  /** Placeholder text for an image that cannot be shown (the alt text follows). */
  imageMissing: string
  /** Before a figure's credit. */
  credit: string
}

export const defaultLabels: Record<string, Labels> = {
  en: {
    page: 'Page {page} of {pages}',
    aboutAuthor: 'About the author',
    aboutAuthors: 'About the authors',
    by: 'By',
    and: 'and',
    imageMissing: 'Image not available',
    credit: 'Photo:',
  },
  fr: {
    page: 'Page {page} sur {pages}',
    aboutAuthor: 'L’auteur',
    aboutAuthors: 'Les auteurs',
    by: 'Par',
    and: 'et',
    imageMissing: 'Image indisponible',
    credit: 'Photo :',
  },
  ar: {
    page: 'صفحة {page} من {pages}',
    aboutAuthor: 'عن الكاتب',
    aboutAuthors: 'عن الكتّاب',
    by: 'بقلم',
    and: 'و',
    imageMissing: 'الصورة غير متاحة',
    credit: 'صورة:',
  },
}

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

export interface PdfOptions {
  /** Paper size. Default `'A4'`. */
  pageSize?: 'A4' | 'Letter'
  /** Page margins in points. Default `{top: 72, right: 64, bottom: 72, left: 64}`. */
  margins?: Partial<Margins>
  /** Body font size in points. Default `10.5`. */
  fontSize?: number
  /** Body leading as a multiple of the font size. Default `1.38`. */
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
  /** UI strings; default by the article's language (en, fr, ar; others English). */
  labels?: Partial<Labels>
  /** Called once per render with line-breaking statistics. */
  onStats?: (stats: TypesetStats) => void
  /** Receives warnings (unknown node, missing image, missing glyph ...). */
  report?: (message: VFileMessage) => void
  /** Override or add node handlers: `{...defaultHandlers, ...handlers}`. */
  handlers?: Record<string, Handler>
}

export interface ResolvedOptions {
  pageSize: 'A4' | 'Letter'
  margins: Margins
  fontSize: number
  lineHeight: number
  justify: boolean
  lineBreaker: 'knuth-plass' | 'greedy'
  hyphenate: boolean
  pdfa: boolean
  publication?: string
  labels: Labels
  onStats?: (stats: TypesetStats) => void
  report?: (message: VFileMessage) => void
}

export function resolveOptions(options: PdfOptions, language: string): ResolvedOptions {
  const base = defaultLabels[language.toLowerCase().split('-')[0]] ?? defaultLabels.en
  return {
    pageSize: options.pageSize ?? 'A4',
    margins: { top: 72, right: 64, bottom: 72, left: 64, ...options.margins },
    fontSize: options.fontSize ?? 10.5,
    lineHeight: options.lineHeight ?? 1.38,
    justify: options.justify ?? true,
    lineBreaker: options.lineBreaker ?? 'knuth-plass',
    hyphenate: options.hyphenate ?? true,
    pdfa: options.pdfa ?? false,
    publication: options.publication,
    labels: { ...base, ...options.labels },
    onStats: options.onStats,
    report: options.report,
  }
}
