import { normalizeUri } from 'micromark-util-sanitize-uri'

/** Schemes a link may use; anything else with a scheme is unsafe. */
export const linkProtocols = ['http', 'https', 'mailto', 'tel']
/** Schemes an image source may use (besides relative URLs). */
export const imageProtocols = ['http', 'https']

// Whitespace, controls and invisible characters that browsers (or a sloppy
// reader) strip or ignore inside a scheme: `jav\tascript:`, `java\u0000script:`.
const ignorable =
  /[\u0000-\u0020\u007F-\u00A0\u00AD\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF]/g

/**
 * The URL to write, or `undefined` when it is unsafe: a scheme outside
 * `protocols` (checked after removing whitespace and controls and
 * lower-casing, so `JaVaScRiPt:` and `jav&#x09;ascript:` are caught).
 * Relative URLs and `#fragments` are safe.
 */
export function safeUrl(url: string, protocols: readonly string[]): string | undefined {
  const probe = url.replace(ignorable, '').toLowerCase()
  const colon = probe.indexOf(':')
  const end = probe.search(/[/?#]/)
  let value = url.trim()
  if (colon !== -1 && (end === -1 || colon < end)) {
    const scheme = probe.slice(0, colon)
    if (!protocols.includes(scheme)) return undefined
    // The scheme as the sanitiser expects it: lower case, nothing ignorable.
    const rawColon = value.indexOf(':')
    value = scheme + value.slice(rawColon)
  }
  return normalizeUri(value)
}
