/** Characters XML 1.0 does not allow (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const invalidXmlCharacters = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Remove characters that may not appear in an XML document at all. */
export function stripInvalidXml(value: string): string {
  return value.replace(invalidXmlCharacters, '')
}

/** Escape text for element content or a double-quoted attribute, dropping invalid characters. */
export function escapeXml(value: string): string {
  return stripInvalidXml(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
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
