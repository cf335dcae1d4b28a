/**
 * An article as an IPTC ninjs document (3.2 by default, 2.3 on request),
 * validated against the official schema before it is returned.
 */
import type { Article } from '@pressroom/article'
import { absoluteUrl, formatDateTime, joinNames, labelsFor } from '@pressroom/toolkit'
import { articlePictures, type Picture } from './images.js'
import { bioHtml, bodyHtml, type Report, warn } from './shared.js'
import { articleBase, imageUrl, safeRenditions } from './urls.js'
import { assertNinjs, type NinjsVersion } from './validate.js'

/** A file built from the same article (EPUB, PDF), offered as a rendition or attachment. */
export interface Rendition {
  /** Short name, e.g. `epub`, `pdf`. */
  name: string
  /** Absolute URL of the file. */
  href: string
  /** Media type, e.g. `application/epub+zip`, `application/pdf`. */
  contentType: string
  /** Size of the file in bytes. */
  sizeInBytes: number
  /** Human-readable title, e.g. `EPUB edition`. */
  title?: string
}

/** The top-level ninjs fields Pressroom writes (3.2 names), in output order. `uri` is always written. */
export const ninjsFields = [
  'type',
  'representationType',
  'standard',
  'slugline',
  'language',
  'pubStatus',
  'version',
  'firstCreated',
  'versionCreated',
  'embargoedUntil',
  'headlines',
  'descriptions',
  'by',
  'people',
  'genres',
  'subjects',
  'bodies',
  'associations',
  'renditions',
  'altIds',
  'copyrightHolder',
  'copyrightNotice',
  'usageTerms',
  'edNote',
] as const

/** A top-level field a partner can ask for (3.2 names, also for 2.3). */
export type NinjsField = (typeof ninjsFields)[number]

/** Named field sets. `full`: every field. `headline-only`: no body, pictures or renditions. */
export const ninjsProfiles: Record<'full' | 'headline-only', readonly NinjsField[]> = {
  full: ninjsFields,
  'headline-only': ninjsFields.filter(
    (field) => field !== 'bodies' && field !== 'associations' && field !== 'renditions',
  ),
}

export interface NinjsOptions {
  /** ninjs version to write. Default `'3.2'`. */
  version?: NinjsVersion
  /**
   * Absolute URL the article's folder is published at: image paths resolve
   * against it. Default: the article's `canonicalUrl`; with neither, images
   * have no link (the body shows placeholders, associations have no rendition).
   */
  baseUrl?: string
  /** Which top-level fields to write (3.2 names; `uri` always). Default: every field (`ninjsFields`). */
  fields?: readonly NinjsField[]
  /** EPUB, PDF ... built from the same article, written as `renditions`. Default: none. */
  renditions?: readonly Rendition[]
  /**
   * The item's version as the delivery log counts it: written as ninjs
   * `version` (1, 2, ...) with its `versionCreated`. The writer reads no state:
   * the caller passes it. Default: no `version`; `versionCreated` is the
   * article's `updated` (else `published`).
   */
  revision?: Revision
  /** Receives warnings (image left out, unsafe link dropped, unknown node). Default: none. */
  report?: Report
}

/** An item version: a number that increments when the content changes, and when it was created. */
export interface Revision {
  version: number
  /** RFC 3339 date-time with an offset. */
  versionCreated: string
}

/** A ninjs text part: headline, description or body. */
export interface NinjsText {
  role: string
  contentType: string
  value: string
  charCount?: number
  wordCount?: number
}

/** A ninjs 3.2 document as Pressroom writes it (2.3 documents carry the same data under lowercase names). */
export interface NinjsDocument {
  uri: string
  [field: string]: unknown
}

const schemaUri = (version: NinjsVersion) =>
  `http://www.iptc.org/std/ninjs/ninjs-schema_${version}.json#`

