import { escapeXml, numericEntities, stripInvalidXml } from './xml.js'

export interface PageOptions {
  /** The document's `<title>`. */
  title: string
  language: string
  dir: 'ltr' | 'rtl'
  /** Attributes of `<body>`, already escaped (` epub:type="bodymatter"`). */
  bodyAttributes?: string
  /** The body's content: well-formed XHTML. */
  content: string
  /** Link the stylesheet (default true). */
  stylesheet?: boolean
}

/** A complete XHTML 5 content document, polyglot, with the `epub` namespace declared. */
export function xhtmlPage(options: PageOptions): string {
  const language = escapeXml(options.language)
  const css =
    options.stylesheet === false ? '' : '<link rel="stylesheet" type="text/css" href="style.css"/>'
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n' +
    `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${language}" lang="${language}" dir="${options.dir}">\n` +
    `<head>\n<meta charset="UTF-8"/>\n<title>${escapeXml(options.title)}</title>\n${css}\n</head>\n` +
    `<body${options.bodyAttributes ?? ''}>\n${numericEntities(stripInvalidXml(options.content))}\n</body>\n</html>\n`
  )
}
