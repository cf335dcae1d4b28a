import type { PhrasingContent } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { Author, AuthorLink } from '../types.js'
import type { FieldReader } from './fields.js'
import { parseMarkdown } from './processor.js'

/** Social networks an author may have, with how a handle becomes a link. */
const networks: Record<string, (handle: string) => { href: string; label: string } | undefined> = {
  twitter: (h) => ({ href: `https://x.com/${h}`, label: `@${h}` }),
  mastodon: (h) => {
    const match = /^([^@\s]+)@([^@\s]+\.[^@\s]+)$/.exec(h)
    return match ? { href: `https://${match[2]}/@${match[1]}`, label: `@${h}` } : undefined
  },
  bluesky: (h) => ({ href: `https://bsky.app/profile/${h}`, label: `@${h}` }),
  threads: (h) => ({ href: `https://www.threads.net/@${h}`, label: `@${h}` }),
  instagram: (h) => ({ href: `https://www.instagram.com/${h}`, label: `@${h}` }),
  linkedin: (h) => ({ href: `https://www.linkedin.com/in/${h}`, label: h }),
  facebook: (h) => ({ href: `https://www.facebook.com/${h}`, label: h }),
  github: (h) => ({ href: `https://github.com/${h}`, label: h }),
  email: (h) => (/^[^@\s]+@[^@\s]+$/.test(h) ? { href: `mailto:${h}`, label: h } : undefined),
}

export const socialNetworks = Object.keys(networks)
const authorKeys = new Set(['name', 'bio', 'url', ...socialNetworks, 'x'])

/** Parse inline Markdown (a bio) to phrasing content without positions. */
async function parseInline(markdown: string, onHtml: () => void): Promise<PhrasingContent[]> {
  const tree = await parseMarkdown(markdown)
  let dropped = false
  visit(tree, 'html', (_node, index, parent) => {
    if (parent && index !== undefined) {
      parent.children.splice(index, 1)
      dropped = true
      return index
    }
    return undefined
  })
  if (dropped) onHtml()
  visit(tree, (node) => {
    delete node.position
  })
  const children: PhrasingContent[] = []
  tree.children.forEach((block, index) => {
    if (index > 0) children.push({ type: 'text', value: ' ' })
    if (block.type === 'paragraph' || block.type === 'heading') children.push(...block.children)
    else children.push({ type: 'text', value: mdastToString(block) })
  })
  return children
}

function handleFrom(value: string, network: string): string {
  let handle = value.trim()
  if (/^https?:\/\//i.test(handle)) {
    try {
      const url = new URL(handle)
      const parts = url.pathname.split('/').filter(Boolean)
      if (network === 'mastodon' && parts[0]?.startsWith('@'))
        return `${parts[0].slice(1)}@${url.host}`
      handle = network === 'linkedin' && parts[0] === 'in' ? (parts[1] ?? '') : (parts.at(-1) ?? '')
    } catch {}
  }
  return handle.replace(/^@/, '')
}

/** Read `authors` (or the `author` alias: a string, a list, or a mapping). */
export async function readAuthors(
  fields: FieldReader,
  value: unknown,
  at: string,
  known: Record<string, unknown> = {},
): Promise<Author[]> {
  if (value === undefined || value === null) return []
  const list = Array.isArray(value) ? value : [value]
  const authors: Author[] = []
  for (let index = 0; index < list.length; index++) {
    let item = list[index]
    const path = Array.isArray(value) ? [at, index] : [at]
    if (typeof item === 'string') {
      const name = item.trim()
      if (!name) continue
      const entry = Object.hasOwn(known, name) ? known[name] : undefined
      if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
        item = entry
      } else if (typeof entry === 'string' && entry.trim()) {
        authors.push({ name: entry.trim(), social: {}, links: [] })
        continue
      } else if (/^[\p{Ll}\p{N}]+(?:[-_.][\p{Ll}\p{N}]+)*$/u.test(name)) {
        const readable = name
          .split(/[-_.]+/)
          .map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1))
          .join(' ')
        fields.warn(
          path,
          `Author \`${name}\` looks like a slug and is not in the \`authors:\` map of pressroom.yaml: shown as \`${readable}\`; add \`${name}: {name: ..., bio: ...}\` there`,
          'unknown-author',
        )
        authors.push({ name: readable, social: {}, links: [] })
        continue
      } else {
        authors.push({ name, social: {}, links: [] })
        continue
      }
    }
    const data = fields.mapping(item, path)
    if (!data) continue
    const name = fields.string(data.name, [...path, 'name'])
    if (!name) {
      fields.warn(path, 'An author needs a `name`; ignored', 'missing-field')
      continue
    }
    const author: Author = { name, social: {}, links: [] }
    const bio = fields.string(data.bio, [...path, 'bio'])
    if (bio) {
      const children = await parseInline(bio, () =>
        fields.warn([...path, 'bio'], 'Raw HTML in a bio is dropped; use Markdown', 'raw-html'),
      )
      author.bio = {
        markdown: bio,
        text: children.map((node) => mdastToString(node)).join(''),
        children,
      }
    }
    const url = fields.url(data.url, [...path, 'url'])
    if (url) {
      author.url = url
      author.links.push({
        rel: 'url',
        href: url,
        label: url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, ''),
      })
    }
    for (const key of Object.keys(data)) {
      if (!authorKeys.has(key))
        fields.warn(
          [...path, key],
          `Unknown author field \`${key}\`; ignored`,
          'unknown-field',
          true,
        )
    }
    for (const network of socialNetworks) {
      const raw = fields.string(data[network] ?? (network === 'twitter' ? data.x : undefined), [
        ...path,
        network,
      ])
      if (!raw) continue
      const handle = handleFrom(raw, network)
      const link = handle ? networks[network](handle) : undefined
      if (!link) {
        fields.warn(
          [...path, network],
          `\`${raw}\` is not a valid ${network} handle; ignored`,
          'invalid-handle',
        )
        continue
      }
      author.social[network] = handle
      author.links.push({ rel: network, ...link } satisfies AuthorLink)
    }
    authors.push(author)
  }
  return authors
}
