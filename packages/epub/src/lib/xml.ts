/** Characters XML 1.0 does not allow (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const invalidXmlCharacters = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Remove characters that may not appear in an XML document at all. */
export function stripInvalidXml(value: string): string {
  return value.replace(invalidXmlCharacters, '')
}

const numeric: Record<string, string> = {
  '&': '&#38;',
  '<': '&#60;',
  '>': '&#62;',
  '"': '&#34;',
  "'": '&#39;',
}

/**
 * Escape text for element content or a quoted attribute, dropping invalid
 * characters. Numeric references only: EPUBCheck 4.2.6 notes every named
 * entity, even `&amp;` (usage HTM-006).
 */
export function escapeXml(value: string): string {
  return stripInvalidXml(value).replace(/[&<>"']/g, (character) => numeric[character] ?? character)
}

const named: Record<string, string> = {
  amp: '&#38;',
  lt: '&#60;',
  gt: '&#62;',
  quot: '&#34;',
  apos: '&#39;',
}

/** Rewrite the five XML named entities of a well-formed fragment as numeric references. */
export function numericEntities(xml: string): string {
  return xml.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => named[name] ?? `&${name};`)
}

/** Collapse runs of white space (metadata values: names, titles) and trim. */
export function cleanText(value: string | undefined): string {
  if (!value) return ''
  return stripInvalidXml(value).replace(/\s+/gu, ' ').trim()
}

/** An `href` a reader may follow: http(s) and mailto only. */
export function isSafeHref(href: string): boolean {
  return /^(?:https?:\/\/|mailto:)[^\s]/i.test(href.trim())
}
