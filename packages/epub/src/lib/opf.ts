import { xmlText } from './xml.js'

/** The package metadata, every value already chosen (no defaults here). */
export interface PackageMetadata {
  identifier: string
  title: string
  /** Languages of the book, primary first. */
  languages: string[]
  dir: 'ltr' | 'rtl'
  creators: string[]
  publisher?: string
  /** W3CDTF. */
  date?: string
  /** `CCYY-MM-DDThh:mm:ssZ`. */
  modified: string
  description: string
  subjects: string[]
  rights?: string
  /** Manifest id of the cover image (also named the EPUB 2 way, `<meta name="cover">`). */
  cover?: string
  accessibility: {
    /** The book has images (the cover counts). */
    visual: boolean
    /** Every image has a non-empty text alternative. */
    alternativeText: boolean
  }
}

export interface ManifestItem {
  id: string
  href: string
  mediaType: string
  properties?: string
}

export interface SpineItem {
  idref: string
  linear: boolean
}

/** The conformance statement of EPUB Accessibility 1.1. */
export const A11Y_CONFORMS_TO = 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA'

/** The same claim as EPUB Accessibility 1.0 names it, for reading systems and checkers that know only 1.0. */
export const A11Y_1_0_CONFORMS_TO =
  'http://www.idpf.org/epub/a11y/accessibility-20170105.html#wcag-aa'

function meta(property: string, value: string): string {
  return `    <meta property="${property}">${xmlText(value)}</meta>\n`
}

/** A short, true description of the book's accessibility. */
export function accessibilitySummary(metadata: PackageMetadata): string {
  const a11y = metadata.accessibility
  let summary =
    'This publication has a table of contents, landmarks, structured headings and a logical reading order; notes link to their text and back.'
  summary += a11y.alternativeText
    ? ' Every image has a text alternative.'
    : ' Some images have no text alternative.'
  summary += ' The reading system may change fonts, sizes and colours.'
  if (a11y.alternativeText)
    summary +=
      ' It is meant to meet EPUB Accessibility 1.1 at WCAG 2.1 Level AA (self-declared, checked with Ace by DAISY; not certified by a third party).'
  return summary
}

/** The package document (`content.opf`), EPUB 3.2; the spine names the NCX when the manifest has one (id `ncx`). */
export function packageDocument(
  metadata: PackageMetadata,
  manifest: readonly ManifestItem[],
  spine: readonly SpineItem[],
): string {
  const primary = metadata.languages[0] ?? 'en'
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n'
  out += `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="${xmlText(primary)}" dir="${metadata.dir}">\n`
  out += '  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
  out += `    <dc:identifier id="pub-id">${xmlText(metadata.identifier)}</dc:identifier>\n`
  out += `    <dc:title>${xmlText(metadata.title)}</dc:title>\n`
  for (const language of metadata.languages)
    out += `    <dc:language>${xmlText(language)}</dc:language>\n`
  metadata.creators.forEach((creator, index) => {
    out += `    <dc:creator id="creator-${index + 1}">${xmlText(creator)}</dc:creator>\n`
    out += `    <meta refines="#creator-${index + 1}" property="role" scheme="marc:relators">aut</meta>\n`
  })
  if (metadata.publisher) out += `    <dc:publisher>${xmlText(metadata.publisher)}</dc:publisher>\n`
  if (metadata.date) out += `    <dc:date>${xmlText(metadata.date)}</dc:date>\n`
  out += meta('dcterms:modified', metadata.modified)
  out += `    <dc:description>${xmlText(metadata.description)}</dc:description>\n`
  for (const subject of metadata.subjects)
    out += `    <dc:subject>${xmlText(subject)}</dc:subject>\n`
  if (metadata.rights) out += `    <dc:rights>${xmlText(metadata.rights)}</dc:rights>\n`

  const a11y = metadata.accessibility
  out += meta('schema:accessMode', 'textual')
  if (a11y.visual) out += meta('schema:accessMode', 'visual')
  if (a11y.alternativeText || !a11y.visual) out += meta('schema:accessModeSufficient', 'textual')
  if (a11y.visual) out += meta('schema:accessModeSufficient', 'textual,visual')
  const features = [
    'tableOfContents',
    'readingOrder',
    'structuralNavigation',
    'displayTransformability',
    'ARIA',
  ]
  if (a11y.alternativeText && a11y.visual) features.push('alternativeText')
  for (const feature of features) out += meta('schema:accessibilityFeature', feature)
  out += meta('schema:accessibilityHazard', 'none')
  out += meta('schema:accessibilitySummary', accessibilitySummary(metadata))
  if (a11y.alternativeText) {
    out += meta('dcterms:conformsTo', A11Y_CONFORMS_TO)
    out += `    <link rel="dcterms:conformsTo" href="${A11Y_1_0_CONFORMS_TO}"/>\n`
  }
  if (metadata.cover) out += `    <meta name="cover" content="${xmlText(metadata.cover)}"/>\n`
  out += '  </metadata>\n  <manifest>\n'
  for (const item of manifest) {
    const properties = item.properties ? ` properties="${item.properties}"` : ''
    out += `    <item id="${item.id}" href="${xmlText(item.href)}" media-type="${item.mediaType}"${properties}/>\n`
  }
  out += '  </manifest>\n'
  const toc = manifest.some((item) => item.id === 'ncx') ? ' toc="ncx"' : ''
  out += `  <spine${toc}${metadata.dir === 'rtl' ? ' page-progression-direction="rtl"' : ''}>\n`
  for (const item of spine)
    out += `    <itemref idref="${item.idref}"${item.linear ? '' : ' linear="no"'}/>\n`
  out += '  </spine>\n</package>\n'
  return out
}
