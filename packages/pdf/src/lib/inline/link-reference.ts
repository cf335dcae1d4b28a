import type { LinkReference } from 'mdast'
import { colors, type InlineHandler } from '../state.js'

/** `[text][ref]`: the link its definition gives; without one, the text as written. */
export const linkReference: InlineHandler = (state, node: LinkReference, style) => {
  const definition = state.definition(node.identifier)
  if (!definition) return state.runs(node.children, style)
  return state.runs(node.children, {
    ...style,
    ...state.linkStyle(definition.url),
    color: colors.link,
  })
}
