import { type NavItem, navText } from './nav.js'
import { xmlText } from './xml.js'

/**
 * An EPUB 2 NCX mirroring the EPUB 3 table of contents, for older reading
 * systems (EPUBCheck notes its absence, NCX-003). Deterministic: ids and
 * `playOrder` follow the order of the entries.
 */
export function ncxDocument(
  identifier: string,
  title: string,
  language: string,
  toc: readonly NavItem[],
): string {
  let order = 0
  let depth = 0
  const points = (items: readonly NavItem[], level: number, indent: string): string => {
    depth = Math.max(depth, level)
    let out = ''
    for (const item of items) {
      order += 1
      const text = navText(item)
      out += `${indent}<navPoint id="navpoint-${order}" playOrder="${order}">\n`
      out += `${indent}  <navLabel><text>${xmlText(text)}</text></navLabel>\n`
      out += `${indent}  <content src="${xmlText(item.href)}"/>\n`
      out += points(item.children, level + 1, `${indent}  `)
      out += `${indent}</navPoint>\n`
    }
    return out
  }
  const map = points(toc, 1, '    ')
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${xmlText(language)}">\n` +
    '  <head>\n' +
    `    <meta name="dtb:uid" content="${xmlText(identifier)}"/>\n` +
    `    <meta name="dtb:depth" content="${depth}"/>\n` +
    '    <meta name="dtb:totalPageCount" content="0"/>\n' +
    '    <meta name="dtb:maxPageNumber" content="0"/>\n' +
    '  </head>\n' +
    `  <docTitle><text>${xmlText(title)}</text></docTitle>\n` +
    `  <navMap>\n${map}  </navMap>\n` +
    '</ncx>\n'
  )
}
