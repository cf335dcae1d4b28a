import { slug as githubSlug } from 'github-slugger'
import { toString as mdastToString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { ArticleDate, ArticleMeta, HeroImage, PubStatus } from '../types.js'
import { readAuthors } from './authors.js'
import type { PublicationConfig } from './config.js'
import { readPublisher } from './config.js'
import { readCorrections } from './corrections.js'
import { parseDate } from './dates.js'
import type { FieldReader } from './fields.js'
import { canonicalLanguage } from './language.js'
import { smarten } from './processor.js'

/** Fields of the canonical format. */
const canonicalFields = new Set([
  'title',
  'subtitle',
  'authors',
  'published',
  'updated',
  'section',
  'tags',
  'language',
  'summary',
  'canonical_url',
  'short_url',
  'id',
  'slug',
  'publisher',
  'rights',
  'disclaimer',
  'status',
  'embargo',
  'image',
  'corrections',
  'kicker',
  'expires',
  'draft',
])

/** Fields site generators use for their own templates: no meaning for an article's text, ignored quietly. */
const siteFields = new Set([
  'layout',
  'permalink',
  'comments',
  'toc',
  'weight',
  'menu',
  'aliases',
  'type',
  'url',
  'share',
  'hidden',
  'sidebar_position',
  'sidebar_label',
  'eleventyNavigation',
  'eleventyExcludeFromCollections',
  'templateEngineOverride',
  'math',
  'mermaid',
  'featured',
  'series',
  'showToc',
  'TocOpen',
  'hideSummary',
  'markup',
  'outputs',
  'pagination',
  'redirect_from',
  'excerpt_separator',
  'header',
  'classes',
  'read_time',
  'og_image',
  'wordpress_id',
  'guid',
  'post_id',
  'header_image',
  'thumbnail',
  'render_with_liquid',
  'published_at_ms',
  'hero',
])

/** Conventions of other static-site generators, accepted with a warning. */
const aliases: Record<string, string> = {
  author: 'authors',
  date: 'published',
  lastmod: 'updated',
  modified: 'updated',
  description: 'summary',
  excerpt: 'summary',
  lang: 'language',
  categories: 'tags',
  keywords: 'tags',
  deck: 'subtitle',
  publishdate: 'published',
  publishDate: 'published',
  pubDate: 'published',
  date_published: 'published',
  expirydate: 'expires',
  expiryDate: 'expires',
  expiry_date: 'expires',
  unpublishdate: 'expires',
  cover: 'image',
  featured_image: 'image',
  canonical: 'canonical_url',
  subheadline: 'subtitle',
}

const slugPattern = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u

export interface MetaContext {
  fields: FieldReader
  config: PublicationConfig
  /** Slug from the file name, if the article has one. */
  fileSlug?: string
  /** The date in a `YYYY-MM-DD-slug.md` file name, used when no date is given. */
  fileDate?: string
  /** The language in a `slug.fa.md` file name (Hugo), used when the frontmatter gives none. */
  fileLanguage?: string
  /** A title found elsewhere (a leading `# heading`), used when the frontmatter has none. */
  fallbackTitle?: { text: string; where: string; quiet?: boolean }
}

/** Raw metadata fields before the body is known (`summary` may still be derived). */
export type RawMeta = Omit<ArticleMeta, 'id' | 'slug' | 'language'> & {
  id?: string
  slug?: string
  language?: string
}

function readDate(context: MetaContext, value: unknown, path: string): ArticleDate | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const result = parseDate(value, context.config.timezone)
  if (!result.ok) {
    context.fields.warn(
      [path],
      `Invalid date in \`${path}\`: ${result.reason}; ignored`,
      'invalid-date',
    )
    return undefined
  }
  if (result.assumedOffset) {
    context.fields.warn(
      [path],
      `\`${path}\` has a time but no UTC offset; assuming ${context.config.timezone ?? 'Z'} (write it as ${result.date.dateTime})`,
      'date-without-offset',
    )
  }
  return result.date
}

