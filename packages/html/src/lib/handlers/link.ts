import { linkSchemes, safeUrl } from '@pressroom/toolkit'
import type { ElementContent } from 'hast'
import type { Link, LinkReference, Nodes } from 'mdast'
import type { State } from '../types.js'

/** `[text](url "title")` -> `<a href title>`; unsafe URLs: the text only, reported. */
export function link(state: State, node: Link): ElementContent | ElementContent[] {
  return linkElement(state, node, node.url, node.title)
}

/** An `<a>` for `url`, or the node's content alone when the URL is unsafe. */
export function linkElement(
  state: State,
  node: Link | LinkReference,
  url: string,
  title: string | null | undefined,
): ElementContent | ElementContent[] {
  const children = state.all(node as Nodes & Link)
  const href = safeUrl(url, 'link')
  if (href === undefined) {
    state.message(
      `Unsafe URL \`${url}\` dropped (allowed: ${linkSchemes.join(', ')}, relative)`,
      node,
      'unsafe-url',
    )
    return children
  }
  // An in-page link: the reader checked that the id exists; ids carry the prefix.
  const properties: Record<string, string> = {
    href:
      href.startsWith('#') && href.length > 1
        ? `#${state.options.idPrefix}${fragment(href)}`
        : href,
  }
  if (title) properties.title = title
  return state.patch(node, { type: 'element', tagName: 'a', properties, children })
}

function fragment(href: string): string {
  try {
    return decodeURIComponent(href.slice(1))
  } catch {
    return href.slice(1)
  }
}
