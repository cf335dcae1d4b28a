import type { ArticleDate } from '@pressroom/article'

/** `dcterms:modified` when an article has neither `updated` nor `published`. */
export const FALLBACK_MODIFIED_MS = Date.UTC(2000, 0, 1)

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(language: string): Intl.DateTimeFormat {
  let cached = formatters.get(language)
  if (!cached) {
    try {
      cached = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' })
    } catch {
      cached = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' })
    }
    formatters.set(language, cached)
  }
  return cached
}

/**
 * The calendar date of a value as a reader reads it, in the article's language.
 * Formatted in UTC from the date's own calendar day, so the machine's time zone
 * never changes it.
 */
export function formatDate(date: ArticleDate, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.date)
  if (!match) return date.date
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  return formatter(language).format(ms)
}

/** `CCYY-MM-DDThh:mm:ssZ`, the only form `dcterms:modified` allows. */
export function toModified(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** A W3CDTF value for `dc:date`. */
export function toDcDate(date: ArticleDate): string {
  return date.dateOnly ? date.date : date.dateTime
}
