import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { slug as githubSlug } from 'github-slugger'
import type { Root, Yaml } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import type { Point, Position } from 'unist'
import type { VFileMessage } from 'vfile-message'
import type { Article, ArticleMeta } from '../types.js'
import type { PublicationConfig } from './config.js'
import { resolveDefinitions } from './definitions.js'
import { countWords, deriveSummary, headingOffsetOf, plainTextOf } from './derived.js'
import { FieldReader } from './fields.js'
import {
  datedFileName,
  emptyFrontmatter,
  pandocTitleBlock,
  parseTomlFrontmatter,
} from './frontmatter.js'
import { findTooComplex } from './guard.js'
import { collectImageUses, resolveImages } from './images.js'
import { directionOf, languageFromFileName } from './language.js'
import { resolveLinks } from './links.js'
import { createMessage } from './messages.js'
import { inlineText, readMeta } from './meta.js'
import { parseMarkdown } from './processor.js'
import { replaceTemplates } from './templates.js'
import { transformTree } from './transform.js'
import { parseYaml } from './yaml.js'

export interface ParseOptions {
  /** Path of the source file: messages name it, the slug defaults to its name, images resolve beside it. */
  path?: string
  /** The folder images may be read from (default: the folder of `path`; none without a path). */
  folder?: string
  /**
   * Folder that site-absolute paths (`/assets/x.png`) start from, and that
   * relative paths may not leave (default: `config.siteRoot` for the first,
   * the config's folder for the second; else the article's folder).
   */
  siteRoot?: string
  /** Publication-wide defaults (from `loadConfig`). */
  config?: PublicationConfig
  /** Largest source accepted, in bytes (default 4 MiB). */
  maxBytes?: number
  /** Reading speed for `readingTimeMinutes` (default 230 words a minute). */
  wordsPerMinute?: number
}

export const defaultMaxBytes = 4 * 1024 * 1024

/**
 * Parse a canonical article (YAML frontmatter + Markdown) into an `Article`.
 *
 * Never throws for a problem in the input: every problem is a message (with
 * `line:column` and a rule id) in `article.messages`; errors have `fatal: true`
 * and mean the article must not be rendered.
 */
