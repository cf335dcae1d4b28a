/**
 * Dates as readers read them, in the article's language; never changed by the machine's time zone.
 */

/**
 * A date as the reader gives it (`ArticleDate` of `@pressroom/article`, which this lower layer
 * does not import): the calendar day, the full moment, whether only the day was written.
 */
export interface DateValue {
  /** `YYYY-MM-DD`. */
  date: string
  /** ISO 8601 moment. */
  dateTime: string
  dateOnly: boolean
  epochMs: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(language: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${withTime ? 't' : 'd'}:${language}`
  let cached = formatters.get(key)
  if (!cached) {
    const options: Intl.DateTimeFormatOptions = withTime
      ? {
          year: 'numeric',
          month: 'long',
          day: 'numeric',
          hour: 'numeric',
          minute: '2-digit',
          timeZone: 'UTC',
          timeZoneName: 'short',
        }
      : { dateStyle: 'long', timeZone: 'UTC' }
    try {
      cached = new Intl.DateTimeFormat(language, options)
    } catch {
      cached = new Intl.DateTimeFormat('en', options)
    }
    formatters.set(key, cached)
  }
  return cached
}

/**
 * The calendar date of a value (`20 January 2024`, `٢٠ يناير ٢٠٢٤`), formatted from the date's own
 * calendar day in UTC.
 */
export function formatDate(date: DateValue, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.date)
  if (!match) return date.date
  return formatter(language, false).format(
    Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])),
  )
}

/**
 * The date, and the time in UTC when the value has one (a correction's moment:
 * `20 January 2024 at 14:05 UTC`); a date-only value reads as `formatDate`.
 */
export function formatDateTime(date: DateValue, language: string): string {
  if (date.dateOnly) return formatDate(date, language)
  return formatter(language, true).format(new Date(date.epochMs))
}

/** The machine-readable value for `<time datetime>` and `dc:date`: the date, or the full moment. */
export function machineDate(date: DateValue): string {
  return date.dateOnly ? date.date : date.dateTime
}
