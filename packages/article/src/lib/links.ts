import GithubSlugger from 'github-slugger'
import type { Heading, Link, Parent, PhrasingContent, Root, Text } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import { SKIP, visit } from 'unist-util-visit'
import type { VFileMessage } from 'vfile-message'
import { createMessage } from './messages.js'

export interface LinkContext {
  file: string | undefined
  messages: VFileMessage[]
  /** The article's own absolute URL (its `canonical_url`, or `base_url` + its path). */
  articleUrl?: string
}

/** kramdown heading ids and attribute lists at the end of a heading: `## Title {#id}`, `{: #id .class}`. */
const headingAttributes =
  /\s*\{:?\s*((?:[#.][^\s{}]+|[\w-]+=(?:"[^"]*"|'[^']*'|\S+))(?:\s+(?:[#.][^\s{}]+|[\w-]+=(?:"[^"]*"|'[^']*'|\S+)))*)\s*\}\s*$/

/**
 * Decide ids and link targets once, for every format: headings get the id the
 * site made (`{#id}` where given, else GitHub's slug, unique); `#fragment`
 * links must name one (else they are text, reported); relative and
 * site-absolute links become absolute URLs against the article's own URL, so
 * that no format points outside itself.
 */
export function resolveLinks(tree: Root, context: LinkContext): void {
  const { file, messages } = context
  const slugger = new GithubSlugger()
  const ids = new Set<string>()

  // Explicit ids first, so that slugs never take them.
  const headings: Heading[] = []
  visit(tree, 'heading', (node) => {
    headings.push(node)
    const last = node.children.at(-1)
    if (last?.type !== 'text') return
    const match = headingAttributes.exec(last.value)
    if (!match) return
    last.value = last.value.slice(0, match.index)
    if (!last.value) node.children.pop()
    const id = /(?:^|\s)#([^\s.#{}]+)/.exec(match[1])?.[1]
    if (id) {
      node.data = { ...node.data, id }
      ids.add(id)
    }
  })
  for (const heading of headings) {
    if (heading.data?.id) continue
    let id = slugger.slug(mdastToString(heading).trim()) || 'section'
    while (ids.has(id)) id = slugger.slug(id)
    ids.add(id)
    heading.data = { ...heading.data, id }
  }

  /** Resolve a link's URL in place; true when it must become text. */
  const resolveInPlace = (node: Link): boolean => {
    const url = resolve(node.url, node)
    if (url === undefined) return true
    node.url = url
    return false
  }
  let reportedRelative = false
  const resolve = (url: string, place: Link | undefined): string | undefined => {
    if (url.startsWith('#')) {
      let fragment = url.slice(1)
      try {
        fragment = decodeURIComponent(fragment)
      } catch {}
      if (ids.has(fragment) || fragment === '') return url
      messages.push(
        createMessage(
          file,
          `Link \`${url}\` points at no heading in this article: written as text (headings here: ${
            [...ids]
              .slice(0, 5)
              .map((id) => `#${id}`)
              .join(', ') || 'none'
          })`,
          { place, ruleId: 'broken-fragment' },
        ),
      )
      return undefined
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url
    if (url.startsWith('//')) return `https:${url}`
    if (context.articleUrl) {
      try {
        // Another article of the folder (`other.md`) is published under its name.
        const page = url.replace(/\.(md|markdown|mdx)(?=$|[?#])/i, '')
        return new URL(page, context.articleUrl).href
      } catch {}
    }
    if (!reportedRelative) {
      reportedRelative = true
      messages.push(
        createMessage(
          file,
          `Link \`${url}\` is relative to the site, and the article's own URL is unknown: written as text; set \`canonical_url\` in the article or \`base_url\` in pressroom.yaml`,
          { place, ruleId: 'relative-link' },
        ),
      )
    }
    return undefined
  }

  // Reference definitions: an unresolvable one makes its references text. A definition an image
  // uses (`![alt][id]`) keeps its URL: images resolve inside the article's folder (images.ts), not
  // against its web address; a link that shares it gets the resolved URL on a link of its own.
  const imageIds = new Set<string>()
  visit(tree, 'imageReference', (node) => {
    imageIds.add(node.identifier)
  })
  const unresolved = new Set<string>()
  const shared = new Map<string, { url: string; title: string | null | undefined }>()
  visit(tree, 'definition', (node) => {
    const url = resolve(node.url, node as unknown as Link)
    if (url === undefined) unresolved.add(node.identifier)
    else if (imageIds.has(node.identifier)) shared.set(node.identifier, { url, title: node.title })
    else node.url = url
  })
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return undefined
    if (node.type === 'linkReference' && shared.has(node.identifier)) {
      const target = shared.get(node.identifier) as {
        url: string
        title: string | null | undefined
      }
      const link: Link = {
        type: 'link',
        url: target.url,
        title: target.title ?? null,
        children: node.children,
        ...(node.position ? { position: node.position } : {}),
      }
      ;(parent as Parent).children.splice(index, 1, link)
      return undefined
    }
    const unwrap =
      (node.type === 'link' && resolveInPlace(node)) ||
      (node.type === 'linkReference' && unresolved.has(node.identifier))
    if (unwrap) {
      ;(parent as Parent).children.splice(
        index,
        1,
        ...((node as Link).children as PhrasingContent[]),
      )
      return [SKIP, index]
    }
    return undefined
  })
  mergeText(tree)
}

/** Adjacent text nodes (after unwrapping links) become one. */
function mergeText(tree: Root): void {
  visit(tree, (node) => {
    const children = (node as Parent).children
    if (!children) return
    for (let index = children.length - 1; index > 0; index--) {
      const a = children[index - 1]
      const b = children[index]
      if (a.type === 'text' && b.type === 'text') {
        ;(a as Text).value += (b as Text).value
        if (a.position && b.position) a.position.end = b.position.end
        children.splice(index, 1)
      }
    }
  })
}