export async function parseArticle(
  source: string | Uint8Array,
  options: ParseOptions = {},
): Promise<Article> {
  const file = options.path
  const messages: VFileMessage[] = []
  const config: PublicationConfig = options.config ?? { sections: {} }
  const folder = options.folder ?? (file ? path.dirname(path.resolve(file)) : undefined)
  // A page bundle (`posts/tehran-metro/index.md`, Hugo) is named by its folder.
  let baseName = file ? path.basename(file).replace(/\.(md|markdown|mdown|mkd|mdx)$/i, '') : ''
  // Hugo's multilingual pages say their language in the name (`tehran-metro.fa.md`).
  const named = file ? languageFromFileName(baseName) : undefined
  if (named) baseName = named.rest
  if (file && /^_?index$/i.test(baseName))
    baseName = path.basename(path.dirname(path.resolve(file))) || baseName
  const dated = datedFileName(baseName)
  const fileDate = dated?.date
  const fileSlug = file ? githubSlug(dated?.rest ?? baseName) : undefined
  const bytes = typeof source === 'string' ? undefined : source
  const sourceHash = createHash('sha256').update(source).digest('hex')
  const fail = (
    reason: string,
    ruleId: string,
    place?: Position | { line: number; column: number },
  ) => {
    messages.push(createMessage(file, reason, { place, ruleId, fatal: true }))
    return emptyArticle(file, folder, fileSlug, config, sourceHash, messages)
  }

  const size = bytes ? bytes.byteLength : Buffer.byteLength(source as string)
  const maxBytes = options.maxBytes ?? defaultMaxBytes
  if (size > maxBytes) {
    return fail(tooLarge(size, maxBytes), 'file-too-large', { line: 1, column: 1 })
  }

  let text: string
  if (bytes) {
    if (bytes.includes(0))
      return fail('This is a binary file, not a Markdown article', 'binary-file', {
        line: 1,
        column: 1,
      })
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return fail('This file is not valid UTF-8 text; save it as UTF-8', 'invalid-encoding', {
        line: 1,
        column: 1,
      })
    }
  } else {
    text = source as string
  }
  text = text.replace(/^\uFEFF/, '')

  if (text.trim() === '')
    return fail(
      'The file is empty: an article needs frontmatter with a `title` and a body',
      'empty-file',
      { line: 1, column: 1 },
    )

  // pandoc's `% title` block: read as metadata, its lines left blank (positions stay).
  const titleBlock = pandocTitleBlock(text)
  if (titleBlock) {
    const lines = text.split('\n')
    for (let index = 0; index < titleBlock.lines; index++) lines[index] = ''
    text = lines.join('\n')
  }

  // Site template syntax: read for its meaning, never printed.
  const frontmatterEnd =
    /^(?:---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\r?\n|$)/.exec(text)?.[0]
      .length ?? 0
  const templates = replaceTemplates(text, frontmatterEnd)
  for (const finding of templates.found) {
    messages.push(
      createMessage(
        file,
        `Site template syntax (${finding.kind}, such as \`${finding.example}\`) is not Markdown: read for its meaning, not printed`,
        {
          place: { line: finding.line, column: finding.column },
          ruleId: 'template-syntax',
        },
      ),
    )
  }
  text = templates.text

  // Inputs that would make the parser run for minutes fail here, fast, with the place and a hint.
  const tooComplex = findTooComplex(text)
  if (tooComplex)
    return fail(tooComplex.reason, 'too-complex', {
      line: tooComplex.line,
      column: tooComplex.column,
    })

  const tree: Root = await parseMarkdown(text)

  // Frontmatter: YAML between `---`, TOML between `+++`, or none.
  const first = tree.children[0]
  const frontmatter =
    first?.type === 'yaml' || (first?.type as string) === 'toml'
      ? (first as Yaml | (Omit<Yaml, 'type'> & { type: 'toml' }))
      : undefined
  if (frontmatter) tree.children.shift()
  let meta: ArticleMeta | undefined
  let heroPoint: Point | undefined
  const start = { line: (frontmatter?.position?.start.line ?? 1) + 1, column: 1 }
  const positioned = !frontmatter
    ? emptyFrontmatter()
    : frontmatter.type === 'toml'
      ? parseTomlFrontmatter(frontmatter.value, start)
      : parseYaml(frontmatter.value, start)
  for (const error of positioned.errors) {
    messages.push(
      createMessage(
        file,
        `Invalid ${frontmatter?.type === 'toml' ? 'TOML' : 'YAML'} in the frontmatter: ${error.reason}`,
        { place: error.point, ruleId: 'yaml-syntax', fatal: true },
      ),
    )
  }
  for (const warning of positioned.warnings) {
    messages.push(
      createMessage(file, warning.reason, { place: warning.point, ruleId: warning.ruleId }),
    )
  }
  if (positioned.errors.length === 0) {
    const fields = new FieldReader(
      positioned,
      file,
      messages,
      frontmatter?.position?.start ?? { line: 1, column: 1 },
    )
    let data = positioned.data ?? {}
    if (typeof data !== 'object' || Array.isArray(data)) {
      fields.warn(
        [],
        'The frontmatter must be a mapping of fields (`title: ...`); ignored',
        'frontmatter-type',
      )
      data = {}
    }
    const record = data as Record<string, unknown>
    if (titleBlock) {
      if (record.title === undefined) record.title = titleBlock.title
      if (record.authors === undefined && record.author === undefined && titleBlock.authors.length)
        record.authors = titleBlock.authors
      if (record.published === undefined && record.date === undefined && titleBlock.date)
        record.published = titleBlock.date
    }
    const leading = tree.children.find((node) => node.type !== 'html')
    const fallbackTitle =
      leading?.type === 'heading' && leading.depth <= 2
        ? { text: inlineText(mdastToString(leading).trim()), where: 'the first heading' }
        : undefined
    if (!frontmatter && !titleBlock) {
      messages.push(
        createMessage(
          file,
          fallbackTitle
            ? `No frontmatter: the title is taken from the first heading; start the file with \`---\`, a \`title: ...\` line and \`---\` to set it`
            : 'Missing frontmatter: start the file with `---`, a `title: ...` line and `---`',
          {
            place: { line: 1, column: 1 },
            ruleId: fallbackTitle ? 'missing-frontmatter' : 'missing-title',
            fatal: !fallbackTitle,
          },
        ),
      )
    }
    if (frontmatter || titleBlock || fallbackTitle) {
      meta = await readMeta(record, {
        fields,
        config,
        fileSlug,
        ...(fileDate ? { fileDate } : {}),
        ...(named ? { fileLanguage: named.language } : {}),
        ...(fallbackTitle && (frontmatter || titleBlock)
          ? { fallbackTitle }
          : fallbackTitle
            ? { fallbackTitle: { ...fallbackTitle, quiet: true } }
            : {}),
      })
      const at = 'image' in record ? 'image' : 'cover' in record ? 'cover' : 'featured_image'
      const point = positioned.pointAt([at])
      if (point && frontmatter) heroPoint = point
    }
  }

  const language = meta?.language ?? config.language ?? 'en'
  const footnotes = transformTree(tree, { file, messages, language })
  // The article's own URL: its canonical URL, or where Pressroom publishes it (its id under `base_url`).
  const articleUrl =
    meta?.canonicalUrl ??
    (config.baseUrl && meta ? new URL(`articles/${meta.slug}`, config.baseUrl).href : undefined)
  resolveLinks(tree, { file, messages, ...(articleUrl ? { articleUrl } : {}) })
  const resolved = resolveDefinitions(tree, file)
  messages.push(...resolved.messages)

  const plainText = plainTextOf(tree)
  const hasBody = tree.children.some(
    (node) =>
      node.type !== 'definition' && node.type !== 'footnoteDefinition' && node.type !== 'html',
  )
  if (!hasBody) {
    messages.push(
      createMessage(file, 'The article has no body: write its text below the frontmatter', {
        place: frontmatter?.position?.end ?? { line: 1, column: 1 },
        ruleId: 'empty-body',
        fatal: true,
      }),
    )
  }

  const images = await resolveImages(
    collectImageUses(tree, meta, heroPoint),
    folder,
    file,
    messages,
    options.siteRoot ?? config.siteRoot,
    options.siteRoot ?? (config.path ? path.dirname(path.resolve(config.path)) : undefined),
  )

  const finalMeta: ArticleMeta = meta ?? fallbackMeta(fileSlug, config)
  if (!finalMeta.summary) {
    const summary = deriveSummary(tree)
    if (summary) finalMeta.summary = summary
  }
  const wordCount = countWords(plainText, language)
  const article: Article = {
    meta: finalMeta,
    tree,
    derived: {
      plainText,
      wordCount,
      charCount: [...plainText].length,
      readingTimeMinutes: Math.max(1, Math.ceil(wordCount / (options.wordsPerMinute ?? 230))),
      slug: finalMeta.slug,
      id: finalMeta.id,
      dir: directionOf(language),
      headingOffset: headingOffsetOf(tree),
    },
    footnotes,
    definitions: resolved.definitions,
    images,
    sourceHash,
    messages: sortMessages(messages),
  }
  if (file) article.path = file
  if (folder) article.dir = folder
  return article
}

