import type { Element } from 'hast'
import type { Emphasis } from 'mdast'
import type { State } from '../types.js'

/** `*stress*` -> `<em>`. */
export function emphasis(state: State, node: Emphasis): Element {
  return state.patch(node, {
    type: 'element',
    tagName: 'em',
    properties: {},
    children: state.all(node),
  })
}
