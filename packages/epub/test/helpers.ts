import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { EpubCheck } from '@likecoin/epubcheck-ts'
import { type Article, loadConfig, readArticle } from '@pressroom/article'
import JSZip from 'jszip'
import { SaxesParser } from 'saxes'

export const execFileAsync = promisify(execFile)
export const here = path.dirname(fileURLToPath(import.meta.url))
export const packageDir = path.resolve(here, '..')
export const contentDir = path.resolve(here, '../../../content')
export const hostilePath = path.join(here, 'fixtures/hostile/hostile.md')

/** The articles in `content/` this package is checked against. */
export const contentNames = [
  'pakistan-restores-deterrence',
  'seawater-to-tap-water',
  'al-marjan-electric-buses',
  'halvard-council-vote-embargoed',
] as const

const cache = new Map<string, Promise<Article>>()

/** Read an article from `content/` with the publication config, as the CLI does. */
export function contentArticle(name: string): Promise<Article> {
  let article = cache.get(name)
  if (!article) {
    article = loadConfig(contentDir).then(({ config }) =>
      readArticle(path.join(contentDir, `${name}.md`), { config }),
    )
    cache.set(name, article)
  }
  return article
}

/** The hostile fixture (raw HTML, scripts, control characters, duplicate headings, remote/missing/SVG images). */
export function hostileArticle(): Promise<Article> {
  return readArticle(hostilePath)
}

/** Every entry of an EPUB: path -> text (or bytes for binary files). */
export async function unzip(bytes: Uint8Array): Promise<{
  names: string[]
  text: (name: string) => Promise<string>
  bytes: (name: string) => Promise<Uint8Array>
  zip: JSZip
}> {
  const zip = await JSZip.loadAsync(bytes)
  return {
    zip,
    names: Object.keys(zip.files),
    text: async (name) => {
      const file = zip.file(name)
      if (!file) throw new Error(`no ${name} in the EPUB`)
      return file.async('string')
    },
    bytes: async (name) => {
      const file = zip.file(name)
      if (!file) throw new Error(`no ${name} in the EPUB`)
      return file.async('uint8array')
    },
  }
}

/** A parsed XML element (namespaces resolved). */
export interface XmlElement {
  name: string
  uri: string
  local: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
}

/** Parse XML strictly (throws on any well-formedness error). */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true })
  const root: XmlElement = {
    name: '#document',
    uri: '',
    local: '',
    attributes: {},
    children: [],
    text: '',
  }
  const stack: XmlElement[] = [root]
  parser.on('error', (error) => {
    throw error
  })
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {}
    for (const [name, attribute] of Object.entries(tag.attributes)) {
      attributes[name] = typeof attribute === 'string' ? attribute : attribute.value
    }
    const element: XmlElement = {
      name: tag.name,
      uri: tag.uri ?? '',
      local: tag.local ?? tag.name,
      attributes,
      children: [],
      text: '',
    }
    stack[stack.length - 1]?.children.push(element)
    stack.push(element)
  })
  parser.on('text', (text) => {
    for (const element of stack) element.text += text
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.write(xml).close()
  return root
}

/** Every element below `root` (depth first) matching a predicate. */
export function findAll(
  root: XmlElement,
  predicate: (element: XmlElement) => boolean,
): XmlElement[] {
  const out: XmlElement[] = []
  const walk = (element: XmlElement): void => {
    for (const child of element.children) {
      if (predicate(child)) out.push(child)
      walk(child)
    }
  }
  walk(root)
  return out
}

/** The fast validator (TypeScript port of EPUBCheck): errors and warnings as `ID: message` lines. */
export async function epubcheckTs(bytes: Uint8Array): Promise<string[]> {
  const result = await EpubCheck.validate(bytes)
  return result.messages
    .filter(
      (message) =>
        message.severity === 'error' ||
        message.severity === 'fatal' ||
        message.severity === 'warning',
    )
    .map(
      (message) =>
        `${message.id}: ${message.message} (${message.location?.path ?? ''}:${message.location?.line ?? ''})`,
    )
}

export const javaEpubcheck = '/usr/share/java/epubcheck.jar'

export async function exists(file: string): Promise<boolean> {
  try {
    await readFile(file)
    return true
  } catch {
    return false
  }
}
