/**
 * Syndication partners: the `partners:` section of the publication config,
 * and which document each partner gets for an article.
 */
import type { Article } from '@pressroom/article'
import { resolveUrl, absoluteUrl as safeUrl } from '@pressroom/toolkit'
import { partnerDocumentFile } from './files.js'
import { type GateCode, publicationGate } from './gate.js'
import { type JsonFeed, toJsonFeed } from './json-feed.js'
import { type NewsArticleJsonLd, toJsonLd } from './json-ld.js'
import {
  type NinjsDocument,
  type NinjsField,
  ninjsFields,
  ninjsProfiles,
  type Rendition,
  type Revision,
  toNinjs,
} from './ninjs.js'
import { epochMs, type Report } from './shared.js'
import { type NinjsVersion, SchemaValidationError } from './validate.js'

export type PartnerFormat = 'ninjs' | 'jsonfeed' | 'jsonld'
export type PartnerProfile = 'full' | 'headline-only'

/** One partner, validated, with defaults filled in. */
export interface Partner {
  /** The key under `partners:`. */
  name: string
  format: PartnerFormat
  /** ninjs version (ninjs only). Default `'3.2'`. */
  version: NinjsVersion
  /**
   * Where the built files are published for this partner, ending in `/` (like
   * the config's `base_url`). An article's folder, with its images, is
   * `articleFolder(article)` under it (default `<slug>/`). Default: the
   * `baseUrl` given to `parsePartners`.
   */
  baseUrl?: string
  /** Named field set (ninjs only). Default `full`. */
  profile: PartnerProfile
  /** The ninjs fields the partner gets: `fields` if given, else the profile's. */
  fields: readonly NinjsField[]
  /** Send embargoed articles before the embargo has passed (ninjs only; `embargoedUntil` tells when). Default `false`. */
  embargoed: boolean
  /** Send withheld articles, as `pubStatus: withheld` (ninjs only). Default `false`. */
  withheld: boolean
  /** Send canceled articles, as `pubStatus: canceled` (ninjs only). Default `false`. */
  canceled: boolean
  /** Feed title (jsonfeed only). Default: the article's publisher name, else the partner's name. */
  title?: string
}

/** A problem in the `partners:` section, naming the field: `partners.wire-desk.version`. */
export interface PartnerMessage {
  field: string
  message: string
  /** `error`: the partner is left out; `warning`: the value is ignored and its default used. */
  severity: 'error' | 'warning'
}

export interface ParsePartnersOptions {
  /** Default `baseUrl` for every partner: pass the config's `base_url` (site level, not the article's folder). Default: none. */
  baseUrl?: string
}

const formats = new Set<string>(['ninjs', 'jsonfeed', 'jsonld'])
const versions = new Set<string>(['3.2', '2.3'])
const profiles = new Set<string>(['full', 'headline-only'])
const knownKeys = new Set([
  'format',
  'version',
  'base_url',
  'profile',
  'fields',
  'embargoed',
  'withheld',
  'canceled',
  'title',
  'destination',
])
const ninjsOnly = ['version', 'profile', 'fields', 'embargoed', 'withheld', 'canceled']

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Validate the `partners:` section of the publication config (a mapping from
 * partner name to settings, as parsed from YAML). Bad partners are left out
 * and bad optional values fall back to their defaults; every problem is a
 * message naming the field. Never throws.
 */
