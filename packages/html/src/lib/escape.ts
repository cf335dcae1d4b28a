import { removeControlCharacters } from './control.js'

const special = /[&<>"']/g
const replacements: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escape text for XML content or a double- or single-quoted attribute (also
 * valid HTML5: `'` becomes `&#39;`, never `&apos;`). Characters XML 1.0 does
 * not allow are removed.
 */
export function escapeXml(text: string): string {
  return removeControlCharacters(String(text)).replace(
    special,
    (character) => replacements[character],
  )
}
