import type { LinkReference } from 'mdast'
import type { InlineHandler } from '../state.js'

/** `[text][ref]`: the link its definition gives (under the same URL policy as a link); without
 * a definition, the text as written. */
export const linkReference: InlineHandler = (state, node: LinkReference, style) => {
  const definition = state.definition(node.identifier)
  if (!definition) return state.runs(node.children, style)
  return state.runs(node.children, { ...style, ...state.linkStyle(definition.url, node) })
}