export function parsePartners(
  value: unknown,
  options: ParsePartnersOptions = {},
): { partners: Partner[]; messages: PartnerMessage[] } {
  const partners: Partner[] = []
  const messages: PartnerMessage[] = []
  if (value === undefined || value === null) return { partners, messages }
  if (!isRecord(value)) {
    messages.push({
      field: 'partners',
      message: 'must be a mapping from partner name to its settings',
      severity: 'error',
    })
    return { partners, messages }
  }
  for (const [name, settings] of Object.entries(value)) {
    const at = `partners.${name}`
    const error = (field: string, message: string) =>
      messages.push({ field: field ? `${at}.${field}` : at, message, severity: 'error' })
    const warning = (field: string, message: string) =>
      messages.push({ field: `${at}.${field}`, message, severity: 'warning' })
    if (!isRecord(settings)) {
      error('', 'must be a mapping with at least `format`; partner left out')
      continue
    }
    for (const key of Object.keys(settings)) {
      if (!knownKeys.has(key))
        warning(key, `unknown setting; expected one of ${[...knownKeys].join(', ')}`)
    }
    const format = settings.format
    if (typeof format !== 'string' || !formats.has(format)) {
      error(
        'format',
        `${format === undefined ? 'is missing' : `\`${String(format)}\` is not a format`}: use ninjs, jsonfeed or jsonld; partner left out`,
      )
      continue
    }
    if (format !== 'ninjs') {
      for (const key of ninjsOnly) {
        if (settings[key] !== undefined)
          warning(key, `applies to ninjs only; ignored for ${format}`)
      }
    }
    const partner: Partner = {
      name,
      format: format as PartnerFormat,
      version: '3.2',
      profile: 'full',
      fields: ninjsProfiles.full,
      embargoed: false,
      withheld: false,
      canceled: false,
    }
    if (format === 'ninjs' && settings.version !== undefined) {
      const version = String(settings.version)
      if (!versions.has(version)) {
        error(
          'version',
          `\`${version}\` is not a ninjs version Pressroom writes: use 3.2 or 2.3; partner left out`,
        )
        continue
      }
      partner.version = version as NinjsVersion
    }
    if (settings.base_url !== undefined) {
      const url = typeof settings.base_url === 'string' ? safeUrl(settings.base_url) : undefined
      if (url) partner.baseUrl = url.endsWith('/') ? url : `${url}/`
      else error('base_url', 'must be an absolute http(s) URL; partner left out')
      if (!url) continue
    } else if (options.baseUrl && safeUrl(options.baseUrl)) {
      const url = safeUrl(options.baseUrl)!
      partner.baseUrl = url.endsWith('/') ? url : `${url}/`
    }
    if (format === 'ninjs') {
      if (settings.profile !== undefined) {
        if (typeof settings.profile === 'string' && profiles.has(settings.profile)) {
          partner.profile = settings.profile as PartnerProfile
          partner.fields = ninjsProfiles[partner.profile]
        } else {
          error(
            'profile',
            `\`${String(settings.profile)}\` is not a profile: use full or headline-only; partner left out`,
          )
          continue
        }
      }
      if (settings.fields !== undefined) {
        if (settings.profile !== undefined)
          warning('fields', 'both `profile` and `fields` given: `fields` wins')
        if (!Array.isArray(settings.fields)) {
          error('fields', 'must be a list of ninjs field names; partner left out')
          continue
        }
        const known = new Set<string>(ninjsFields)
        const fields: NinjsField[] = []
        settings.fields.forEach((field, index) => {
          if (field === 'uri') return
          if (typeof field === 'string' && known.has(field)) {
            if (!fields.includes(field as NinjsField)) fields.push(field as NinjsField)
          } else {
            warning(
              `fields.${index}`,
              `\`${String(field)}\` is not a ninjs field Pressroom writes; ignored`,
            )
          }
        })
        // Keep the output order stable whatever the order in the config.
        partner.fields = ninjsFields.filter((field) => fields.includes(field))
      }
      for (const key of ['embargoed', 'withheld', 'canceled'] as const) {
        const flag = settings[key]
        if (flag === undefined) continue
        if (typeof flag === 'boolean') partner[key] = flag
        else warning(key, 'must be true or false; using false')
      }
    }
    if (settings.title !== undefined) {
      if (typeof settings.title === 'string' && settings.title.trim())
        partner.title = settings.title.trim()
      else warning('title', 'must be a non-empty string; ignored')
    }
    partners.push(partner)
  }
  return { partners, messages }
}

/** What one partner gets for one article. */
export type PartnerDocument =
  | { partner: Partner; format: 'ninjs'; document: NinjsDocument }
  | { partner: Partner; format: 'jsonfeed'; document: JsonFeed }
  | { partner: Partner; format: 'jsonld'; document: NewsArticleJsonLd }

/** A partner that gets nothing for this article, and why. */
export interface SkippedPartner {
  partner: Partner
  /** Why (`publicationGate`: `draft`, `withheld`, `canceled`, `embargoed`), or `no-base-url` or `invalid`. */
  code: GateCode | 'no-base-url' | 'invalid'
  reason: string
}

