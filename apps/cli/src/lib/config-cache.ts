import { createHash } from 'node:crypto'
import path from 'node:path'
import { loadConfig, type PublicationConfig, readerConfigKeys } from '@pressroom/article'
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml'
import type { MessageData } from './messages.js'
import { toData } from './messages.js'

/**
 * The publication config as the CLI reads it: once per run (and thread), here only. Everything
 * else (partners, destinations, formats) works from this, never from the file again.
 */
export interface LoadedConfig {
  config: PublicationConfig
  /** Every problem in it, with positions: the reader's, unknown keys, and the `partners:` entries. */
  messages: MessageData[]
  /** SHA-256 of the config's text ('' without one): part of every cache key. */
  hash: string
  /** The config's text ('' without one): sections read with positions (destinations). */
  text: string
}

const cache = new Map<string, Promise<LoadedConfig>>()

/**
 * The publication config that applies to an article folder: the nearest `pressroom.yaml`, looking up
 * to the working folder (or, for articles outside it, up to `stop`, the folder given on the command line).
 */
export function configFor(folder: string, stop?: string): Promise<LoadedConfig> {
  const key = `${folder}\0${stop ?? ''}`
  let found = cache.get(key)
  if (!found) {
    found = find(folder, stop)
    cache.set(key, found)
  }
  return found
}

/** Forget cached configs (watch mode, after a config changed). */
export function clearConfigCache(): void {
  cache.clear()
}

async function find(folder: string, stop?: string): Promise<LoadedConfig> {
  const current = path.resolve(folder)
  // Look up to the working folder when the article is inside it (an article in content/desk/ gets
  // content/pressroom.yaml); otherwise no higher than the folder named on the command line.
  const cwd = process.cwd()
  const insideCwd = current === cwd || current.startsWith(cwd + path.sep)
  const limit = insideCwd ? cwd : stop ? path.resolve(stop) : path.parse(current).root
  const loaded = await loadConfig(current, { upTo: limit, relativeTo: cwd })
  if (!loaded.file || loaded.text === undefined)
    return { config: { sections: {} }, messages: [], hash: '', text: '' }
  const relative = path.relative(cwd, loaded.file) || loaded.file
  return {
    config: loaded.config,
    messages: [
      ...loaded.messages.map(toData),
      ...(await checkSections(loaded.config, loaded.text, relative)),
    ],
    hash: createHash('sha256').update(loaded.text).digest('hex'),
    text: loaded.text,
  }
}

/** Top-level keys a config may have: the reader's, and the sections other packages read. */
const knownKeys = [...readerConfigKeys, 'partners', 'destinations', 'epub', 'pdf']

/**
 * What the reader leaves to others, checked once per config with positions in the YAML: the
 * `partners:` section (as @pressroom/syndication reads it), and top-level keys that look like a
 * misspelt known one (`parnters`).
 */
async function checkSections(
  config: PublicationConfig,
  text: string,
  file: string,
): Promise<MessageData[]> {
  const messages: MessageData[] = []
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false })
  const at = (fieldPath: string, key = false): { line?: number; column?: number } => {
    const offset = offsetOf(document.contents as YamlNode | null, fieldPath, key)
    if (offset === undefined) return {}
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  for (const key of Object.keys(config.sections)) {
    if (knownKeys.includes(key)) continue
    const near = knownKeys.find((known) => distance(known, key.toLowerCase()) <= 2)
    if (near)
      messages.push({
        file,
        ...at(key, true),
        reason: `Unknown setting \`${key}\`; did you mean \`${near}\`?`,
        ruleId: 'unknown-setting',
        source: 'pressroom',
        fatal: false,
      })
  }
  if (config.sections.partners !== undefined) {
    const { parsePartners } = await import('@pressroom/syndication')
    for (const message of parsePartners(config.sections.partners).messages) {
      messages.push({
        file,
        // An unknown setting at its key, any other problem at its value.
        ...at(message.field, message.message.startsWith('unknown setting')),
        reason: `\`${message.field}\` ${message.message}`,
        ruleId: 'invalid-partner',
        source: 'pressroom-syndication',
        fatal: message.severity === 'error',
      })
    }
  }
  return messages
}

/** The source offset of a dotted field (`partners.wire.desk.format`: keys may hold dots). */
function offsetOf(node: YamlNode | null, fieldPath: string, key: boolean): number | undefined {
  let best = node?.range?.[0]
  let rest = fieldPath
  while (rest && isMap(node)) {
    const pair = node.items
      .filter((item) => isScalar(item.key))
      .map((item) => ({ item, name: String((item.key as { value: unknown }).value) }))
      .filter(({ name }) => rest === name || rest.startsWith(`${name}.`))
      .sort((a, b) => b.name.length - a.name.length)[0]
    if (!pair) break
    rest = rest.slice(pair.name.length + 1)
    const keyNode = pair.item.key as YamlNode
    const value = pair.item.value as YamlNode | null
    best = (!rest && key ? keyNode.range?.[0] : (value?.range?.[0] ?? keyNode.range?.[0])) ?? best
    if (!rest && !key && !value) best = keyNode.range?.[0] ?? best
    node = value
  }
  if (rest && !isMap(node)) {
    // A list index (`fields.3`) or a missing key: the closest node found.
    const index = Number(rest.split('.')[0])
    const items = (node as { items?: YamlNode[] } | null)?.items
    if (Number.isInteger(index) && items?.[index]?.range) return items[index].range?.[0]
  }
  return best
}

/** Levenshtein distance (short strings only). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]
}
