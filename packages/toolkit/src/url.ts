/**
 * The one URL-safety policy: which schemes a link or an image may use, in every format.
 */
import { normalizeUri } from 'micromark-util-sanitize-uri'

/** Schemes a link may use; anything else with a scheme is unsafe. */
export const linkSchemes: readonly string[] = ['http', 'https', 'mailto', 'tel']
/** Schemes an image source may use (besides relative URLs). */
export const imageSchemes: readonly string[] = ['http', 'https']

/** What a URL is for: a link a reader follows, or an image a reader loads. */
export type UrlKind = 'link' | 'image'

// Whitespace, controls and invisible characters that browsers (or a sloppy reader) strip or
// ignore inside a scheme: `jav\tascript:`, `java\u0000script:`.
const ignorable =
  /[\u0000-\u0020\u007F-\u00A0\u00AD\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF]/g

function schemesFor(kind: UrlKind | readonly string[]): readonly string[] {
  if (typeof kind !== 'string') return kind
  return kind === 'image' ? imageSchemes : linkSchemes
}

/**
 * The URL to write, or `undefined` when it is unsafe: a scheme outside the policy for `kind`
 * (checked after removing whitespace and controls and lower-casing, so `JaVaScRiPt:` and
 * `jav&#x09;ascript:` are caught). Relative URLs and `#fragments` are safe; the result is
 * percent-encoded where needed.
 */
export function safeUrl(
  url: string,
  kind: UrlKind | readonly string[] = 'link',
): string | undefined {
  const protocols = schemesFor(kind)
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

/**
 * `value` as an absolute URL under the same policy (a partner's page or a reading system has no
 * base to resolve a relative one against): `http:`/`https:`, and `mailto:`/`tel:` for links when
 * `people` is true. `undefined` for anything else (`javascript:`, `data:`, relative, invalid).
 */
export function absoluteUrl(
  value: string | undefined,
  options: { kind?: UrlKind; people?: boolean } = {},
): string | undefined {
  if (!value) return undefined
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return undefined
  }
  const scheme = url.protocol.slice(0, -1)
  const kind = options.kind ?? 'link'
  if (!schemesFor(kind).includes(scheme)) return undefined
  if ((scheme === 'mailto' || scheme === 'tel') && !options.people) return undefined
  return url.href
}

/** `path` resolved against `base`, if the result is a safe absolute http(s) URL. */
export function resolveUrl(path: string, base: string | undefined): string | undefined {
  if (!base) return undefined
  try {
    return absoluteUrl(new URL(path, base).href)
  } catch {
    return undefined
  }
}
