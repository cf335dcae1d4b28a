import path from 'node:path'
import {
  type Article,
  type ArticleImage,
  headingOffsetOf,
  loadConfig,
  type PublicationConfig,
  parseArticle,
  readArticle,
  resolveDefinitions,
  resolveFootnotes,
} from '@pressroom/article'
import type { Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { contentDir, contentPath } from './paths.js'

let contentConfig: Promise<PublicationConfig> | undefined

/** The publication config of `content/` (`pressroom.yaml`), read once. */
export function contentConfiguration(): Promise<PublicationConfig> {
  contentConfig ??= loadConfig(contentDir).then(({ config }) => config)
  return contentConfig
}

const cache = new Map<string, Promise<Article>>()

/**
 * An article of `content/` read with the publication config, as the CLI reads it. `name` is a name
 * from `contentNames` (`seawater-to-tap-water`) or a path. The result is cached per file (so do not
 * change it: `structuredClone` it first); `fresh: true` reads and parses the file again.
 */
export function contentArticle(name: string, options: { fresh?: boolean } = {}): Promise<Article> {
  const file = name.endsWith('.md') ? path.resolve(name) : contentPath(name)
  const read = () => contentConfiguration().then((config) => readArticle(file, { config }))
  if (options.fresh) return read()
  let article = cache.get(file)
  if (!article) {
    article = read()
    cache.set(file, article)
  }
  return article
}

/**
 * A Markdown string (frontmatter included) parsed into an Article as if it were a file in
 * `content/` (`content/test-article.md`), with the publication config.
 */
export async function contentMarkdown(markdown: string): Promise<Article> {
  return parseArticle(markdown, {
    path: path.join(contentDir, 'test-article.md'),
    config: await contentConfiguration(),
  })
}

/** A body (and frontmatter) through the real reader, without a publication config. */
export async function parsed(
  body: string,
  frontmatter = 'title: Test\nlanguage: en',
): Promise<Article> {
  return parseArticle(`---\n${frontmatter}\n---\n\n${body}`, { path: 'test.md' })
}

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

/** An Article built by hand around a tree (no reader involved: nothing cleaned up for us). */
export function articleFromTree(tree: Root, options: BuildOptions = {}): Article {
  const language = options.language ?? 'en'
  const path = options.path ?? 'test.md'
  // Footnotes and definitions resolved by the reader's rule (the first of each identifier wins; each
  // later one is a message), as every Article has them.
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
      headingOffset: headingOffsetOf(tree),
    },
    footnotes,
    definitions: resolved.definitions,
    images: options.images ?? [],
    sourceHash: '0'.repeat(64),
    messages,
  }
}

/** Markdown (CommonMark + GFM) parsed with mdast-util-from-markdown alone, as an Article. */
export function articleFromMarkdown(markdown: string, options: BuildOptions = {}): Article {
  const tree = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  })
  return articleFromTree(tree, options)
}

/**
 * A short article with two corrections in `language`, one dated by day and one with a time, the
 * second with markup-like text that must be escaped (`& <b>`): the corrections tests' article.
 */
export function correctedSource(language: string): string {
  return `---
title: The harbour wakes before dawn
language: ${language}
published: 2024-03-01
rights: © Pressroom Sample Desk
corrections:
  - date: 2024-03-02
    text: An earlier version gave the wrong number of containers.
  - date: 2024-03-03T10:00:00Z
    text: The crane is number 7, not 9 & <b>not</b> 8.
---

The night shift has unloaded 1,200 containers.
`
}
