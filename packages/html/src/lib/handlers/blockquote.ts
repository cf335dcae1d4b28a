import type { Element } from 'hast'
import type { Blockquote } from 'mdast'
import type { State } from '../types.js'

/** `> quote` -> `<blockquote>`. */
export function blockquote(state: State, node: Blockquote): Element {
  return state.patch(node, {
    type: 'element',
    tagName: 'blockquote',
    properties: {},
    children: state.wrap(state.all(node), true),
  })
}
