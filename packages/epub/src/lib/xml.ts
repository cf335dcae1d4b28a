import { escapeXml, numericEntities } from '@pressroom/toolkit'

/**
 * A value for the package document or the NCX: the toolkit's escaping, then
 * numeric references only. The EPUB's own serialisation choice: EPUBCheck
 * notes every named entity, even `&amp;`, as usage HTM-006.
 */
export function xmlText(value: string): string {
  return numericEntities(escapeXml(value))
}
