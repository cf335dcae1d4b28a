import type { ElementContent } from 'hast'
import type { LinkReference } from 'mdast'
import type { State } from '../types.js'
import { undefinedReference } from '../undefined-reference.js'
import { linkElement } from './link.js'

/** `[text][id]` -> the link its definition names; undefined: the text in brackets. */
export function linkReference(
  state: State,
  node: LinkReference,
): ElementContent | ElementContent[] {
  const definition = state.definitionById.get(String(node.identifier).toUpperCase())
  if (!definition) {
    const suffix = undefinedReference(state, node)
    return [{ type: 'text', value: '[' }, ...state.all(node), { type: 'text', value: `]${suffix}` }]
  }
  return linkElement(state, node, definition.url, definition.title)
}
