import {
  type Article,
  type ArticleImage,
  parseArticle,
  resolveDefinitions,
  resolveFootnotes,
} from '@pressroom/article'
import type { Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { SaxesParser } from 'saxes'
import type { VFileMessage } from 'vfile-message'
import { toXhtml, type XhtmlOptions, type XhtmlResult } from '../src/index.js'

export const XHTML_NS = 'http://www.w3.org/1999/xhtml'
export const EPUB_NS = 'http://www.idpf.org/2007/ops'

/** An ok PNG image entry as the reader would give it. */
export function okImage(src: string, extra: Partial<ArticleImage> = {}): ArticleImage {
  return {
    src,
    status: 'ok',
    path: src,
    mediaType: 'image/png',
    extension: 'png',
    width: 10,
    height: 20,
    bytes: new Uint8Array([137, 80, 78, 71]),
    sha256: '0'.repeat(64),
    ...extra,
  }
}

export interface BuildOptions {
  language?: string
  images?: ArticleImage[]
  path?: string
}

/**
 * An Article built by hand around a tree (no reader involved: nothing cleaned up for us), but
 * with its footnotes resolved by the reader's rule (`resolveFootnotes`: the first definition
 * wins; each later one is a `duplicate-footnote` message in `messages`), as every Article has.
 */
export function articleFromTree(tree: Root, options: BuildOptions = {}): Article {
  const language = options.language ?? 'en'
  const path = options.path ?? 'test.md'
  const { footnotes, messages } = resolveFootnotes(tree, path)
  const resolved = resolveDefinitions(tree, path)
  messages.push(...resolved.messages)
  return {
    path,
    meta: {
      title: 'Test',
      authors: [],
      tags: [],
      language,
      id: 'urn:test',
      slug: 'test',
      status: 'usable',
    },
    tree,
    derived: {
      plainText: '',
      wordCount: 0,
      charCount: 0,
      readingTimeMinutes: 1,
      slug: 'test',
      id: 'urn:test',
      dir: /^(ar|he|fa|ur)\b/.test(language) ? 'rtl' : 'ltr',
    },
    footnotes,
    definitions: resolved.definitions,
    images: options.images ?? [],
    sourceHash: '0'.repeat(64),
    messages,
  }
}

/** Markdown (CommonMark + GFM) parsed with mdast-util-from-markdown, as an Article. */
export function articleFromMarkdown(markdown: string, options: BuildOptions = {}): Article {
  const tree = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  })
  return articleFromTree(tree, options)
}

/** A canonical article (frontmatter + body) through the real reader. */
export async function parsed(
  body: string,
  frontmatter = 'title: Test\nlanguage: en',
): Promise<Article> {
  return parseArticle(`---\n${frontmatter}\n---\n\n${body}`, { path: 'test.md' })
}

/** Render and collect messages. */
export function render(
  article: Article,
  options: XhtmlOptions = {},
): XhtmlResult & { messages: VFileMessage[]; rules: string[] } {
  const messages: VFileMessage[] = []
  const result = toXhtml(article, { ...options, report: (message) => messages.push(message) })
  wellFormed(result.xhtml)
  return { ...result, messages, rules: messages.map((message) => String(message.ruleId)) }
}

/** Render Markdown (from-markdown + GFM) in one go. */
export function md(markdown: string, options: XhtmlOptions & BuildOptions = {}) {
  return render(articleFromMarkdown(markdown, options), options)
}

/**
 * Parse the fragment with a real XML parser (saxes), wrapped in an XHTML
 * `<div>` declaring the epub namespace. Throws on any well-formedness error.
 */
export function wellFormed(fragment: string): {
  elements: string[]
  attributes: Array<[name: string, value: string]>
} {
  const parser = new SaxesParser({ xmlns: true })
  const elements: string[] = []
  const attributes: Array<[string, string]> = []
  let failure: Error | undefined
  parser.on('error', (error) => {
    failure ??= error
  })
  parser.on('opentag', (tag) => {
    elements.push(tag.name)
    for (const attribute of Object.values(tag.attributes)) {
      if (!attribute.name.startsWith('xmlns')) attributes.push([attribute.name, attribute.value])
    }
    if (tag.uri !== XHTML_NS) failure ??= new Error(`Element ${tag.name} outside XHTML namespace`)
  })
  parser.write(`<div xmlns="${XHTML_NS}" xmlns:epub="${EPUB_NS}">${fragment}</div>`).close()
  if (failure) throw failure
  return { elements: elements.slice(1), attributes }
}