/** Read an article from disk (only that file and the images in its folder). */
export async function readArticle(
  file: string,
  options: Omit<ParseOptions, 'path'> = {},
): Promise<Article> {
  const unreadable = (reason: string, ruleId: string) =>
    emptyArticle(
      file,
      path.dirname(path.resolve(file)),
      undefined,
      options.config ?? { sections: {} },
      '',
      [createMessage(file, reason, { place: { line: 1, column: 1 }, ruleId, fatal: true })],
    )
  let bytes: Uint8Array
  try {
    const maxBytes = options.maxBytes ?? defaultMaxBytes
    const { size } = await stat(file)
    // Refuse before reading: a huge file is not loaded at all.
    if (size > maxBytes) return unreadable(tooLarge(size, maxBytes), 'file-too-large')
    bytes = new Uint8Array(await readFile(file))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT'
        ? 'No such file'
        : code === 'EISDIR'
          ? 'Is a folder, not an article'
          : `Cannot read the file (${code ?? (error as Error).message})`
    return unreadable(reason, 'unreadable-file')
  }
  return parseArticle(bytes, { ...options, path: file })
}

function fallbackMeta(fileSlug: string | undefined, config: PublicationConfig): ArticleMeta {
  const slug = fileSlug || 'article'
  return {
    title: '',
    authors: [],
    tags: [],
    language: config.language ?? 'en',
    id: config.baseUrl
      ? new URL(`articles/${slug}`, config.baseUrl).href
      : `urn:pressroom:article:${slug}`,
    slug,
    status: 'usable',
  }
}

function emptyArticle(
  file: string | undefined,
  folder: string | undefined,
  fileSlug: string | undefined,
  config: PublicationConfig,
  sourceHash: string,
  messages: VFileMessage[],
): Article {
  const meta = fallbackMeta(fileSlug, config)
  const article: Article = {
    meta,
    tree: { type: 'root', children: [] },
    derived: {
      plainText: '',
      wordCount: 0,
      charCount: 0,
      readingTimeMinutes: 0,
      slug: meta.slug,
      id: meta.id,
      dir: directionOf(meta.language),
      headingOffset: 0,
    },
    footnotes: [],
    definitions: [],
    images: [],
    sourceHash,
    messages,
  }
  if (file) article.path = file
  if (folder) article.dir = folder
  return article
}

function sortMessages(messages: VFileMessage[]): VFileMessage[] {
  return messages
    .map((message, index) => ({ message, index }))
    .sort(
      (a, b) =>
        (a.message.line ?? 0) - (b.message.line ?? 0) ||
        (a.message.column ?? 0) - (b.message.column ?? 0) ||
        a.index - b.index,
    )
    .map(({ message }) => message)
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`
}

function tooLarge(size: number, maxBytes: number): string {
  return `The article is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit for one article; split it, or raise the limit (--max-size)`
}