/**
 * Map an article to a ninjs document and validate it against the official
 * schema. Throws `SchemaValidationError` if the result is invalid (never
 * returns an invalid document); other problems are reported through `report`.
 */
export function toNinjs(article: Article, options: NinjsOptions = {}): NinjsDocument {
  const version = options.version ?? '3.2'
  const wanted = new Set<string>(options.fields ?? ninjsFields)
  const { meta } = article
  const report = options.report
  const base = articleBase(article, options.baseUrl)
  if (options.baseUrl && !absoluteUrl(options.baseUrl)) {
    warn(
      article,
      report,
      `Base URL \`${options.baseUrl}\` is not an absolute http(s) URL; ignored`,
      'invalid-base-url',
    )
  }
  const pictures =
    wanted.has('associations') || wanted.has('bodies') ? articlePictures(article) : []
  if (!base && article.images.some((image) => image.status === 'ok')) {
    warn(
      article,
      report,
      'No base URL (option `baseUrl` or the article’s `canonicalUrl`): images have no link and are left out',
      'missing-base-url',
    )
  }

  const doc: Record<string, unknown> = { uri: meta.id }
  const set = (field: NinjsField, value: unknown) => {
    if (!wanted.has(field)) return
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return
    doc[field] = value
  }

  set('type', 'text')
  set('representationType', wanted.has('bodies') ? 'full' : 'partial')
  set('standard', { name: 'ninjs', version, schema: schemaUri(version) })
  set('slugline', meta.slug || undefined)
  set('language', meta.language)
  set('pubStatus', meta.status)
  set('version', options.revision ? String(options.revision.version) : undefined)
  set('firstCreated', meta.published?.dateTime)
  set(
    'versionCreated',
    options.revision?.versionCreated ?? (meta.updated ?? meta.published)?.dateTime,
  )
  set('embargoedUntil', meta.embargo?.dateTime)

  const headlines: NinjsText[] = [{ role: 'main', contentType: 'text/plain', value: meta.title }]
  if (meta.subtitle)
    headlines.push({ role: 'subtitle', contentType: 'text/plain', value: meta.subtitle })
  set('headlines', headlines)

  if (wanted.has('descriptions')) {
    const descriptions: NinjsText[] = []
    if (meta.summary)
      descriptions.push({ role: 'summary', contentType: 'text/plain', value: meta.summary })
    for (const correction of meta.corrections ?? []) {
      // The date as the article's readers read it, as every other format prints it.
      const date = formatDateTime(correction.date, meta.language)
      descriptions.push({
        role: 'correction',
        contentType: 'text/plain',
        value: `${date}: ${correction.text}`,
      })
    }
    for (const author of meta.authors) {
      if (!author.bio?.text) continue
      const role = `bio:${author.name}`
      descriptions.push({ role, contentType: 'text/plain', value: author.bio.text })
      descriptions.push({
        role,
        contentType: 'text/html',
        value: bioHtml(article, author.bio.children, base, report),
      })
    }
    set('descriptions', descriptions)
  }

  set(
    'by',
    joinNames(
      meta.authors.map((author) => author.name),
      meta.language,
    ) || undefined,
  )
  if (wanted.has('people')) {
    set(
      'people',
      meta.authors.map((author) => {
        const person: Record<string, unknown> = { name: author.name, rel: 'author' }
        const url = absoluteUrl(author.url)
        if (url) person.uri = url
        const contactInfo = author.links.flatMap((link) => {
          const value = absoluteUrl(link.href, { people: true })
          if (!value) {
            warn(
              article,
              report,
              `Link \`${link.href}\` of ${author.name} is not http(s), mailto or tel; left out`,
              'unsafe-link',
            )
            return []
          }
          return [{ type: link.rel, name: link.label, value }]
        })
        if (contactInfo.length > 0) person.contactInfo = contactInfo
        return person
      }),
    )
  }

  set('genres', meta.section ? [{ name: meta.section }] : undefined)
  set(
    'subjects',
    meta.tags.map((tag) => ({ name: tag })),
  )

  if (wanted.has('bodies')) {
    const { plainText, charCount, wordCount } = article.derived
    const counts = { charCount, wordCount }
    set('bodies', [
      { role: 'main', contentType: 'text/html', ...counts, value: bodyHtml(article, base, report) },
      { role: 'main', contentType: 'text/plain', ...counts, value: plainText },
    ])
  }

  if (wanted.has('associations')) {
    set(
      'associations',
      pictures.map((picture) => association(article, picture, base, version, report)),
    )
  }

  if (wanted.has('renditions')) {
    set(
      'renditions',
      safeRenditions(options.renditions, (reason) =>
        warn(article, report, reason, 'unsafe-link'),
      ).map((rendition) => ({
        name: rendition.name,
        href: rendition.href,
        contentType: rendition.contentType,
        ...(rendition.title ? { title: rendition.title } : {}),
        sizeInBytes: rendition.sizeInBytes,
      })),
    )
  }

  const altIds: { role: string; value: string }[] = []
  const canonical = absoluteUrl(meta.canonicalUrl)
  if (canonical) altIds.push({ role: 'canonical-url', value: canonical })
  const short = absoluteUrl(meta.shortUrl)
  if (short) altIds.push({ role: 'short-url', value: short })
  set('altIds', altIds)

  set('copyrightHolder', meta.publisher?.name)
  set('copyrightNotice', meta.rights)
  set('usageTerms', meta.disclaimer)
  set(
    'edNote',
    meta.corrections?.length
      ? meta.corrections
          .map(
            (correction) =>
              `${labelsFor(meta.language).correction} (${formatDateTime(correction.date, meta.language)}): ${correction.text}`,
          )
          .join('\n')
      : undefined,
  )

  const document = version === '2.3' ? toVersion23(doc) : doc
  assertNinjs(document, version)
  return document as NinjsDocument
}

