/**
 * Escaping, decided once for every writer (XHTML, EPUB documents, web pages, PDF metadata).
 */

/**
 * Characters not allowed in XML 1.0: C0 controls but tab, line feed and carriage return; DEL and
 * C1 controls; U+FFFE, U+FFFF; lone surrogates.
 */
export const controlCharacters =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Remove characters that XML 1.0 does not allow (and that no reader shows). */
export function removeControlCharacters(value: string): string {
  controlCharacters.lastIndex = 0
  return controlCharacters.test(value) ? value.replace(controlCharacters, '') : value
}

const special = /[&<>"']/g
const replacements: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escape text for XML content or a double- or single-quoted attribute (also valid HTML5: `'`
 * becomes `&#39;`, never `&apos;`). Characters XML 1.0 does not allow are removed.
 */
export function escapeXml(text: string): string {
  return removeControlCharacters(String(text)).replace(
    special,
    (character) => replacements[character] ?? character,
  )
}

/** The same escaping for HTML text and attributes (one rule for both). */
export const escapeHtml = escapeXml

const textSpecial = /[&<>]/g
const attributeSpecial = /[&<>"]/g

/**
 * The minimal escaping of a tree serialiser, by context: element text (`& < >`; `>` too, so that
 * `]]>` never appears) and a double-quoted attribute value (`& < > "`). Forbidden characters are
 * removed. Same entities as `escapeXml`.
 */
export function escapeXmlText(text: string): string {
  return removeControlCharacters(String(text)).replace(textSpecial, (c) => replacements[c] ?? c)
}

/** See `escapeXmlText`: a double-quoted attribute value. */
export function escapeXmlAttribute(value: string): string {
  return removeControlCharacters(String(value)).replace(
    attributeSpecial,
    (c) => replacements[c] ?? c,
  )
}

const named: Record<string, string> = {
  amp: '&#38;',
  lt: '&#60;',
  gt: '&#62;',
  quot: '&#34;',
  apos: '&#39;',
}

/**
 * Rewrite the five XML named entities of a well-formed fragment as numeric references (EPUBCheck
 * notes every named entity, even `&amp;`, as usage HTM-006; a serialisation choice of the EPUB).
 */
export function numericEntities(xml: string): string {
  return xml.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => named[name] ?? `&${name};`)
}

/** Collapse runs of white space (metadata values: names, titles), drop invalid characters, trim. */
export function cleanText(value: string | undefined): string {
  if (!value) return ''
  return removeControlCharacters(value).replace(/\s+/gu, ' ').trim()
}

/**
 * JSON as text that is safe inside an HTML `<script>` element: `<`, `>`, `&` and U+2028/U+2029
 * are written as `\u` escapes, so nothing in the value can end the element. The value is unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
