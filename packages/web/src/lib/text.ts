import type { ArticleDate } from '@pressroom/article'
import { escapeXml } from '@pressroom/html'

/** Escape for HTML text or a double-quoted attribute. */
export const escapeHtml = escapeXml

/** Collapse runs of white space (metadata values: names, titles) and trim. */
export function cleanText(value: string | undefined): string {
  if (!value) return ''
  return value.replace(/\s+/gu, ' ').trim()
}

/** An absolute `http:`/`https:` URL (normalised), or undefined. */
export function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/** A link a reader may follow from an author's box: http(s) and mailto. */
export function safeHref(value: string): string | undefined {
  const trimmed = value.trim()
  if (/^mailto:[^\s]/i.test(trimmed)) return trimmed
  return httpUrl(trimmed)
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** The calendar date as a reader reads it, in `language`; the machine's time zone never changes it. */
export function formatDate(date: ArticleDate, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.date)
  if (!match) return date.date
  let formatter = formatters.get(language)
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' })
    } catch {
      formatter = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' })
    }
    formatters.set(language, formatter)
  }
  return formatter.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
}

/** Names joined the way the language joins a list ("A, B and C"). */
export function joinNames(names: string[], language: string): string {
  try {
    return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names)
  } catch {
    return names.join(', ')
  }
}

/**
 * JSON as text that is safe inside an HTML `<script>` element: `<`, `>`, `&`
 * and U+2028/U+2029 are written as `\u` escapes, so nothing in the value can
 * end the element. The JSON value is unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
