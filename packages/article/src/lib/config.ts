import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { VFileMessage } from 'vfile-message'
import type { Publisher } from '../types.js'
import { normaliseOffset } from './dates.js'
import { FieldReader } from './fields.js'
import { canonicalLanguage } from './language.js'
import { createMessage } from './messages.js'
import { parseYaml } from './yaml.js'

/** Names the publication config may have, looked up in this order in a content folder. */
export const configFileNames = ['pressroom.yaml', 'pressroom.yml'] as const

/** Publication-wide defaults, from `pressroom.yaml` in the content folder. */
export interface PublicationConfig {
  /** Where the config was read from, if from a file. */
  path?: string
  publisher?: Publisher
  /** Where the built files are published, ending in `/`; ids and links derive from it. */
  baseUrl?: string
  /** Default language (BCP 47). */
  language?: string
  /** UTC offset for date-only values and date-times written without one (`+03:00`, `Z`). */
  timezone?: string
  rights?: string
  disclaimer?: string
  /**
   * Authors by slug (`authors: {miatta-myers: {name, bio, url}}`): an article
   * that names an author by slug gets the entry written here.
   */
  authors?: Record<string, unknown>
  /**
   * Absolute folder that site-absolute paths (`/assets/x.png`) start from
   * (`site_root`, relative to the config's folder; default: that folder).
   * Nothing outside it is ever read.
   */
  siteRoot?: string
  /** Every other top-level section (`partners`, ...) as written, for the packages that own them. */
  sections: Record<string, unknown>
}

/** The top-level keys the reader reads itself; every other one goes to `sections` as written. */
export const readerConfigKeys: readonly string[] = [
  'publisher',
  'base_url',
  'language',
  'timezone',
  'rights',
  'disclaimer',
  'authors',
  'site_root',
]
const known = new Set(readerConfigKeys)

/** Parse and validate the text of a publication config. */
export function parseConfig(
  text: string,
  file?: string,
): { config: PublicationConfig; messages: VFileMessage[] } {
  const messages: VFileMessage[] = []
  const config: PublicationConfig = { sections: {} }
  if (file) config.path = file
  const yaml = parseYaml(text)
  for (const error of yaml.errors) {
    messages.push(
      createMessage(file, `Invalid YAML: ${error.reason}`, {
        place: error.point,
        ruleId: 'yaml-syntax',
        fatal: true,
      }),
    )
  }
  for (const warning of yaml.warnings) {
    messages.push(
      createMessage(file, warning.reason, { place: warning.point, ruleId: warning.ruleId }),
    )
  }
  if (yaml.errors.length > 0) return { config, messages }
  const fields = new FieldReader(yaml, file, messages, { line: 1, column: 1 })
  if (yaml.data === undefined || yaml.data === null) return { config, messages }
  const data = fields.mapping(yaml.data, [])
  if (!data) return { config, messages }

  const publisher = readPublisher(fields, data.publisher, ['publisher'])
  if (publisher) config.publisher = publisher
  const baseUrl = fields.url(data.base_url, ['base_url'])
  if (baseUrl) config.baseUrl = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  const language = fields.string(data.language, ['language'])
  if (language) {
    const canonical = canonicalLanguage(language)
    if (canonical) config.language = canonical
    else
      fields.warn(
        ['language'],
        `\`${language}\` is not a BCP 47 language tag (such as en, en-GB, ar); ignored`,
        'invalid-language',
      )
  }
  const timezone = fields.string(data.timezone, ['timezone'])
  if (timezone) {
    const offset = normaliseOffset(timezone)
    if (offset) config.timezone = offset
    else
      fields.warn(
        ['timezone'],
        `\`${timezone}\` is not a UTC offset such as +03:00 or Z; using Z`,
        'invalid-timezone',
      )
  }
  const rights = fields.string(data.rights, ['rights'])
  if (rights) config.rights = rights
  const disclaimer = fields.string(data.disclaimer, ['disclaimer'])
  if (disclaimer) config.disclaimer = disclaimer
  const authors = fields.mapping(data.authors, ['authors'])
  if (authors) config.authors = authors
  const siteRoot = fields.string(data.site_root, ['site_root'])
  const folder = file ? path.dirname(path.resolve(file)) : undefined
  if (folder) {
    const root = path.resolve(folder, siteRoot ?? '.')
    const relative = path.relative(folder, root)
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      fields.warn(
        ['site_root'],
        `\`site_root\` must be a folder inside the content folder, not \`${siteRoot}\`; using the content folder`,
        'invalid-site-root',
      )
      config.siteRoot = folder
    } else {
      config.siteRoot = root
    }
  }
  for (const [key, value] of Object.entries(data)) {
    if (!known.has(key)) config.sections[key] = value
  }
  return { config, messages }
}

export function readPublisher(
  fields: FieldReader,
  value: unknown,
  at: string[],
): Publisher | undefined {
  if (typeof value === 'string') return value.trim() ? { name: value.trim() } : undefined
  const data = fields.mapping(value, at)
  if (!data) return undefined
  const name = fields.string(data.name, [...at, 'name'])
  if (!name) {
    fields.warn(at, '`publisher` needs a `name`; ignored', 'missing-field')
    return undefined
  }
  const url = fields.url(data.url, [...at, 'url'])
  return url ? { name, url } : { name }
}

export interface LoadConfigOptions {
  /**
   * Look in the parent folders too, up to and including this one (the folder named on the command
   * line, or the file system's root): an article in `content/desk/` gets `content/pressroom.yaml`.
   * Default: only `folder` itself.
   */
  upTo?: string
  /** Name the file in messages relative to this folder (the working folder). Default: its path. */
  relativeTo?: string
}

export interface LoadedConfig {
  config: PublicationConfig
  messages: VFileMessage[]
  /** The file read, if any. */
  file?: string
  /** Its text, for those who check sections the reader leaves to them (and cache keys). */
  text?: string
}

/**
 * Find and read the publication config of a content folder (`pressroom.yaml`, `pressroom.yml`,
 * `pressroom.toml`...): the one loader, for the CLI too. A folder without one gives an empty
 * config and no message.
 */
export async function loadConfig(
  folder: string,
  options: LoadConfigOptions = {},
): Promise<LoadedConfig> {
  let current = path.resolve(folder)
  const limit = options.upTo === undefined ? current : path.resolve(options.upTo)
  for (;;) {
    for (const name of configFileNames) {
      const file = path.join(current, name)
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') continue
        throw error
      }
      const shown =
        options.relativeTo === undefined ? file : path.relative(options.relativeTo, file) || file
      return { ...parseConfig(text, shown), file, text }
    }
    const parent = path.dirname(current)
    if (parent === current || current === limit || !current.startsWith(limit)) break
    current = parent
  }
  return { config: { sections: {} }, messages: [] }
}