function association(
  article: Article,
  picture: Picture,
  base: string | undefined,
  version: NinjsVersion,
  report: Report | undefined,
): Record<string, unknown> {
  const href = imageUrl(picture.image, base)
  const image = picture.image
  if (!image) {
    warn(
      article,
      report,
      `Image \`${picture.src}\` is unknown to the reader; its association has no rendition`,
      'image-left-out',
      picture.node,
    )
  } else if (image.status !== 'ok') {
    warn(
      article,
      report,
      `Image \`${picture.src}\` is ${image.status}; its association has no rendition`,
      'image-left-out',
      picture.node,
    )
  }
  const descriptions: NinjsText[] = []
  if (picture.caption)
    descriptions.push({ role: 'caption', contentType: 'text/plain', value: picture.caption })
  if (picture.alt) descriptions.push({ role: 'alt', contentType: 'text/plain', value: picture.alt })
  const result: Record<string, unknown> = { name: picture.name }
  if (version !== '2.3') result.rel = picture.role
  result.uri = href ?? `${article.meta.id}#${picture.name}`
  result.type = 'picture'
  if (descriptions.length > 0) result.descriptions = descriptions
  if (picture.credit) result.by = picture.credit
  if (href && image) {
    result.renditions = [
      {
        name: 'original',
        href,
        ...(image.mediaType ? { contentType: image.mediaType } : {}),
        ...(image.width ? { width: image.width } : {}),
        ...(image.height ? { height: image.height } : {}),
        ...(image.bytes ? { sizeInBytes: image.bytes.byteLength } : {}),
      },
    ]
  }
  return result
}

/** ninjs 2.x names: every property name in lowercase, and `embargoedUntil` is `embargoed`. */
function toVersion23(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toVersion23)
  if (value === null || typeof value !== 'object') return value
  const result: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    const name = key === 'embargoedUntil' ? 'embargoed' : key.toLowerCase()
    result[name] = toVersion23(item)
  }
  return result
}