/** Read, validate and normalise the frontmatter mapping. */
export async function readMeta(
  data: Record<string, unknown>,
  context: MetaContext,
): Promise<ArticleMeta | undefined> {
  const { fields, config } = context
  const values: Record<string, unknown> = {}
  const from: Record<string, string> = {}
  for (const [key, value] of Object.entries(data)) {
    if (canonicalFields.has(key)) {
      values[key] = value
      from[key] = key
      continue
    }
    const target = aliases[key]
    if (target) {
      if (target in data || target in values) {
        fields.warn(
          [key],
          `\`${key}\` is ignored: \`${target}\` is also set`,
          'duplicate-field',
          true,
        )
        continue
      }
      fields.warn(
        [key],
        `\`${key}\` is read as \`${target}\`; prefer \`${target}\``,
        'field-alias',
        true,
      )
      values[target] = key === 'draft' ? (value === true ? 'withheld' : 'usable') : value
      from[target] = key
      continue
    }
    if (siteFields.has(key)) continue
    const guess = closest(key, [...canonicalFields, ...Object.keys(aliases)])
    fields.warn(
      [key],
      `Unknown field \`${key}\`; ignored${guess ? `: did you mean \`${guess}\`?` : ''}`,
      'unknown-field',
      true,
    )
  }
  const at = (field: string) => from[field] ?? field

  let title = fields.string(values.title, [at('title')])
  if (title) title = inlineText(title)
  if (!title && values.title === undefined && context.fallbackTitle) {
    title = context.fallbackTitle.text
    if (!context.fallbackTitle.quiet)
      fields.warn(
        [],
        `No \`title\` in the frontmatter: the title is taken from ${context.fallbackTitle.where}; add \`title: ...\` to set it`,
        'title-from-body',
      )
  }
  if (!title) {
    fields.error(
      values.title === undefined ? [] : [at('title')],
      values.title === undefined
        ? 'Missing `title` in the frontmatter'
        : '`title` must be non-empty text',
      'missing-title',
    )
    return undefined
  }

  const meta: ArticleMeta = {
    title,
    authors: await readAuthors(fields, values.authors, at('authors'), config.authors),
    tags: fields.strings(values.tags, [at('tags')]),
    language: '',
    id: '',
    slug: '',
    status: 'usable',
  }
  const subtitle = fields.string(values.subtitle, [at('subtitle')])
  if (subtitle) meta.subtitle = inlineText(subtitle)
  // The label above the title, decided once: the `kicker` as written, else the section (set below).
  const kicker = fields.string(values.kicker, [at('kicker')])
  if (kicker) meta.kicker = inlineText(kicker)
  const published =
    readDate(context, values.published, at('published')) ??
    (context.fileDate ? readDate(context, context.fileDate, at('published')) : undefined)
  if (published) meta.published = published
  const expires = readDate(context, values.expires, at('expires'))
  if (expires) meta.expires = expires
  if (values.draft === true || values.draft === 'true') {
    meta.draft = true
    fields.warn(
      [at('draft')],
      'This article is a draft (`draft: true`): it is skipped; remove the line to publish it',
      'draft',
      true,
    )
  }
  const updated = readDate(context, values.updated, at('updated'))
  if (updated) meta.updated = updated
  if (published && updated && updated.epochMs < published.epochMs) {
    fields.warn([at('updated')], '`updated` is earlier than `published`', 'date-order')
  }
  const section = fields.string(values.section, [at('section')])
  if (section) meta.section = section
  if (!meta.kicker && meta.section) meta.kicker = meta.section

  const languageText = fields.string(values.language, [at('language')])
  if (languageText) {
    const canonical = canonicalLanguage(languageText)
    if (canonical) meta.language = canonical
    else
      fields.warn(
        [at('language')],
        `\`${languageText}\` is not a BCP 47 language tag (such as en, en-GB, ar); using the default`,
        'invalid-language',
      )
  }
  meta.language ||= context.fileLanguage ?? config.language ?? 'en'

  const summary = fields.string(values.summary, [at('summary')])
  if (summary) meta.summary = summary
  const canonicalUrl = fields.url(values.canonical_url, [at('canonical_url')])
  if (canonicalUrl) meta.canonicalUrl = canonicalUrl
  const shortUrl = fields.url(values.short_url, [at('short_url')])
  if (shortUrl) meta.shortUrl = shortUrl

  const slugText = fields.string(values.slug, [at('slug')])
  if (slugText && !slugPattern.test(slugText)) {
    fields.warn(
      [at('slug')],
      `\`slug\` should be lowercase words joined by hyphens; using \`${githubSlug(slugText)}\``,
      'invalid-slug',
    )
  }
  meta.slug = (slugText ? githubSlug(slugText) : context.fileSlug) || githubSlug(title) || 'article'

  const idText = fields.string(values.id, [at('id')])
  if (idText) {
    if (/^[a-z][a-z0-9+.-]*:\S+$/i.test(idText)) meta.id = idText
    else
      fields.warn(
        [at('id')],
        `\`id\` must be an absolute URI (https:, urn:, tag:), not \`${idText}\`; using the default`,
        'invalid-id',
      )
  }
  meta.id ||= config.baseUrl
    ? new URL(`articles/${meta.slug}`, config.baseUrl).href
    : `urn:pressroom:article:${meta.slug}`

  const publisher =
    values.publisher === undefined
      ? config.publisher
      : readPublisher(fields, values.publisher, [at('publisher')])
  if (publisher) meta.publisher = publisher
  const rights = fields.string(values.rights, [at('rights')]) ?? config.rights
  if (rights) meta.rights = rights
  const disclaimer = fields.string(values.disclaimer, [at('disclaimer')]) ?? config.disclaimer
  if (disclaimer) meta.disclaimer = disclaimer

  const status = fields.string(values.status, [at('status')])
  if (status) {
    if (status === 'usable' || status === 'withheld' || status === 'canceled')
      meta.status = status as PubStatus
    else
      fields.warn(
        [at('status')],
        `\`status\` must be usable, withheld or canceled, not \`${status}\`; using usable`,
        'invalid-status',
      )
  }
  if (meta.draft && !status) meta.status = 'withheld'
  const embargo = readDate(context, values.embargo, at('embargo'))
  if (embargo) meta.embargo = embargo

  const image = readHero(fields, values.image, at('image'))
  if (image) meta.image = image
  const corrections = await readCorrections(fields, config, values.corrections, at('corrections'))
  if (corrections.length > 0) meta.corrections = corrections

  // The body gets smart typography; so do the texts a reader sees around it.
  meta.title = await smarten(meta.title)
  if (meta.subtitle) meta.subtitle = await smarten(meta.subtitle)
  if (meta.summary) meta.summary = await smarten(meta.summary)
  if (meta.disclaimer) meta.disclaimer = await smarten(meta.disclaimer)
  if (meta.image?.caption) meta.image.caption = await smarten(meta.image.caption)
  return meta
}