export interface PartnerDocumentsOptions {
  /** The moment embargoes are measured against (`Date` or epoch ms). Required: the package never reads the clock. */
  now: Date | number
  /** Files built from the same article (EPUB, PDF): ninjs `renditions`, JSON Feed `attachments`. Default: none. */
  renditions?: readonly Rendition[]
  /**
   * The article's folder (where its images are published) relative to a
   * partner's `baseUrl`. Default: `<slug>/`, the CLI's output layout.
   */
  articleFolder?: (article: Article) => string
  /** The item's version (from the delivery log), written into ninjs documents. Default: none. */
  revision?: Revision
  /**
   * Whether a partner received an earlier version of the article (from a delivery log). When
   * given, a canceled article goes, as a kill, to exactly the ninjs partners that received it,
   * whatever their `canceled` setting, and the others are skipped saying why (`publicationGate`).
   * Default: the partners' `canceled` settings decide.
   */
  received?: (partner: Partner) => boolean
  /** Receives warnings from the writers. Default: none. */
  report?: Report
}

/**
 * The document every partner gets for `article`, and the partners that get
 * none with the reason. Which partner may have the article is `publicationGate`'s
 * decision: drafts go nowhere; withheld and canceled articles go only to ninjs
 * partners that opt in; an embargoed article goes out once `now` has reached
 * the embargo, or before to ninjs partners that opt in (`embargoed: true`).
 */
export function partnerDocuments(
  article: Article,
  partners: readonly Partner[],
  options: PartnerDocumentsOptions,
): { documents: PartnerDocument[]; skipped: SkippedPartner[] } {
  const now = epochMs(options.now)
  if (!Number.isFinite(now))
    throw new TypeError('partnerDocuments: `now` must be a valid Date or epoch milliseconds')
  const documents: PartnerDocument[] = []
  const skipped: SkippedPartner[] = []
  const { meta } = article
  const folder = options.articleFolder?.(article) ?? `${encodeURIComponent(meta.slug)}/`
  for (const partner of partners) {
    const articleBase = partner.baseUrl ? resolveUrl(folder, partner.baseUrl) : undefined
    const [block] = publicationGate(meta, {
      now,
      partner,
      ...(options.received ? { received: options.received(partner) } : {}),
    })
    if (block) {
      skipped.push({ partner, code: block.code, reason: block.reason })
      continue
    }
    try {
      if (partner.format === 'ninjs') {
        documents.push({
          partner,
          format: 'ninjs',
          document: toNinjs(article, {
            version: partner.version,
            fields: partner.fields,
            ...(articleBase ? { baseUrl: articleBase } : {}),
            ...(options.renditions ? { renditions: options.renditions } : {}),
            ...(options.revision ? { revision: options.revision } : {}),
            ...(options.report ? { report: options.report } : {}),
          }),
        })
      } else if (partner.format === 'jsonld') {
        documents.push({
          partner,
          format: 'jsonld',
          document: toJsonLd(article, {
            ...(articleBase ? { baseUrl: articleBase } : {}),
            ...(options.report ? { report: options.report } : {}),
          }),
        })
      } else {
        const baseUrl = partner.baseUrl ?? safeUrl(meta.publisher?.url)
        if (!baseUrl) {
          skipped.push({
            partner,
            code: 'no-base-url',
            reason: 'a JSON Feed needs a base URL: set `base_url` for the partner or in the config',
          })
          continue
        }
        const renditions = options.renditions
        documents.push({
          partner,
          format: 'jsonfeed',
          document: toJsonFeed([article], {
            title: partner.title ?? meta.publisher?.name ?? partner.name,
            baseUrl,
            articleFolder: () => folder,
            // `feed_url` names this document (where the CLI writes it), not the publication's feed.
            feedPath: `${folder}${partnerDocumentFile(partner, { url: true })}`,
            ...(renditions ? { renditions: () => renditions } : {}),
            ...(options.report ? { report: options.report } : {}),
          }),
        })
      }
    } catch (error) {
      if (!(error instanceof SchemaValidationError)) throw error
      skipped.push({ partner, code: 'invalid', reason: error.message })
    }
  }
  return { documents, skipped }
}
