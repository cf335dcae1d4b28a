import type { ArticleDate } from '../types.js'

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/
const dateTime =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/

export type DateResult =
  | { ok: true; date: ArticleDate; assumedOffset: boolean }
  | { ok: false; reason: string }

/** Normalise an offset (`+0300`, `+03`, `Z`) to `+03:00` / `Z`. */
export function normaliseOffset(offset: string): string | undefined {
  if (offset === 'Z' || offset === 'z') return 'Z'
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset)
  if (!match) return undefined
  const hours = Number(match[2])
  const minutes = Number(match[3] ?? '0')
  if (hours > 14 || minutes > 59) return undefined
  if (hours === 0 && minutes === 0) return 'Z'
  return `${match[1]}${match[2]}:${match[3] ?? '00'}`
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0
  const sign = offset[0] === '-' ? -1 : 1
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)))
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= days
}

/**
 * Parse an ISO 8601 date or date-time. A date-only value, or a date-time
 * without an offset, is placed in `timezone` (an offset such as `+03:00` or `Z`).
 */
export function parseDate(input: unknown, timezone = 'Z'): DateResult {
  let text: string
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, reason: 'not a valid date' }
    text = input.toISOString()
  } else if (typeof input === 'string') {
    text = siteGeneratorDate(input.trim())
  } else {
    return {
      ok: false,
      reason: `expected an ISO 8601 date such as 2024-01-19, not ${describe(input)}`,
    }
  }
  const zone = normaliseOffset(timezone) ?? 'Z'
  let match = dateOnly.exec(text)
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
    if (!validDay(year, month, day))
      return { ok: false, reason: `\`${text}\` is not a calendar date` }
    const dt = `${text}T00:00:00${zone}`
    return {
      ok: true,
      assumedOffset: false,
      date: {
        value: text,
        dateOnly: true,
        date: text,
        dateTime: dt,
        epochMs: Date.UTC(year, month - 1, day) - offsetMinutes(zone) * 60_000,
      },
    }
  }
  match = dateTime.exec(text)
  if (!match) {
    return {
      ok: false,
      reason: `\`${text}\` is not an ISO 8601 date (2024-01-19) or date-time with offset (2024-01-19T10:30:00+03:00)`,
    }
  }
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number)
  const second = Number(match[6] ?? '0')
  const fraction = match[7] ?? ''
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `\`${text}\` is not a valid date-time` }
  }
  const assumedOffset = match[8] === undefined
  const offset = assumedOffset ? zone : normaliseOffset(match[8])
  if (!offset) return { ok: false, reason: `\`${match[8]}\` is not a valid UTC offset` }
  const pad = (n: number) => String(n).padStart(2, '0')
  const datePart = `${match[1]}-${match[2]}-${match[3]}`
  const iso = `${datePart}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${offset}`
  const ms =
    Date.UTC(
      year,
      month - 1,
      day,
      hour,
      minute,
      second,
      Math.round(Number(`0${fraction || '.0'}`) * 1000),
    ) -
    offsetMinutes(offset) * 60_000
  return {
    ok: true,
    assumedOffset,
    date: { value: iso, dateOnly: false, date: datePart, dateTime: iso, epochMs: ms },
  }
}

/**
 * Dates as site generators write them, in ISO 8601: `2024/10/21` ->
 * `2024-10-21`; `2015-10-30 1:12:28 -0400` -> `2015-10-30 01:12:28-0400`;
 * a trailing ` UTC` or ` GMT` is `Z`.
 */
function siteGeneratorDate(text: string): string {
  const match =
    /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:([Tt ]+)(\d{1,2})(:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?\s*(?:UTC|GMT)?)?$/.exec(
      text,
    )
  if (!match) return text
  const pad = (value: string) => value.padStart(2, '0')
  const day = `${match[1]}-${pad(match[2])}-${pad(match[3])}`
  if (match[5] === undefined) return day
  const zone = match[7] ?? (/(UTC|GMT)$/.test(text) ? 'Z' : '')
  return `${day}T${pad(match[5])}${match[6]}${zone}`
}

export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string')
    return `the text \`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``
  return `the ${typeof value} \`${String(value)}\``
}
