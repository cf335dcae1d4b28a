import type { ElementContent } from 'hast'
import type { Link, LinkReference, Nodes } from 'mdast'
import type { State } from '../types.js'
import { linkProtocols, safeUrl } from '../url.js'

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
  const href = safeUrl(url, linkProtocols)
  if (href === undefined) {
    state.message(
      `Unsafe URL \`${url}\` dropped (allowed: http, https, mailto, tel, relative)`,
      node,
      'unsafe-url',
    )
    return children
  }
  const properties: Record<string, string> = { href }
  if (title) properties.title = title
  return state.patch(node, { type: 'element', tagName: 'a', properties, children })
}
