import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { configFileNames, type PublicationConfig, parseConfig } from '@pressroom/article'
import type { MessageData } from './messages.js'
import { toData } from './messages.js'

export interface LoadedConfig {
  config: PublicationConfig
  messages: MessageData[]
  /** SHA-256 of the config's text ('' without one): part of every cache key. */
  hash: string
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
  let current = path.resolve(folder)
  // Look up to the working folder when the article is inside it (an article in content/desk/ gets
  // content/pressroom.yaml); otherwise no higher than the folder named on the command line.
  const cwd = process.cwd()
  const insideCwd = current === cwd || current.startsWith(cwd + path.sep)
  const limit = insideCwd ? cwd : stop ? path.resolve(stop) : undefined
  for (;;) {
    for (const name of configFileNames) {
      const file = path.join(current, name)
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch {
        continue
      }
      const relative = path.relative(process.cwd(), file) || file
      const { config, messages } = parseConfig(text, relative)
      return {
        config,
        messages: messages.map(toData),
        hash: createHash('sha256').update(text).digest('hex'),
      }
    }
    const parent = path.dirname(current)
    if (
      parent === current ||
      (limit !== undefined && current === limit) ||
      (limit !== undefined && !current.startsWith(limit))
    )
      break
    current = parent
  }
  return { config: { sections: {} }, messages: [], hash: '' }
}
