/**
 * How partner documents are named: where a build writes each partner's document for an article,
 * and what the document is called (with its media type) in a delivery. The one place these names
 * are made: `partnerDocuments` (a JSON Feed's `feed_url`), and the CLI's build and `publish`.
 */
import type { Partner, PartnerFormat } from './partners.js'

/** Each partner format's file extension (in the build), name suffix (in a delivery) and media type. */
export const partnerDocumentTypes: Readonly<
  Record<PartnerFormat, { extension: string; delivered: string; contentType: string }>
> = {
  ninjs: { extension: 'json', delivered: 'ninjs.json', contentType: 'application/json' },
  jsonfeed: { extension: 'json', delivered: 'feed.json', contentType: 'application/feed+json' },
  jsonld: { extension: 'jsonld', delivered: 'jsonld', contentType: 'application/ld+json' },
}

/**
 * The file of a partner's document in the article's folder: `partners/<name>.json`
 * (`partners/<name>.jsonld` for JSON-LD). With `url: true`, the name URL-encoded, for links.
 */
export function partnerDocumentFile(
  partner: Pick<Partner, 'name' | 'format'>,
  options: { url?: boolean } = {},
): string {
  const name = options.url ? encodeURIComponent(partner.name) : partner.name
  return `partners/${name}.${partnerDocumentTypes[partner.format].extension}`
}

/**
 * The partner a file of an article's `partners/` folder is for (`ap.json` -> `ap`), the reverse of
 * `partnerDocumentFile`; undefined for a file no partner format writes.
 */
export function partnerOfFile(file: string): string | undefined {
  for (const type of Object.values(partnerDocumentTypes)) {
    const suffix = `.${type.extension}`
    if (file.endsWith(suffix) && file.length > suffix.length) return file.slice(0, -suffix.length)
  }
  return undefined
}

/** Where a build writes a partner's document, relative to the output folder: `<slug>/partners/<name>.json`. */
export function partnerDocumentPath(
  slug: string,
  partner: Pick<Partner, 'name' | 'format'>,
): string {
  return `${slug}/${partnerDocumentFile(partner)}`
}

/**
 * A partner document's name in a delivery, relative to the delivery's root
 * (`<slug>/<slug>.ninjs.json`, `<slug>/<slug>.feed.json`, `<slug>/<slug>.jsonld`), and its media type.
 */
export function deliveredDocument(
  slug: string,
  format: PartnerFormat,
): { name: string; contentType: string } {
  const type = partnerDocumentTypes[format]
  return { name: `${slug}/${slug}.${type.delivered}`, contentType: type.contentType }
}

/**
 * Which of the article's files a partner's document links, so that a delivery carries them with
 * it: its renditions (JSON Feed `attachments`, ninjs `renditions` when the partner takes that
 * field) and its images (JSON Feed and JSON-LD always; ninjs with `bodies` or `associations`).
 */
export function partnerDocumentLinks(partner: Pick<Partner, 'format' | 'fields'>): {
  renditions: boolean
  images: boolean
} {
  const fields = new Set<string>(partner.fields)
  return {
    renditions:
      partner.format === 'jsonfeed' || (partner.format === 'ninjs' && fields.has('renditions')),
    images: partner.format !== 'ninjs' || fields.has('bodies') || fields.has('associations'),
  }
}