/**
 * A title or subtitle as a site shows it: inline Markdown and HTML entities
 * read (`\`code\``, `*em*`, `&amp;` give their text), raw HTML tags left out.
 */
export function inlineText(text: string): string {
  if (!/[`*_&<\\[]/.test(text)) return text
  const tree = inlineProcessor.parse(text)
  const block = tree.children.length === 1 ? tree.children[0] : undefined
  if (block?.type !== 'paragraph') return text
  // An HTML tag (`<em>`, `</b>`) is markup; anything else in angle brackets (`<sea>`) is text.
  const result = block.children
    .filter((node) => node.type !== 'html' || !htmlTag.test(node.value))
    .map((node) => mdastToString(node))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
  return result || text
}

const htmlTag =
  /^<\/?(a|abbr|b|br|cite|code|del|em|i|ins|kbd|mark|q|s|small|span|strong|sub|sup|u|var|wbr)\b[^>]*>$/i

const inlineProcessor = unified().use(remarkParse).use(remarkGfm).freeze()

/** The candidate nearest to `word` (case differences first), if near enough to be a misspelling. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase()
  const same = candidates.find((candidate) => candidate.toLowerCase() === lower)
  if (same) return same
  let best: string | undefined
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** Damerau-Levenshtein (optimal string alignment) distance. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1)
    }
  }
  return rows[a.length][b.length]
}

function readHero(fields: FieldReader, value: unknown, at: string): HeroImage | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') {
    fields.warn(
      [at],
      '`image` has no `alt` text: give it as `image: {src, alt}` so that readers who cannot see it know what it shows',
      'missing-alt',
    )
    return value.trim() ? { src: value.trim(), alt: '' } : undefined
  }
  const data = fields.mapping(value, [at])
  if (!data) return undefined
  const src = fields.string(data.src, [at, 'src'])
  if (!src) {
    fields.warn([at], '`image` needs a `src`; ignored', 'missing-field')
    return undefined
  }
  const alt = fields.string(data.alt, [at, 'alt'])
  if (!alt) fields.warn([at], '`image` has no `alt` text', 'missing-alt')
  const hero: HeroImage = { src, alt: alt ?? '' }
  const caption = fields.string(data.caption, [at, 'caption'])
  if (caption) hero.caption = caption
  const credit = fields.string(data.credit, [at, 'credit'])
  if (credit) hero.credit = credit
  return hero
}
